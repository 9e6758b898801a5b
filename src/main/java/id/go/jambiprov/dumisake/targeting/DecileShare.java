package id.go.jambiprov.dumisake.targeting;

import java.math.BigDecimal;

/**
 * The active direct aid of a year that reached one welfare decile.
 *
 * @param decile 1 (poorest) to 10, or {@code null} for people registered without a decile ("tanpa desil")
 * @param people distinct people of the decile with aid
 * @param share  the decile's part of the aid's rupiah, in percent; null when there is no aid at all
 */
public record DecileShare(Integer decile, long people, BigDecimal amount, BigDecimal share) {
}
