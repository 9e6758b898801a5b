package id.go.jambiprov.dumisake.monev.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The plan of an allocation, as the dashboard's S-curve draws it: the whole allocation is planned for its
 * planned month, so the S-curve's plan at month m is Σ amount of the allocations with planned month ≤ m.
 * Per allocation that reads
 * <pre>
 *   planned %(allocation, m) = 100 when planned_month ≤ m, else 0
 * </pre>
 * and weighted by amount over any group it gives back the S-curve's plan divided by the group's amount,
 * so the deviation table and the S-curve tell the same story.
 * <p>
 * The kept roll-up ({@code allocation_rollup}, V22_32) sums an allocation into {@code planned_by[k]} for every
 * month k ≥ its planned month and into {@code unreported_before[k]} for every k after its latest report's month —
 * this rule and {@link #plannedAmountSql}'s, per month; a change here is a change there (and a rebuild of it).
 * <p>
 * The month m the deviation is measured at is the last month that is over in Jambi (WIB): the month before
 * today's in the current fiscal year, December for a past year, none (0) for a year still to come — and in
 * January, none for the new year: nothing of it is due yet.
 */
public final class PlanCurve {

    private static final BigDecimal FULL = BigDecimal.valueOf(100);

    private PlanCurve() {
    }

    /** The last month of {@code year} that is over on {@code today} (Jambi's date): 0 to 12. */
    public static int lastClosedMonth(int year, LocalDate today) {
        if (year < today.getYear()) {
            return 12;
        }
        return year == today.getYear() ? today.getMonthValue() - 1 : 0;
    }

    /** The planned progress in percent of an allocation with {@code plannedMonth} at the end of {@code month}. */
    public static BigDecimal plannedPercent(int plannedMonth, int month) {
        return plannedMonth <= month ? FULL : BigDecimal.ZERO;
    }

    /**
     * The planned amount of an allocation ({@code amount} × {@link #plannedPercent} / 100) as SQL, for read models
     * that weight it over many allocations: the amount itself or nothing, with no multiplication per row.
     */
    public static String plannedAmountSql(String amountColumn, String plannedMonthColumn, String monthParameter) {
        return "(case when " + plannedMonthColumn + " <= :" + monthParameter + " then " + amountColumn
                + " else 0 end)";
    }

    /**
     * Not started: its planned month is over and still nothing is realised (no verified disbursement) and no
     * report shows any physical progress.
     */
    public static boolean notStarted(int plannedMonth, int month, BigDecimal realised, BigDecimal highestPhysical) {
        return plannedMonth <= month && realised.signum() == 0
                && (highestPhysical == null || highestPhysical.signum() == 0);
    }
}
