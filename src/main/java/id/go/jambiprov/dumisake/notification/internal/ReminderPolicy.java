package id.go.jambiprov.dumisake.notification.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * When an OPD is reminded of a month's progress report: from the 25th of that month on, so that the report is
 * written before the month closes, and then every day until it is there (each allocation-month is reminded once:
 * the notification's dedup key).
 */
public final class ReminderPolicy {

    public static final int FIRST_DAY = 25;

    private ReminderPolicy() {
    }

    /** The month whose report is due on {@code today}, or empty before the 25th. */
    public static Optional<YearMonth> monthDue(LocalDate today) {
        return today.getDayOfMonth() >= FIRST_DAY ? Optional.of(YearMonth.from(today)) : Optional.empty();
    }
}
