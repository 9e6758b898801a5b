package id.go.jambiprov.dumisake.notification.internal;

import id.go.jambiprov.dumisake.shared.JambiTime;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Sends the month-end reminders every morning, once for the cluster (the ShedLock row
 * {@code notification-report-reminder}); the policy decides whether a month is due that day. Should two runs
 * still meet, the dedup key keeps the second from adding anything.
 */
@Component
public class ReportReminderJob {

    private static final Logger log = LoggerFactory.getLogger(ReportReminderJob.class);

    private final ReportReminders reminders;
    private final Clock clock;

    ReportReminderJob(ReportReminders reminders, Clock clock) {
        this.reminders = reminders;
        this.clock = clock;
    }

    /** 08:00 WIB, at the start of the working day; {@code -} in the property turns it off. */
    @Scheduled(cron = "${dumisake.notifications.reminder-cron:0 0 8 * * *}", zone = "Asia/Jakarta")
    @SchedulerLock(name = "notification-report-reminder", lockAtLeastFor = "PT10M", lockAtMostFor = "PT30M")
    public void run() {
        int added = reminders.remind(LocalDate.now(clock.withZone(JambiTime.ZONE)));
        if (added > 0) {
            log.info("Month-end reminders: {} notifications", added);
        }
    }
}
