package id.go.jambiprov.dumisake.dashboard.internal;

import java.math.BigDecimal;

/** One month of the S-curve: cumulative plan, realisation (null for months still to come) and last year's. */
public record MonthPoint(int month, BigDecimal plannedCumulative, BigDecimal realisedCumulative,
                         BigDecimal previousYearCumulative) {
}
