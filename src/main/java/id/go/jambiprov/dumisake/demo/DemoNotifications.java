package id.go.jambiprov.dumisake.demo;

import id.go.jambiprov.dumisake.disbursement.DisbursementRejected;
import id.go.jambiprov.dumisake.disbursement.DisbursementStatus;
import id.go.jambiprov.dumisake.disbursement.DisbursementSubmitted;
import id.go.jambiprov.dumisake.disbursement.DisbursementView;
import id.go.jambiprov.dumisake.disbursement.Disbursements;
import id.go.jambiprov.dumisake.notification.Notifications;
import id.go.jambiprov.dumisake.shared.JambiTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The inbox of the demo accounts. The demo disbursements were taken over as decided before Dumisake, which
 * announces nothing; here each one still waiting for verification and each rejected one is announced as its
 * submit or rejection would have been, so the admins see their queue and the operators (op-disdik among them)
 * their rejections; and the month-end reminders of last month are sent as the job sent them on the 25th.
 * Skipped once the admin has notifications; a repeat would add nothing anyway (the dedup keys). Notes,
 * obstacles and their escalations (the expert team's inbox) arrive through their own demo data's events.
 */
@Component
@Profile("!prod")
@Order(60)
class DemoNotifications implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoNotifications.class);
    private static final String ADMIN = "admin";
    /** The first day of a month on which the reminder job reminds of that month's reports. */
    private static final int FIRST_REMINDER_DAY = 25;

    private final Disbursements disbursements;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final DemoUsers users;
    private final Clock clock;

    DemoNotifications(Disbursements disbursements, Notifications notifications, ApplicationEventPublisher events,
                      DemoUsers users, Clock clock) {
        this.disbursements = disbursements;
        this.notifications = notifications;
        this.events = events;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (notifications.unreadCount(ADMIN) > 0) {
            return;
        }
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(clock.withZone(JambiTime.ZONE));
        // read first, announced afterwards: the stream runs in a read-only transaction
        List<DisbursementView> waiting = new ArrayList<>();
        List<DisbursementView> rejected = new ArrayList<>();
        users.as(ADMIN, () -> {
            for (int year : DemoAllocations.YEARS) {
                disbursements.forEach(year, null, DisbursementStatus.SUBMITTED, waiting::add);
                disbursements.forEach(year, null, DisbursementStatus.REJECTED, rejected::add);
            }
            return null;
        });
        waiting.forEach(d -> events.publishEvent(new DisbursementSubmitted(d.id(), d.allocationId(),
                d.allocationTitle(), d.opdCode(), d.kecamatanName(), d.tranche(), d.amount(), d.submittedBy(),
                d.version())));
        rejected.forEach(d -> events.publishEvent(new DisbursementRejected(d.id(), d.allocationId(),
                d.allocationTitle(), d.opdCode(), d.kecamatanName(), d.tranche(), d.rejectReason(), d.decidedBy(),
                d.version())));
        LocalDate lastMonthEnd = today.minusMonths(1).withDayOfMonth(FIRST_REMINDER_DAY);
        int reminders = notifications.remindMissingReports(lastMonthEnd) + notifications.remindMissingReports(today);
        log.info("Demo data: {} waiting and {} rejected disbursements announced, {} month-end reminders, in {} ms",
                waiting.size(), rejected.size(), reminders, (System.nanoTime() - started) / 1_000_000);
    }
}
