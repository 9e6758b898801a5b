package id.go.jambiprov.dumisake.allocation.api;

import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.allocation.KeptTotalsDifference;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * For operators (admins): whether the totals the dashboards read still equal the allocation and disbursement rows
 * of a year. An empty list means they do; each entry names a figure that differs, as stored and as recounted.
 */
@RestController
class KeptTotalsApiController {

    private final Allocations allocations;

    KeptTotalsApiController(Allocations allocations) {
        this.allocations = allocations;
    }

    @GetMapping("/api/v1/allocations/kept-totals/differences")
    List<KeptTotalsDifference> differences(@RequestParam int year) {
        return allocations.keptTotalsDifferences(year);
    }
}
