package id.go.jambiprov.dumisake.progress;

import java.math.BigDecimal;

/**
 * What exports show of an allocation's monitoring.
 *
 * @param outputs               its output targets in one line ("Rumah layak huni: 12 unit rumah; …"), null: none
 * @param latestPhysicalPercent the physical progress of its latest report, null without any
 */
public record MonitoringFigures(long allocationId, String outputs, BigDecimal latestPhysicalPercent) {
}
