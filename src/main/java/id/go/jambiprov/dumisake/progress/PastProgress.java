package id.go.jambiprov.dumisake.progress;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The monitoring of an allocation kept before it was entered here (or the demo's two years of it): its output
 * targets and its monthly reports, taken over in one go by {@link ProgressReports#takeOver}.
 *
 * @param reports in month order
 */
public record PastProgress(long allocationId, List<OutputTarget> outputs, List<PastReport> reports) {

    public PastProgress {
        outputs = List.copyOf(outputs);
        reports = List.copyOf(reports);
    }

    /**
     * @param achieved what was reached of each output target, in the order of {@link PastProgress#outputs}
     */
    public record PastReport(int month, BigDecimal physicalPercent, List<BigDecimal> achieved, String narrative,
                             String correctionReason, OffsetDateTime reportedAt, String reportedBy) {

        public PastReport {
            achieved = List.copyOf(achieved);
        }
    }
}
