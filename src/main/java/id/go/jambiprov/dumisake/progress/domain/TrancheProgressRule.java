package id.go.jambiprov.dumisake.progress.domain;

import id.go.jambiprov.dumisake.shared.BusinessRuleException;

import java.math.BigDecimal;

/**
 * Tranches released on progress: before tranche 2 or later of an allocation is submitted, its latest progress
 * report must show at least the programme's minimum physical progress, as Dana Desa's tahap II waits for the
 * first tahap's work. A programme without a minimum releases every tranche.
 */
public final class TrancheProgressRule {

    public static final String CODE = "PROGRESS_TOO_LOW";

    private TrancheProgressRule() {
    }

    /**
     * @param minimum       the programme's minimum physical progress, null when it sets none
     * @param latestMonth   the month of the allocation's latest report, null without any
     * @param latestPercent its physical progress
     */
    public static void require(int tranche, BigDecimal minimum, int year, Integer latestMonth,
                               BigDecimal latestPercent) {
        if (tranche < 2 || minimum == null) {
            return;
        }
        if (latestMonth == null) {
            throw new BusinessRuleException(CODE, "progress.tranche.noReport", tranche, minimum)
                    .with("requiredPercent", minimum);
        }
        if (latestPercent.compareTo(minimum) < 0) {
            throw new BusinessRuleException(CODE, "progress.tranche.tooLow", ReportMonth.of(year, latestMonth),
                    latestPercent, tranche, minimum, minimum.subtract(latestPercent))
                    .with("requiredPercent", minimum).with("latestPercent", latestPercent)
                    .with("latestMonth", ReportMonth.code(year, latestMonth));
        }
    }
}
