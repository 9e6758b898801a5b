package id.go.jambiprov.dumisake.demo;

import id.go.jambiprov.dumisake.allocation.AllocationFilter;
import id.go.jambiprov.dumisake.allocation.AllocationStatus;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.disbursement.DisbursementRejected;
import id.go.jambiprov.dumisake.disbursement.DisbursementStatus;
import id.go.jambiprov.dumisake.disbursement.DisbursementSubmitted;
import id.go.jambiprov.dumisake.disbursement.DisbursementView;
import id.go.jambiprov.dumisake.disbursement.Disbursements;
import id.go.jambiprov.dumisake.disbursement.PastDisbursement;
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

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The inbox of the demo accounts. The demo disbursements were taken over as decided before Dumisake, which
 * announces nothing; here each one still waiting for verification (a few are added when none waits) and each
 * rejected one is announced as its submit or rejection would have been, so the admins see their queue and the operators (op-disdik among them)
 * their rejections; and the month-end reminders of last month are sent as the job sent them on the 25th.
 * Skipped once the admin has notifications, read or not; a repeat would add nothing anyway (the dedup keys), but
 * would read every waiting and rejected tranche of the demo years. Notes,
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
    private static final String OPERATOR_OPD = "DISDIK";
    private static final int WAITING = 3;
    private static final BigDecimal FIRST_SHARE = new BigDecimal("0.4");

    private final Allocations allocations;
    private final Disbursements disbursements;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final DemoUsers users;
    private final Clock clock;

    DemoNotifications(Allocations allocations, Disbursements disbursements, Notifications notifications,
                      ApplicationEventPublisher events, DemoUsers users, Clock clock) {
        this.allocations = allocations;
        this.disbursements = disbursements;
        this.notifications = notifications;
        this.events = events;
        this.users = users;
        this.clock = clock;
    }

    /**
     * In December the demo's own tranches have long been decided; a few first tranches of DISDIK submitted two
     * days ago (taken over like the others) give the admins a queue and op-disdik something to wait for.
     */
    private Void tranchesWaitingIfNone(LocalDate today) {
        List<DisbursementView> submitted = new ArrayList<>();
        disbursements.forEach(today.getYear(), null, DisbursementStatus.SUBMITTED, submitted::add);
        if (!submitted.isEmpty()) {
            return null;
        }
        Set<Long> withDisbursements = new HashSet<>();
        disbursements.forEach(today.getYear(), OPERATOR_OPD, null, d -> withDisbursements.add(d.allocationId()));
        LocalDate sp2dDate = today.minusDays(2).getYear() == today.getYear() ? today.minusDays(2) : today;
        OffsetDateTime submittedAt = sp2dDate.atTime(10, 0).atZone(JambiTime.ZONE).toOffsetDateTime();
        List<PastDisbursement> waiting = new ArrayList<>();
        allocations.forEach(new AllocationFilter(today.getYear(), null, null, OPERATOR_OPD, null, null,
                AllocationStatus.ACTIVE), allocation -> {
            if (waiting.size() < WAITING && !withDisbursements.contains(allocation.id())) {
                waiting.add(new PastDisbursement(allocation.id(), 1, allocation.amount().multiply(FIRST_SHARE)
                        .setScale(-3, RoundingMode.DOWN).setScale(2), "%06d/SP2D-UP/1/%d".formatted(allocation.id(),
                        allocation.year()), sp2dDate, "Tahap 1", DisbursementStatus.SUBMITTED,
                        DemoUsers.operatorOf(OPERATOR_OPD), submittedAt, null, null, null));
            }
        });
        disbursements.takeOver(waiting);
        return null;
    }

    @Override
    public void run(ApplicationArguments args) {
        // read or not: once the admin has read the demo's, a restart must not read and announce every tranche again
        if (notifications.hasAny(ADMIN)) {
            return;
        }
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(clock.withZone(JambiTime.ZONE));
        users.as(ADMIN, () -> tranchesWaitingIfNone(today));
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
