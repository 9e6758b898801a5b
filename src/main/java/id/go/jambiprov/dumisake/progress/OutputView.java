package id.go.jambiprov.dumisake.progress;

import java.math.BigDecimal;

/**
 * An output indicator (indikator keluaran) of an allocation with its target.
 *
 * @param achieved what the allocation's latest progress report says was reached; null without one
 */
public record OutputView(long id, String name, String unit, BigDecimal target, BigDecimal achieved, long version) {
}
