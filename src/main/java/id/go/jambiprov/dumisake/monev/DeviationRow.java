package id.go.jambiprov.dumisake.monev;

import java.math.BigDecimal;

/**
 * One row of the deviation table: an allocation or a group of allocations, with its progress in percent
 * (aggregates weighted by allocation amount) and deviation = planned − physical in points.
 *
 * @param code                 the group's code (OPD, kecamatan, kabupaten/kota, programme code; allocation id)
 * @param place                an allocation's kecamatan and kabupaten/kota by name; null for a group
 * @param amount               Σ amount of its active allocations, the weight
 * @param allocations          how many active allocations it holds
 * @param missingReportPercent share (by amount) of its allocations without last month's report
 */
public record DeviationRow(String code, String name, String place, BigDecimal amount, long allocations, BigDecimal plannedPercent,
                           BigDecimal physicalPercent, BigDecimal financialPercent, BigDecimal deviation,
                           BigDecimal missingReportPercent, TrafficLight status) {
}
