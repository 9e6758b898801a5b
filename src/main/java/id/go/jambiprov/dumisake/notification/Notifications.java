package id.go.jambiprov.dumisake.notification;

import id.go.jambiprov.dumisake.notification.internal.NotificationQueries;
import id.go.jambiprov.dumisake.notification.internal.ReportReminders;
import org.springframework.stereotype.Service;

import java.time.LocalDate;

/**
 * What the other capabilities may ask of the inbox: how many notifications a person has not read, and the
 * month-end reminders as the daily job sends them (the demo data sends those of the past month).
 */
@Service
public class Notifications {

    private final NotificationQueries queries;
    private final ReportReminders reminders;

    Notifications(NotificationQueries queries, ReportReminders reminders) {
        this.queries = queries;
        this.reminders = reminders;
    }

    public long unreadCount(String username) {
        return queries.unreadCount(username);
    }

    /** Whether the person has any notification, read or not (one look-up, however full the inbox). */
    public boolean hasAny(String username) {
        return queries.any(username);
    }

    /**
     * Reminds the operators of every active allocation of {@code today}'s year that has no progress report for
     * {@code today}'s month, from the 25th on; once per allocation and month however often it runs.
     *
     * @return how many notifications were added
     */
    public int remindMissingReports(LocalDate today) {
        return reminders.remind(today);
    }
}
