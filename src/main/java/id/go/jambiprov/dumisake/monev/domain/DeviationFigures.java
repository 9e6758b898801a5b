package id.go.jambiprov.dumisake.monev.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The sums a deviation row is computed from: every figure is an amount of money, so that a group's percent
 * is weighted by allocation amount and adds up from its allocations.
 *
 * @param amount        Σ amount of the active allocations
 * @param plannedAmount Σ amount × planned % / 100 ({@link PlanCurve})
 * @param physicalAmount Σ amount × latest reported physical % / 100 (no report: 0)
 * @param realised      Σ verified disbursements
 * @param missingAmount Σ amount of the allocations without a report for the last closed month
 */
public record DeviationFigures(BigDecimal amount, BigDecimal plannedAmount, BigDecimal physicalAmount,
                               BigDecimal realised, BigDecimal missingAmount) {

    public BigDecimal plannedPercent() {
        return percent(plannedAmount);
    }

    public BigDecimal physicalPercent() {
        return percent(physicalAmount);
    }

    public BigDecimal financialPercent() {
        return percent(realised);
    }

    public BigDecimal missingReportPercent() {
        return percent(missingAmount);
    }

    /** Planned − physical in percentage points, from the unrounded sums. */
    public BigDecimal deviation() {
        return percent(plannedAmount.subtract(physicalAmount));
    }

    private BigDecimal percent(BigDecimal part) {
        if (amount.signum() == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        // × 100 as a shift of the decimal point: the same number, without a multiplication
        return part.scaleByPowerOfTen(2).divide(amount, 2, RoundingMode.HALF_UP);
    }
}
