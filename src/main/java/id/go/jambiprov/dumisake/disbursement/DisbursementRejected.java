package id.go.jambiprov.dumisake.disbursement;

/** An admin rejected a disbursement with a reason; its OPD should correct it. {@code version} as in {@link DisbursementSubmitted}. */
public record DisbursementRejected(long disbursementId, long allocationId, String allocationTitle, String opdCode,
                                   String kecamatanName, int tranche, String reason, String rejectedBy,
                                   long version) {
}
