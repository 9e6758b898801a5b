package id.go.jambiprov.dumisake.disbursement;

import id.go.jambiprov.dumisake.disbursement.internal.DisbursementQueries;
import id.go.jambiprov.dumisake.disbursement.internal.DisbursementService;
import id.go.jambiprov.dumisake.disbursement.internal.NewDisbursement;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * What the other capabilities may ask of the disbursements: read them (exports, the SP2D reconciliation), and
 * record and decide them under every rule of the pages (the demo data).
 */
@Service
public class Disbursements {

    private final DisbursementQueries queries;
    private final DisbursementService disbursements;

    Disbursements(DisbursementQueries queries, DisbursementService disbursements) {
        this.queries = queries;
        this.disbursements = disbursements;
    }

    /**
     * The disbursements of a year (optionally of one OPD or one status) in the caller's scope, streamed one
     * at a time: exports of 100,000 rows never hold the list.
     */
    public void forEach(int year, String opdCode, DisbursementStatus status, Consumer<DisbursementView> each) {
        queries.forEach(year, opdCode, status, each);
    }

    /** A draft, recorded by the signed-in operator of the allocation's OPD under every rule of the page. */
    public DisbursementView record(long allocationId, int tranche, BigDecimal amount, String sp2dNumber,
                                   LocalDate sp2dDate, String remark) {
        return disbursements.create(allocationId,
                new NewDisbursement(tranche, amount, sp2dNumber, sp2dDate, remark, null), null);
    }

    /** The operator sends the draft for verification. */
    public DisbursementView submit(long id) {
        return disbursements.submit(id);
    }

    /** An admin who did not submit it verifies it (maker-checker). */
    public DisbursementView verify(long id) {
        return disbursements.verify(id);
    }

    /** An admin who did not submit it rejects it with a reason. */
    public DisbursementView reject(long id, String reason) {
        return disbursements.reject(id, reason);
    }
}
