package id.go.jambiprov.dumisake.progress.domain;

import id.go.jambiprov.dumisake.shared.BusinessRuleException;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * The rules of a monthly progress report, in one place for the page, the API and the demo: a month of the
 * allocation's year that has begun (in WIB), not closed by a later month's report, a physical progress of
 * 0–100 %, and a progress lower than before only as a correction with its reason.
 */
public final class ReportRules {

    public static final int MAX_NARRATIVE = 4000;
    public static final int MAX_REASON = 1000;
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private ReportRules() {
    }

    /** @param today the current month in Jambi (WIB) */
    public static void requireReportableMonth(int year, int month, YearMonth today) {
        if (month < 1 || month > 12) {
            throw new BusinessRuleException("MONTH_INVALID", "progress.rule.monthInvalid");
        }
        if (YearMonth.of(year, month).isAfter(today)) {
            throw new BusinessRuleException("MONTH_IN_FUTURE", "progress.rule.monthInFuture", ReportMonth.of(year, month))
                    .with("month", ReportMonth.code(year, month));
        }
    }

    /**
     * A month is closed once a later month has a report: its figures are what the later one built on.
     *
     * @param latestMonth the latest month with a report of this allocation, null when there is none
     */
    public static void requireOpenMonth(int year, int month, Integer latestMonth) {
        if (latestMonth != null && latestMonth > month) {
            throw new BusinessRuleException("MONTH_CLOSED", "progress.rule.monthClosed", ReportMonth.of(year, month),
                    ReportMonth.of(year, latestMonth)).with("month", ReportMonth.code(year, month))
                    .with("closedBy", ReportMonth.code(year, latestMonth));
        }
    }

    public static void requirePercent(BigDecimal percent) {
        if (percent == null || percent.signum() < 0 || percent.compareTo(HUNDRED) > 0
                || percent.stripTrailingZeros().scale() > 2) {
            throw new BusinessRuleException("PERCENT_INVALID", "progress.rule.percentInvalid");
        }
    }

    public static void requireTexts(String narrative, String correctionReason) {
        if (narrative != null && narrative.strip().length() > MAX_NARRATIVE) {
            throw new BusinessRuleException("NARRATIVE_TOO_LONG", "progress.rule.narrativeTooLong", MAX_NARRATIVE);
        }
        if (correctionReason != null && correctionReason.strip().length() > MAX_REASON) {
            throw new BusinessRuleException("REASON_TOO_LONG", "progress.rule.reasonTooLong", MAX_REASON);
        }
    }

    /**
     * Physical progress below the previous month's report is a correction and needs its reason.
     *
     * @param previousMonth the latest earlier month with a report, null when there is none
     */
    public static void requireReasonBelowPreviousMonth(int year, Integer previousMonth, BigDecimal previousPercent,
                                                       BigDecimal percent, String reason) {
        if (previousMonth != null && percent.compareTo(previousPercent) < 0 && blank(reason)) {
            throw new BusinessRuleException("PROGRESS_DECREASE_NEEDS_REASON", "progress.rule.belowPreviousMonth",
                    percent, ReportMonth.of(year, previousMonth), previousPercent)
                    .with("previousMonth", ReportMonth.code(year, previousMonth))
                    .with("previousPercent", previousPercent);
        }
    }

    /** Lowering a report's own earlier figure is a correction too. */
    public static void requireReasonBelowEarlierValue(BigDecimal earlierPercent, BigDecimal percent, String reason) {
        if (percent.compareTo(earlierPercent) < 0 && blank(reason)) {
            throw new BusinessRuleException("PROGRESS_DECREASE_NEEDS_REASON", "progress.rule.belowEarlierValue",
                    percent, earlierPercent).with("previousPercent", earlierPercent);
        }
    }

    public static void requireAchieved(BigDecimal achieved) {
        if (achieved == null || achieved.signum() < 0 || achieved.stripTrailingZeros().scale() > 2
                || achieved.compareTo(OutputTargetRules.MAX_VOLUME) > 0) {
            throw new BusinessRuleException("ACHIEVED_INVALID", "progress.rule.achievedInvalid");
        }
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
