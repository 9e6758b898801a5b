package id.go.jambiprov.dumisake.disbursement;

import java.math.BigDecimal;

/**
 * An OPD sent a disbursement for verification; the admins should decide it. {@code version} is the
 * disbursement's version after the submit, so that a resubmission after a rejection is an occurrence of its own.
 */
public record DisbursementSubmitted(long disbursementId, long allocationId, String allocationTitle, String opdCode,
                                    String kecamatanName, int tranche, BigDecimal amount, String submittedBy,
                                    long version) {
}
