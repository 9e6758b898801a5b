package id.go.jambiprov.dumisake.progress;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A monthly progress report as pages and the API show it.
 *
 * @param closed the next month's report exists, so this one no longer changes
 */
public record ProgressReportView(long id, long allocationId, int year, int month, BigDecimal physicalPercent,
                                 List<ReportedOutput> outputs, String narrative, String correctionReason,
                                 boolean closed, OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt,
                                 String updatedBy, long version) {
}
