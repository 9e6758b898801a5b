package id.go.jambiprov.dumisake.targeting;

import id.go.jambiprov.dumisake.targeting.internal.TargetingService;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * The targeting figures for the other capabilities (the realisation report): the same numbers the
 * "Sasaran kemiskinan" page shows, in the caller's scope.
 */
@Service
public class Targeting {

    /** Said wherever the figures are shown: which BPS figure pairs with a fiscal year, and where it is from. */
    public static final String SOURCE_NOTE_KEY = "targeting.sourceNote";

    private final TargetingService targeting;

    Targeting(TargetingService targeting) {
        this.targeting = targeting;
    }

    /** The kabupaten/kota (one when {@code kabupatenKotaCode} is set), the province and the aid by decile. */
    public TargetingOverview overview(int year, String kabupatenKotaCode) {
        return targeting.overview(year, kabupatenKotaCode, DecileBreakdown.KABUPATEN_KOTA);
    }

    public TargetingOverview overview(int year, String kabupatenKotaCode, DecileBreakdown by) {
        return targeting.overview(year, kabupatenKotaCode, by);
    }

    public List<PovertyTrend> trend() {
        return targeting.trend();
    }
}
