package id.go.jambiprov.dumisake.targeting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A ratio of two figures as the targeting page shows it: unknown ({@code null}, shown "–") when either figure
 * is missing or the denominator is zero, never 0 and never infinity. One place for every ratio of the
 * capability: rupiah per poor person, coverage, shares, the change of P0.
 */
public final class Ratio {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Ratio() {
    }

    /** {@code numerator ÷ denominator} rounded to {@code scale} decimals, or null when it has no value. */
    public static BigDecimal of(BigDecimal numerator, BigDecimal denominator, int scale) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, scale, RoundingMode.HALF_UP);
    }

    /** {@code part} as a percentage of {@code whole}, two decimals, or null when it has no value. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part == null ? null : of(part.multiply(HUNDRED), whole, 2);
    }

    /** {@code current − previous} (percentage points of P0), or null unless both are known. */
    public static BigDecimal change(BigDecimal current, BigDecimal previous) {
        return current == null || previous == null ? null : current.subtract(previous);
    }
}
