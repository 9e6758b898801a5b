package id.go.jambiprov.dumisake.targeting;

import java.util.List;

/**
 * A kabupaten/kota's (or the province's) P0 and Dumisake realisation over the years, every year of the range
 * present, and the years of the range without a published P0 named.
 */
public record PovertyTrend(String code, String name, List<TrendYear> years) {

    public List<Integer> missingYears() {
        return years.stream().filter(y -> y.povertyRate() == null).map(TrendYear::year).toList();
    }
}
