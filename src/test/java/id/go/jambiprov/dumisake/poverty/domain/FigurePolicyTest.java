package id.go.jambiprov.dumisake.poverty.domain;

import id.go.jambiprov.dumisake.poverty.Indicator;
import id.go.jambiprov.dumisake.poverty.Period;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules every official figure meets, whichever way it comes in (form, API, import). */
class FigurePolicyTest {

    private static final FigurePolicy POLICY = new FigurePolicy(Set.of("15.01", "15.05", "15.71"), 2026);

    @Test
    void aCompleteRowFromOneSourcePasses() {
        assertThat(POLICY.check(submission(2024, "15.05", Period.MARET, Map.of(
                Indicator.POVERTY_RATE, new BigDecimal("3.65"), Indicator.POOR_PEOPLE, new BigDecimal("17480"),
                Indicator.POPULATION, new BigDecimal("449751"), Indicator.POVERTY_LINE, new BigDecimal("617948"),
                Indicator.P1, new BigDecimal("0.48"), Indicator.P2, new BigDecimal("0.10")), "https://bps.go.id"),
                Map.of())).isEmpty();
    }

    @Test
    void theYearRunsFrom2000ToNextYear() {
        assertThat(fields(submission(1999, "15.01", Period.MARET, rate("5"), "s"))).containsExactly("year");
        assertThat(fields(submission(2028, "15.01", Period.MARET, rate("5"), "s"))).containsExactly("year");
        assertThat(fields(submission(2027, "15.01", Period.MARET, rate("5"), "s"))).isEmpty();
        assertThat(fields(submission(2000, "15.01", Period.MARET, rate("5"), "s"))).isEmpty();
        assertThat(fields(submission(null, "15.01", Period.MARET, rate("5"), "s"))).containsExactly("year");
    }

    @Test
    void onlyKnownKabupatenKotaOrTheProvinceAndSeptemberOnlyForTheProvince() {
        assertThat(fields(submission(2024, "15.99", Period.MARET, rate("5"), "s"))).containsExactly("code");
        assertThat(fields(submission(2024, null, Period.MARET, rate("5"), "s"))).containsExactly("code");
        assertThat(fields(submission(2024, "15", Period.SEPTEMBER, rate("5"), "s"))).isEmpty();
        assertThat(fields(submission(2024, "15.01", Period.SEPTEMBER, rate("5"), "s"))).containsExactly("period");
    }

    @Test
    void ratesLieBetween0And100() {
        assertThat(keys(submission(2024, "15.01", Period.MARET, rate("100.01"), "s")))
                .containsExactly("poverty.rule.rateRange");
        assertThat(keys(submission(2024, "15.01", Period.MARET, rate("-0.1"), "s")))
                .containsExactly("poverty.rule.negative");
        assertThat(keys(submission(2024, "15.01", Period.MARET, rate("0"), "s"))).isEmpty();
        assertThat(keys(submission(2024, "15.01", Period.MARET, rate("100"), "s"))).isEmpty();
        assertThat(keys(submission(2024, "15.01", Period.MARET,
                Map.of(Indicator.EXTREME_RATE, new BigDecimal("101")), "s"))).containsExactly("poverty.rule.rateRange");
    }

    @Test
    void peopleAndRupiahAreWholeAndNotNegative() {
        assertThat(keys(submission(2024, "15.01", Period.MARET,
                Map.of(Indicator.POOR_PEOPLE, new BigDecimal("-1")), "s"))).containsExactly("poverty.rule.negative");
        assertThat(keys(submission(2024, "15.01", Period.MARET,
                Map.of(Indicator.POOR_PEOPLE, new BigDecimal("10.5")), "s"))).containsExactly("poverty.rule.wholeNumber");
        assertThat(keys(submission(2024, "15.01", Period.MARET,
                Map.of(Indicator.POVERTY_LINE, new BigDecimal("617948.5")), "s"))).containsExactly("poverty.rule.wholeNumber");
        assertThat(keys(submission(2024, "15.01", Period.MARET,
                Map.of(Indicator.EXTREME_POOR, new BigDecimal("0")), "s"))).isEmpty();
        assertThat(keys(submission(2024, "15.01", Period.MARET,
                Map.of(Indicator.P1, new BigDecimal("1.1745")), "s"))).containsExactly("poverty.rule.tooManyDecimals");
    }

