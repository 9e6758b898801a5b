package id.go.jambiprov.dumisake.disbursement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A disbursement submitted and perhaps decided before Dumisake was used (on paper, in another system), to be taken
 * over with who did each step and when.
 *
 * @param status       SUBMITTED, VERIFIED or REJECTED
 * @param decidedBy    null while SUBMITTED; never the submitter (maker-checker)
 * @param rejectReason only for REJECTED
 */
public record PastDisbursement(long allocationId, int tranche, BigDecimal amount, String sp2dNumber,
                               LocalDate sp2dDate, String remark, DisbursementStatus status,
                               String submittedBy, OffsetDateTime submittedAt,
                               String decidedBy, OffsetDateTime decidedAt, String rejectReason) {
}
