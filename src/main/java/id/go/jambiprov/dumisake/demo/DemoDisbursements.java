package id.go.jambiprov.dumisake.demo;

import id.go.jambiprov.dumisake.allocation.AllocationFilter;
import id.go.jambiprov.dumisake.allocation.AllocationStatus;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.disbursement.DisbursementView;
import id.go.jambiprov.dumisake.disbursement.Disbursements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Demo disbursements of the default profile, spread over the months of 2025 and 2026 so that the
 * realisation curves have a shape: a first tranche in each allocation's planned month (30% for BKBK, half
 * otherwise), a second one three months later for most; some kecamatan have nothing realised yet, recent
 * tranches wait for verification, and a few were rejected. Deterministic (derived from the ids) and dated no
 * later than today. Each is recorded and submitted by the operator of the allocation's OPD and verified or
 * rejected by the admin, through the disbursements' API: the rules, the allocation totals and the audit
 * trail see them as they see anybody's work.
 */
@Component
@Profile("!prod")
@Order(20)
class DemoDisbursements implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDisbursements.class);
    private static final String ADMIN = "admin";
    private static final String REJECT_REASON = "SPJ tahap sebelumnya belum lengkap";
    private static final BigDecimal BKBK_FIRST_SHARE = new BigDecimal("0.3");
    private static final BigDecimal FIRST_SHARE = new BigDecimal("0.5");
    /** Tranches dated within this many days still wait for the admin. */
    private static final int DAYS_TO_VERIFY = 40;
    private static final int WORKERS = 4;

    private final Allocations allocations;
    private final Disbursements disbursements;
    private final DemoUsers users;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoDisbursements(Allocations allocations, Disbursements disbursements, DemoUsers users, JdbcTemplate jdbc,
                      Clock clock) {
        this.allocations = allocations;
        this.disbursements = disbursements;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<AllocationView> active = users.as(ADMIN, this::activeDemoAllocations);
        if (active.isEmpty() || active.stream().anyMatch(a -> a.disbursed().signum() > 0)) {
            return;
        }
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(clock);
        Map<String, List<AllocationView>> byEnvelope = active.stream().collect(Collectors.groupingBy(
                a -> a.year() + " " + a.kecamatanCode(), LinkedHashMap::new, Collectors.toList()));
        int count = inParallel(byEnvelope.values().stream()
                .map(envelope -> (Callable<Integer>) () -> envelope.stream().mapToInt(a -> disburse(a, today)).sum())
                .toList());
        backdate();
        log.info("Demo data: {} disbursements of {} allocations in {} ms", count, active.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * ~17,000 steps through the API, a dozen statements each, wait mostly on the database: one after another
     * they took twice as long on a busy two-core machine. The envelopes are independent: the steps of two
     * envelopes share no row and no lock (envelope, allocation, disbursement; each step commits, so it holds
     * at most one SP2D number lock), so a few envelopes at a time cannot deadlock.
     */
    private static int inParallel(List<Callable<Integer>> envelopes) {
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        try {
            int count = 0;
            for (Future<Integer> done : workers.invokeAll(envelopes)) {
                count += done.get();
            }
            return count;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Demo disbursements interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Demo disbursements failed", e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    private List<AllocationView> activeDemoAllocations() {
        List<AllocationView> active = new ArrayList<>();
        for (int year : DemoAllocations.YEARS) {
            allocations.forEach(new AllocationFilter(year, null, null, null, null, null, AllocationStatus.ACTIVE),
                    active::add);
        }
        active.sort(Comparator.comparingLong(AllocationView::id));
        return active;
    }

    /** The tranches of one allocation; none in one kecamatan of nine. */
    private int disburse(AllocationView allocation, LocalDate today) {
        long id = allocation.id();
        if (Math.floorMod(allocation.kecamatanCode().hashCode(), 9) == 0) {
            return 0;
        }
        BigDecimal share = allocation.programmeCode().equals("BKBK-DESA") ? BKBK_FIRST_SHARE : FIRST_SHARE;
        BigDecimal first = allocation.amount().multiply(share).setScale(-3, RoundingMode.HALF_UP).setScale(2);
        int dayOfMonth = 1 + (int) (id % 25);
        LocalDate firstDate = LocalDate.of(allocation.year(), allocation.plannedMonth(), dayOfMonth);
        if (firstDate.isAfter(today) || first.signum() <= 0) {
            return 0;
        }
        DisbursementView tranche1 = submitted(allocation, 1, first, firstDate, "Tahap 1");
        if (id % 23 == 0) {
            users.as(ADMIN, () -> disbursements.reject(tranche1.id(), REJECT_REASON));
            return 1;
        }
        if (firstDate.isAfter(today.minusDays(DAYS_TO_VERIFY))) {
            return 1;
        }
        users.as(ADMIN, () -> disbursements.verify(tranche1.id()));
        LocalDate secondDate = firstDate.plusMonths(3);
        BigDecimal rest = allocation.amount().subtract(first);
        if (allocation.plannedMonth() > 9 || id % 7 == 0 || rest.signum() <= 0
                || secondDate.isAfter(today.minusDays(DAYS_TO_VERIFY))) {
            return 1;
        }
        DisbursementView tranche2 = submitted(allocation, 2, rest, secondDate, "Tahap 2 (pelunasan)");
        users.as(ADMIN, () -> disbursements.verify(tranche2.id()));
        return 2;
    }

    private DisbursementView submitted(AllocationView allocation, int tranche, BigDecimal amount, LocalDate sp2dDate,
                                       String remark) {
        String sp2dNumber = "%06d/SP2D-LS/%d/%d".formatted(allocation.id(), tranche, allocation.year());
        return users.as(DemoUsers.operatorOf(allocation.opdCode()), () -> {
            DisbursementView draft = disbursements.record(allocation.id(), tranche, amount, sp2dNumber, sp2dDate,
                    remark);
            return disbursements.submit(draft.id());
        });
    }

    /**
     * The API stamps each step with the moment of loading; the queue and the early warning "waiting for
     * verification too long" need the story told by the SP2D dates: recorded and submitted on the SP2D day,
     * decided three days later. Only these times change, so one set-based statement is enough, and the audit
     * trail keeps the true moment of every step.
     */
    private void backdate() {
        jdbc.update("""
                update disbursement
                set created_at = sp2d_date + interval '9 hours', updated_at = sp2d_date + interval '10 hours',
                    submitted_at = sp2d_date + interval '10 hours',
                    decided_at = case when decided_at is not null then least(sp2d_date + interval '3 days', now()) end
                where fiscal_year in (%s)""".formatted(DemoAllocations.YEARS.stream().map(String::valueOf)
                .reduce((a, b) -> a + ", " + b).orElseThrow()));
    }
}
