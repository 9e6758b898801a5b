package id.go.jambiprov.dumisake.monev.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PlanCurveTest {

    @Test
    void theMeasuredMonthIsTheLastOneOverInJambi() {
        assertThat(PlanCurve.lastClosedMonth(2026, LocalDate.of(2026, 7, 15))).isEqualTo(6);
        assertThat(PlanCurve.lastClosedMonth(2026, LocalDate.of(2026, 7, 1))).isEqualTo(6);
        assertThat(PlanCurve.lastClosedMonth(2026, LocalDate.of(2026, 1, 31))).isZero();
        assertThat(PlanCurve.lastClosedMonth(2025, LocalDate.of(2026, 1, 31))).isEqualTo(12);
        assertThat(PlanCurve.lastClosedMonth(2027, LocalDate.of(2026, 12, 31))).isZero();
    }

    @Test
    void anAllocationIsPlannedInFullFromItsPlannedMonthAsOnTheSCurve() {
        assertThat(PlanCurve.plannedPercent(6, 5)).isEqualByComparingTo("0");
        assertThat(PlanCurve.plannedPercent(6, 6)).isEqualByComparingTo("100");
        assertThat(PlanCurve.plannedPercent(6, 12)).isEqualByComparingTo("100");
        assertThat(PlanCurve.plannedPercent(1, 0)).isEqualByComparingTo("0");
    }

    @Test
    void weightedByAmountThePlanIsTheSCurvesPlanOverTheAmount() {
        // the S-curve at June: Rp 300 (planned in March) of Rp 1,000 (the other Rp 700 in September)
        DeviationFigures figures = new DeviationFigures(new BigDecimal("1000"),
                new BigDecimal("300").multiply(PlanCurve.plannedPercent(3, 6)).movePointLeft(2)
                        .add(new BigDecimal("700").multiply(PlanCurve.plannedPercent(9, 6)).movePointLeft(2)),
                new BigDecimal("150"), new BigDecimal("100"), BigDecimal.ZERO);
        assertThat(figures.plannedPercent()).isEqualByComparingTo("30");
        assertThat(figures.physicalPercent()).isEqualByComparingTo("15");
        assertThat(figures.financialPercent()).isEqualByComparingTo("10");
        assertThat(figures.deviation()).isEqualByComparingTo("15");
    }

    @Test
    void notStartedOnlyOnceThePlannedMonthIsOverWithNothingRealisedOrReported() {
        assertThat(PlanCurve.notStarted(6, 6, BigDecimal.ZERO, null)).isTrue();
        assertThat(PlanCurve.notStarted(6, 6, BigDecimal.ZERO, BigDecimal.ZERO)).isTrue();
        assertThat(PlanCurve.notStarted(7, 6, BigDecimal.ZERO, null)).isFalse();
        assertThat(PlanCurve.notStarted(6, 6, new BigDecimal("1"), null)).isFalse();
        assertThat(PlanCurve.notStarted(6, 6, BigDecimal.ZERO, new BigDecimal("0.5"))).isFalse();
    }

    @Test
    void aGroupWithoutAmountShowsZeroNotAnError() {
        DeviationFigures none = new DeviationFigures(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO);
        assertThat(none.deviation()).isEqualByComparingTo("0");
    }
}
