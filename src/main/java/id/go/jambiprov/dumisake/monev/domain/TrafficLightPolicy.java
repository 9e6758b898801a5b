package id.go.jambiprov.dumisake.monev.domain;

import id.go.jambiprov.dumisake.monev.TrafficLight;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;

import java.math.BigDecimal;

/**
 * The traffic light of an allocation or a group of allocations.
 * <ul>
 *   <li>RED when (by amount) half or more of it has no report for the last closed month — for one allocation:
 *       it has none;</li>
 *   <li>otherwise by its deviation (planned − physical, in points; aggregates weighted by amount):
 *       GREEN up to {@code greenMax} included, YELLOW up to {@code yellowMax} included, RED above.</li>
 * </ul>
 * Being ahead of plan (a negative deviation) is green.
 */
public record TrafficLightPolicy(BigDecimal greenMax, BigDecimal yellowMax) {

    /** The share of missing reports (percent of the amount) from which a group is red whatever its deviation. */
    public static final BigDecimal MISSING_REPORT_RED_PERCENT = BigDecimal.valueOf(50);

    public TrafficLightPolicy {
        requireValid(greenMax, yellowMax);
    }

    /** 0 ≤ green ≤ yellow ≤ 100, at most two decimals: what the settings page, the table and this policy accept. */
    public static void requireValid(BigDecimal greenMax, BigDecimal yellowMax) {
        if (greenMax == null || yellowMax == null) {
            throw new BusinessRuleException("THRESHOLD_REQUIRED", "monev.threshold.required");
        }
        if (greenMax.stripTrailingZeros().scale() > 2 || yellowMax.stripTrailingZeros().scale() > 2) {
            throw new BusinessRuleException("THRESHOLD_DECIMALS", "monev.threshold.decimals");
        }
        if (greenMax.signum() < 0) {
            throw new BusinessRuleException("GREEN_NEGATIVE", "monev.threshold.greenNegative");
        }
        if (yellowMax.compareTo(greenMax) < 0) {
            throw new BusinessRuleException("YELLOW_BELOW_GREEN", "monev.threshold.yellowBelowGreen");
        }
        if (yellowMax.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new BusinessRuleException("YELLOW_ABOVE_100", "monev.threshold.yellowAbove100");
        }
    }

    public TrafficLight classify(BigDecimal deviation, BigDecimal missingReportPercent) {
        if (missingReportPercent.compareTo(MISSING_REPORT_RED_PERCENT) >= 0) {
            return TrafficLight.RED;
        }
        if (deviation.compareTo(greenMax) <= 0) {
            return TrafficLight.GREEN;
        }
        return deviation.compareTo(yellowMax) <= 0 ? TrafficLight.YELLOW : TrafficLight.RED;
    }
}
