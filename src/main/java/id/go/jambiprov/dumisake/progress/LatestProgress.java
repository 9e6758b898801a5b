package id.go.jambiprov.dumisake.progress;

import java.math.BigDecimal;

/**
 * What an allocation's page shows of its monitoring at a glance.
 *
 * @param latestMonth     the month of the latest report, null without any
 * @param latestPercent   its physical progress, null without any
 * @param outputsMissing  no output target is set: an early warning ("target keluaran belum diisi")
 */
public record LatestProgress(long allocationId, int year, Integer latestMonth, BigDecimal latestPercent,
                             int reportCount, boolean outputsMissing) {
}
