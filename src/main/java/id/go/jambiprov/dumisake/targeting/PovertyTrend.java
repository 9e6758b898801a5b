package id.go.jambiprov.dumisake.targeting;

import java.util.List;

/**
 * A kabupaten/kota's (or the province's) P0 and Dumisake realisation over the years, every year of the range
 * present; the years without a published P0 alone are {@link PovertyRateGaps}.
 */
public record PovertyTrend(String code, String name, List<TrendYear> years) {
}
