package id.go.jambiprov.dumisake.allocation.api;

import id.go.jambiprov.dumisake.allocation.KeptTotalsDifference;
import id.go.jambiprov.dumisake.allocation.internal.KeptTotalsReconciliation;
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

    private final KeptTotalsReconciliation reconciliation;

    KeptTotalsApiController(KeptTotalsReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @GetMapping("/api/v1/allocations/kept-totals/differences")
    List<KeptTotalsDifference> differences(@RequestParam int year) {
        return reconciliation.differences(year);
    }
}
