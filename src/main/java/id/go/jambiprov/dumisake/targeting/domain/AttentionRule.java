package id.go.jambiprov.dumisake.targeting.domain;

import java.math.BigDecimal;

/**
 * "Perlu perhatian": a kabupaten/kota whose poverty rate P0 is above the province's and whose realised
 * rupiah per poor person is below the province's. Both comparisons need both values: a region or a
 * province without a figure is never flagged (nor cleared) on a guess.
 */
public final class AttentionRule {

    private AttentionRule() {
    }

    public static boolean needsAttention(BigDecimal povertyRate, BigDecimal realisedPerPoorPerson,
                                         BigDecimal provincePovertyRate, BigDecimal provinceRealisedPerPoorPerson) {
        if (povertyRate == null || realisedPerPoorPerson == null || provincePovertyRate == null
                || provinceRealisedPerPoorPerson == null) {
            return false;
        }
        return povertyRate.compareTo(provincePovertyRate) > 0
                && realisedPerPoorPerson.compareTo(provinceRealisedPerPoorPerson) < 0;
    }
}
