package id.go.jambiprov.dumisake.beneficiary.api;

import id.go.jambiprov.dumisake.beneficiary.AidResidenceDifference;
import id.go.jambiprov.dumisake.beneficiary.internal.AidResidenceReconciliation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * For operators (admins): whether every aid record still carries where its person lives and their decile, as the
 * targeting figures count them. An empty list means it does; each entry names an aid record whose copy differs.
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
}
