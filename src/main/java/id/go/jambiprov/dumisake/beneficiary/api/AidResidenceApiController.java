package id.go.jambiprov.dumisake.beneficiary.api;

import id.go.jambiprov.dumisake.beneficiary.AidReachDifference;
import id.go.jambiprov.dumisake.beneficiary.AidResidenceDifference;
import id.go.jambiprov.dumisake.beneficiary.internal.AidResidenceReconciliation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * For operators (admins): whether every aid record still carries where its person lives and their decile, as the
 * targeting figures count them, and whether the people and rupiah the database keeps for those figures equal a recount
 * of the aid. An empty list means they do; each entry names an aid record, or a kept cell, that differs.
 */
@RestController
class AidResidenceApiController {

    private final AidResidenceReconciliation reconciliation;

    AidResidenceApiController(AidResidenceReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @GetMapping("/api/v1/aid/residence-differences")
    List<AidResidenceDifference> differences() {
        return reconciliation.differences();
    }

    /** The kept reach of the aid (people and rupiah per year, group, kabupaten/kota and decile), one year or all. */
    @GetMapping("/api/v1/aid/reach-differences")
    List<AidReachDifference> reachDifferences(@RequestParam(required = false) Integer year) {
        return reconciliation.reachDifferences(year);
    }
}
