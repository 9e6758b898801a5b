package id.go.jambiprov.dumisake.disbursement;

import id.go.jambiprov.dumisake.disbursement.internal.DisbursementQueries;
import org.springframework.stereotype.Service;

import java.util.function.Consumer;

/** What the other capabilities may read of the disbursements (today: exports and the SP2D reconciliation). */
@Service
public class Disbursements {

    private final DisbursementQueries queries;

    Disbursements(DisbursementQueries queries) {
        this.queries = queries;
    }

    /**
     * The disbursements of a year (optionally of one OPD or one status) in the caller's scope, streamed one
     * at a time: exports of 100,000 rows never hold the list.
     */
    public void forEach(int year, String opdCode, DisbursementStatus status, Consumer<DisbursementView> each) {
        queries.forEach(year, opdCode, status, each);
    }
}