    @Test
    void poorPeopleNeverExceedThePopulationCountingWhatStaysInPlace() {
        Map<Indicator, BigDecimal> current = Map.of(Indicator.POPULATION, new BigDecimal("1000"));
        Submission tooMany = submission(2024, "15.01", Period.MARET,
                Map.of(Indicator.POOR_PEOPLE, new BigDecimal("1001")), "s");
        assertThat(POLICY.check(tooMany, current)).extracting(Violation::field, Violation::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("poorPeople", "poverty.rule.poorAbovePopulation"));
        assertThat(POLICY.check(tooMany, Map.of())).isEmpty();
        Submission withdrawsPopulation = new Submission(0, 2024, "15.01", Period.MARET,
                Map.of(Indicator.POOR_PEOPLE, new BigDecimal("1001")), Set.of(Indicator.POPULATION), "s", null, null);
        assertThat(POLICY.check(withdrawsPopulation, current)).isEmpty();
        assertThat(POLICY.check(submission(2024, "15.01", Period.MARET,
                Map.of(Indicator.POOR_PEOPLE, new BigDecimal("1000")), "s"), current)).isEmpty();
    }

    @Test
    void aSourceIsRequiredAndSomethingMustChange() {
        assertThat(keys(submission(2024, "15.01", Period.MARET, rate("5"), "  ")))
                .containsExactly("poverty.rule.sourceRequired");
        assertThat(keys(submission(2024, "15.01", Period.MARET, Map.of(), "s")))
                .containsExactly("poverty.rule.nothingGiven");
        Submission withdrawOnly = new Submission(0, 2024, "15.01", Period.MARET, Map.of(),
                Set.of(Indicator.P1), null, null, null);
        assertThat(POLICY.check(withdrawOnly, Map.of())).isEmpty();
        assertThat(keys(submission(2024, "15.01", Period.MARET, rate("5"), "x".repeat(2001))))
                .containsExactly("poverty.rule.tooLong");
    }

    @Test
    void everyViolationIsReportedAtOnceWithItsRow() {
        Submission bad = new Submission(7, 1990, "99", Period.MARET,
                Map.of(Indicator.POVERTY_RATE, new BigDecimal("120"), Indicator.POOR_PEOPLE, new BigDecimal("-3")),
                Set.of(), null, null, null);
        List<Violation> violations = POLICY.check(bad, Map.of());
        assertThat(violations).extracting(Violation::field)
                .containsExactlyInAnyOrder("year", "code", "povertyRate", "poorPeople", "source");
        assertThat(violations).extracting(Violation::row).containsOnly(7);
    }

    @Test
    void typedFiguresAreReadInIndonesianAndPlainNotation() {
        List<Violation> violations = new ArrayList<>();
        assertThat(FigurePolicy.parse(0, Indicator.POVERTY_RATE, "8,36", violations)).isEqualByComparingTo("8.36");
        assertThat(FigurePolicy.parse(0, Indicator.POVERTY_RATE, "8.36", violations)).isEqualByComparingTo("8.36");
        assertThat(FigurePolicy.parse(0, Indicator.POOR_PEOPLE, "20.830", violations)).isEqualByComparingTo("20830");
        assertThat(FigurePolicy.parse(0, Indicator.POOR_PEOPLE, "20830", violations)).isEqualByComparingTo("20830");
        assertThat(FigurePolicy.parse(0, Indicator.POVERTY_LINE, "Rp 617.948", violations))
                .isEqualByComparingTo("617948");
        assertThat(FigurePolicy.parse(0, Indicator.P1, "1,174", violations)).isEqualByComparingTo("1.174");
        assertThat(FigurePolicy.parse(0, Indicator.P1, " ", violations)).isNull();
        assertThat(violations).isEmpty();
        assertThat(FigurePolicy.parse(4, Indicator.POOR_PEOPLE, "banyak", violations)).isNull();
        assertThat(violations).extracting(Violation::row, Violation::field, Violation::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4, "poorPeople", "poverty.rule.notANumber"));
    }

    private static Map<Indicator, BigDecimal> rate(String value) {
        return Map.of(Indicator.POVERTY_RATE, new BigDecimal(value));
    }

    private static Submission submission(Integer year, String code, Period period, Map<Indicator, BigDecimal> values,
                                         String source) {
        return new Submission(0, year, code, period, values, Set.of(), source, null, null);
    }

    private static List<String> fields(Submission submission) {
        return POLICY.check(submission, Map.of()).stream().map(Violation::field).toList();
    }

    private static List<String> keys(Submission submission) {
        return POLICY.check(submission, Map.of()).stream().map(Violation::messageKey).toList();
    }
}
