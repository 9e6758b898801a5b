package id.go.jambiprov.dumisake.allocation;

import id.go.jambiprov.dumisake.programme.Pillar;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** An allocation with the names of everything it refers to, as pages, exports and the API show it. */
public record AllocationView(long id, int year, String kecamatanCode, String kecamatanName, String kabupatenKotaCode,
                             String kabupatenKotaName, String opdCode, String opdName, String programmeCode,
                             String programmeName, Pillar pillar, Mechanism mechanism, String desaCode,
                             String desaName, String title, BigDecimal amount, int plannedMonth,
                             AllocationStatus status, BigDecimal disbursed, BigDecimal realised, String cancelReason,
                             OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy,
                             long version) {

    /** What the OPD may still disburse from this allocation. */
    public BigDecimal remainingToDisburse() {
        return status == AllocationStatus.ACTIVE ? amount.subtract(disbursed) : BigDecimal.ZERO;
    }

    public boolean active() {
        return status == AllocationStatus.ACTIVE;
    }
}
