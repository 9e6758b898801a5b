package id.go.jambiprov.dumisake.disbursement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A disbursement with its allocation's context, as pages and the API show it. */
public record DisbursementView(long id, long allocationId, String allocationTitle, int year, String opdCode,
                               String opdName, String kecamatanCode, String kecamatanName, String kabupatenKotaCode,
                               String kabupatenKotaName, int tranche, BigDecimal amount, String sp2dNumber,
                               LocalDate sp2dDate, String remark, DisbursementStatus status, String rejectReason,
                               OffsetDateTime createdAt, String createdBy, OffsetDateTime submittedAt,
                               String submittedBy, OffsetDateTime decidedAt, String decidedBy, long version,
                               String evidenceName, String evidenceType, Integer evidenceSize) {

    public boolean hasEvidence() {
        return evidenceName != null;
    }

    public boolean editable() {
        return status.editable();
    }
}
