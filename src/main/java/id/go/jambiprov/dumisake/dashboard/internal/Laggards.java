package id.go.jambiprov.dumisake.dashboard.internal;

import id.go.jambiprov.dumisake.dashboard.RegionRow;
import id.go.jambiprov.dumisake.progress.MissingOutputTarget;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The early warnings of a year, each item pointing at the record to act on: the first ten of each warning
 * with the number of all of them.
 */
public record Laggards(List<RegionRow> kecamatan, long kecamatanCount, List<RegionRow> opd, long opdCount,
                       List<OverdueAllocation> overdue,
                       long overdueCount, List<WaitingDisbursement> waiting, long waitingCount, int waitingDays,
                       List<MissingOutputTarget> missingTargets, long missingTargetsCount) {

    public record OverdueAllocation(long id, String title, String opdCode, String kecamatanName, int plannedMonth,
                                    BigDecimal amount) {
    }

    public record WaitingDisbursement(long id, long allocationId, String opdCode, String kecamatanName,
                                      BigDecimal amount, OffsetDateTime submittedAt, long daysWaiting) {
    }
}
