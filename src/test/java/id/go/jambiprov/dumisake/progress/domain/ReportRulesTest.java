package id.go.jambiprov.dumisake.progress.domain;

import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class ReportRulesTest {

    private static final YearMonth DECEMBER_2026 = YearMonth.of(2026, 12);

    @Test
    void theCurrentMonthAndEarlierOnesMayBeReportedButNotALaterOne() {
        assertThatCode(() -> ReportRules.requireReportableMonth(2026, 12, DECEMBER_2026)).doesNotThrowAnyException();
        assertThatCode(() -> ReportRules.requireReportableMonth(2025, 12, DECEMBER_2026)).doesNotThrowAnyException();
        assertThat(refusal(() -> ReportRules.requireReportableMonth(2027, 1, DECEMBER_2026)).code())
                .isEqualTo("MONTH_IN_FUTURE");
        BusinessRuleException future = refusal(() -> ReportRules.requireReportableMonth(2026, 7, YearMonth.of(2026, 6)));
        assertThat(future.code()).isEqualTo("MONTH_IN_FUTURE");
        assertThat(future.details()).containsEntry("month", "2026-07");
    }

    @Test
    void aMonthOutsideOneToTwelveIsRefused() {
        assertThat(refusal(() -> ReportRules.requireReportableMonth(2026, 0, DECEMBER_2026)).code())
                .isEqualTo("MONTH_INVALID");
        assertThat(refusal(() -> ReportRules.requireReportableMonth(2026, 13, DECEMBER_2026)).code())
                .isEqualTo("MONTH_INVALID");
    }

    @Test
    void aLaterMonthsReportClosesTheMonth() {
        assertThatCode(() -> ReportRules.requireOpenMonth(2026, 7, null)).doesNotThrowAnyException();
        assertThatCode(() -> ReportRules.requireOpenMonth(2026, 7, 7)).doesNotThrowAnyException();
        BusinessRuleException closed = refusal(() -> ReportRules.requireOpenMonth(2026, 7, 8));
        assertThat(closed.code()).isEqualTo("MONTH_CLOSED");
        assertThat(closed.details()).containsEntry("closedBy", "2026-08");
    }

    @Test
    void physicalProgressIsZeroToAHundredWithTwoDecimalsAtMost() {
        assertThatCode(() -> ReportRules.requirePercent(BigDecimal.ZERO)).doesNotThrowAnyException();
        assertThatCode(() -> ReportRules.requirePercent(new BigDecimal("100.00"))).doesNotThrowAnyException();
        assertThatCode(() -> ReportRules.requirePercent(new BigDecimal("62.25"))).doesNotThrowAnyException();
        for (String bad : new String[] {"-0.01", "100.01", "62.125"}) {
            assertThat(refusal(() -> ReportRules.requirePercent(new BigDecimal(bad))).code()).isEqualTo("PERCENT_INVALID");
        }
        assertThat(refusal(() -> ReportRules.requirePercent(null)).code()).isEqualTo("PERCENT_INVALID");
    }

    @Test
    void goingBelowThePreviousMonthNeedsAReason() {
        BusinessRuleException refused = refusal(() -> ReportRules.requireReasonBelowPreviousMonth(2026, 6,
                new BigDecimal("55"), new BigDecimal("40"), "  "));
        assertThat(refused.code()).isEqualTo("PROGRESS_DECREASE_NEEDS_REASON");
        assertThat(refused.messageKey()).isEqualTo("progress.rule.belowPreviousMonth");
        assertThat(refused.details()).containsEntry("previousMonth", "2026-06");

        assertThatCode(() -> ReportRules.requireReasonBelowPreviousMonth(2026, 6, new BigDecimal("55"),
                new BigDecimal("40"), "Volume bulan lalu terhitung ganda")).doesNotThrowAnyException();
        assertThatCode(() -> ReportRules.requireReasonBelowPreviousMonth(2026, 6, new BigDecimal("55"),
                new BigDecimal("55.00"), null)).doesNotThrowAnyException();
        assertThatCode(() -> ReportRules.requireReasonBelowPreviousMonth(2026, null, null, BigDecimal.ZERO, null))
                .doesNotThrowAnyException();
    }

    @Test
    void loweringAReportsOwnEarlierFigureNeedsAReasonToo() {
        assertThat(refusal(() -> ReportRules.requireReasonBelowEarlierValue(new BigDecimal("70"), new BigDecimal("65"),
                null)).messageKey()).isEqualTo("progress.rule.belowEarlierValue");
        assertThatCode(() -> ReportRules.requireReasonBelowEarlierValue(new BigDecimal("70"), new BigDecimal("65"),
                "Salah ketik")).doesNotThrowAnyException();
        assertThatCode(() -> ReportRules.requireReasonBelowEarlierValue(new BigDecimal("70"), new BigDecimal("75"),
                null)).doesNotThrowAnyException();
    }

    @Test
    void textsHaveTheirLimits() {
        assertThat(refusal(() -> ReportRules.requireTexts("x".repeat(4001), null)).code()).isEqualTo("NARRATIVE_TOO_LONG");
        assertThat(refusal(() -> ReportRules.requireTexts(null, "x".repeat(1001))).code()).isEqualTo("REASON_TOO_LONG");
        assertThatCode(() -> ReportRules.requireTexts("x".repeat(4000), "x".repeat(1000))).doesNotThrowAnyException();
    }

    @Test
    void outputAchievedIsZeroOrMore() {
        assertThatCode(() -> ReportRules.requireAchieved(BigDecimal.ZERO)).doesNotThrowAnyException();
        assertThat(refusal(() -> ReportRules.requireAchieved(new BigDecimal("-1"))).code()).isEqualTo("ACHIEVED_INVALID");
        assertThat(refusal(() -> ReportRules.requireAchieved(null)).code()).isEqualTo("ACHIEVED_INVALID");
    }

    static BusinessRuleException refusal(Runnable rule) {
        try {
            rule.run();
        } catch (BusinessRuleException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }
}
