package id.go.jambiprov.dumisake.dashboard.internal;

import java.math.BigDecimal;

/**
 * One month of the S-curve: cumulative plan, realisation (null for months still to come), last year's (null when last year realised nothing), and the
 * physical progress weighted by allocation amount (Σ amount × latest physical %, null for months still to come).
 */
public record MonthPoint(int month, BigDecimal plannedCumulative, BigDecimal realisedCumulative,
                         BigDecimal previousYearCumulative, BigDecimal physicalCumulative) {
}
