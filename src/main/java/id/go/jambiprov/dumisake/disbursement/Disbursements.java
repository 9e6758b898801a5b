package id.go.jambiprov.dumisake.disbursement;

import id.go.jambiprov.dumisake.disbursement.internal.DisbursementQueries;
import id.go.jambiprov.dumisake.disbursement.internal.DisbursementTakeOver;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.function.Consumer;

/**
 * What the other capabilities may ask of the disbursements: read them (exports, the SP2D reconciliation), and
 * take over those decided before Dumisake was used (the demo data).
 */
@Service
public class Disbursements {

    private final DisbursementQueries queries;
    private final DisbursementTakeOver takeOver;

    Disbursements(DisbursementQueries queries, DisbursementTakeOver takeOver) {
        this.queries = queries;
        this.takeOver = takeOver;
    }

    /**
     * The disbursements of a year (optionally of one OPD or one status) in the caller's scope, streamed one
     * at a time: exports of 100,000 rows never hold the list.
     */
    public void forEach(int year, String opdCode, DisbursementStatus status, Consumer<DisbursementView> each) {
        queries.forEach(year, opdCode, status, each);
    }

    /**
     * Disbursements submitted and decided before Dumisake was used, taken over all or nothing under the rules of
     * one entered by hand (admins only).
     *
     * @return how many were taken over
     */
    public int takeOver(List<PastDisbursement> past) {
        return takeOver.takeOver(past);
    }
}
