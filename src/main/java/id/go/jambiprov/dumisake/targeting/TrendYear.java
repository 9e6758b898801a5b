package id.go.jambiprov.dumisake.targeting;

import java.math.BigDecimal;

/**
 * One year of a region's trend.
 *
 * @param povertyRate the chosen P0 of March, null when not published
 * @param realised    Dumisake's realised money, null in a year without a Dumisake fiscal year
 */
public record TrendYear(int year, BigDecimal povertyRate, BigDecimal realised) {
}
