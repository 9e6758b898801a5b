package id.go.jambiprov.dumisake.targeting;

import java.util.List;

/**
 * A kabupaten/kota (or the province) and the years of the trend's range without a published P0, as the targeting
 * page names them; the trend itself, with Dumisake's money, is {@link PovertyTrend}.
 */
public record PovertyRateGaps(String code, String name, List<Integer> missingYears) {
}
