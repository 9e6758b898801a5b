package id.go.jambiprov.dumisake.targeting.domain;

import id.go.jambiprov.dumisake.targeting.DecileGroup;
import id.go.jambiprov.dumisake.targeting.DecileShare;
import id.go.jambiprov.dumisake.targeting.RegionTargeting;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ratios, the attention rule and the year rule of the targeting page, without Spring. */
class TargetingRulesTest {

    private static final BigDecimal PROVINCE_RATE = new BigDecimal("7.19");
    private static final BigDecimal PROVINCE_PER_PERSON = new BigDecimal("10000");

    @Test
    void aRatioWithoutADenominatorHasNoValueNeitherZeroNorInfinity() {
        assertThat(Ratio.of(new BigDecimal("5000000"), null, 0)).isNull();
        assertThat(Ratio.of(new BigDecimal("5000000"), BigDecimal.ZERO, 0)).isNull();
        assertThat(Ratio.of(null, BigDecimal.TEN, 0)).isNull();
        assertThat(Ratio.of(new BigDecimal("5000000"), new BigDecimal("3"), 0)).isEqualByComparingTo("1666667");
        assertThat(Ratio.percent(new BigDecimal("25"), new BigDecimal("200"))).isEqualByComparingTo("12.50");
        assertThat(Ratio.change(new BigDecimal("8.40"), null)).isNull();
        assertThat(Ratio.change(new BigDecimal("8.40"), new BigDecimal("8.90"))).isEqualByComparingTo("-0.50");
    }

    @Test
    void aRegionWithoutPoorPeopleHasNoRupiahPerPoorPersonAndNoCoverage() {
        RegionTargeting unknown = region(new BigDecimal("8.4"), null, "1000000", 12);
        RegionTargeting none = region(new BigDecimal("8.4"), 0L, "1000000", 12);
        RegionTargeting known = region(new BigDecimal("8.4"), 400L, "1000000", 12);

        assertThat(unknown.realisedPerPoorPerson()).isNull();
        assertThat(unknown.coverage()).isNull();
        assertThat(none.realisedPerPoorPerson()).isNull();
        assertThat(none.coverage()).isNull();
        assertThat(known.realisedPerPoorPerson()).isEqualByComparingTo("2500");
        assertThat(known.coverage()).isEqualByComparingTo("3.00");
    }

    @Test
    void onlyHighPovertyWithLowRealisationNeedsAttention() {
        assertThat(AttentionRule.needsAttention(new BigDecimal("9.45"), new BigDecimal("5000"), PROVINCE_RATE,
                PROVINCE_PER_PERSON)).isTrue();
        assertThat(AttentionRule.needsAttention(new BigDecimal("9.45"), new BigDecimal("15000"), PROVINCE_RATE,
                PROVINCE_PER_PERSON)).isFalse();
        assertThat(AttentionRule.needsAttention(new BigDecimal("3.65"), new BigDecimal("5000"), PROVINCE_RATE,
                PROVINCE_PER_PERSON)).isFalse();
        assertThat(AttentionRule.needsAttention(PROVINCE_RATE, new BigDecimal("5000"), PROVINCE_RATE,
                PROVINCE_PER_PERSON)).as("equal to the province is not above it").isFalse();
    }

    @Test
    void aMissingFigureNeverFlagsARegion() {
        assertThat(AttentionRule.needsAttention(null, new BigDecimal("5000"), PROVINCE_RATE, PROVINCE_PER_PERSON)).isFalse();
        assertThat(AttentionRule.needsAttention(new BigDecimal("9.45"), null, PROVINCE_RATE, PROVINCE_PER_PERSON)).isFalse();
        assertThat(AttentionRule.needsAttention(new BigDecimal("9.45"), new BigDecimal("5000"), null,
                PROVINCE_PER_PERSON)).isFalse();
        assertThat(AttentionRule.needsAttention(new BigDecimal("9.45"), new BigDecimal("5000"), PROVINCE_RATE,
                null)).isFalse();
    }

    @Test
    void theSharesOfTheLowestDecilesCountRupiahAndLeaveOutPeopleWithoutADecile() {
        List<DecileShare> deciles = new ArrayList<>();
        for (int decile = 1; decile <= 10; decile++) {
            deciles.add(new DecileShare(decile, decile <= 4 ? 1 : 0, decile <= 4 ? new BigDecimal("100") : BigDecimal.ZERO, null));
        }
        deciles.add(new DecileShare(null, 4, new BigDecimal("400"), null));
        DecileGroup group = new DecileGroup("P", "Programme", deciles);

        assertThat(group.amount()).isEqualByComparingTo("800");
        assertThat(group.people()).isEqualTo(8);
        assertThat(group.amountShareUpTo(2)).isEqualByComparingTo("25.00");
        assertThat(group.amountShareUpTo(4)).isEqualByComparingTo("50.00");
        assertThat(group.peopleShareUpTo(4)).isEqualByComparingTo("50.00");
        assertThat(new DecileGroup("Q", "Empty", List.of()).amountShareUpTo(2)).isNull();
    }

    @Test
    void yearsRunFrom2000ToNextYear() {
        assertThat(TargetingYear.acceptable(1999, 2026)).isFalse();
        assertThat(TargetingYear.acceptable(2000, 2026)).isTrue();
        assertThat(TargetingYear.acceptable(2027, 2026)).isTrue();
        assertThat(TargetingYear.acceptable(2028, 2026)).isFalse();
    }

    private static RegionTargeting region(BigDecimal rate, Long poor, String realised, long beneficiaries) {
        return new RegionTargeting("15.04", "Batang Hari", rate, null, poor, new BigDecimal(realised),
                new BigDecimal(realised), beneficiaries);
    }
}
