package id.go.jambiprov.dumisake.demo;

import id.go.jambiprov.dumisake.allocation.AllocationFilter;
import id.go.jambiprov.dumisake.allocation.AllocationStatus;
import id.go.jambiprov.dumisake.allocation.AllocationTotals;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.disbursement.DisbursementStatus;
import id.go.jambiprov.dumisake.disbursement.Disbursements;
import id.go.jambiprov.dumisake.disbursement.PastDisbursement;
import id.go.jambiprov.dumisake.shared.JambiTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Demo disbursements of the default profile, spread over the months of 2025 and 2026 so that the
 * realisation curves have a shape: a first tranche in each allocation's planned month (30% for BKBK, half
 * otherwise), a second one three months later for most; some kecamatan have nothing realised yet, recent
 * tranches wait for verification, and a few were rejected. Deterministic (derived from the ids) and dated no
 * later than today. Each was submitted by the operator of the allocation's OPD on its SP2D day and decided by
 * the admin three days later; the admin takes them over through the disbursements' API, year by year,
 * which holds them to the rules of one entered by hand, moves the allocation totals and writes the audit trail.
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
    private static final LocalTime SUBMITTED_AT = LocalTime.of(10, 0);
    private static final int WORKERS = DemoAllocations.YEARS.size();
    /** Allocations per take-over: a whole demo year in one, as fast as before (see {@link #inParallel}). */
    private static final int PAGE = 5_000;

    private final Allocations allocations;
    private final Disbursements disbursements;
    private final DemoUsers users;
    private final Clock clock;

    DemoDisbursements(Allocations allocations, Disbursements disbursements, DemoUsers users, Clock clock) {
        this.allocations = allocations;
        this.disbursements = disbursements;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!users.as(ADMIN, this::freshDemo)) {
            return;
        }
        long started = System.nanoTime();
        OffsetDateTime now = OffsetDateTime.now(clock);
        AtomicInteger allocationCount = new AtomicInteger();
        int count = inParallel(DemoAllocations.YEARS.stream()
                .map(year -> (Callable<Integer>) () -> users.as(ADMIN, () -> takeOver(year, now, allocationCount)))
                .toList());
        log.info("Demo data: {} disbursements of {} allocations in {} ms", count, allocationCount.get(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The tranches of the year's active allocations, a page at a time in id order, each page taken over in one call:
     * a demo year (some 1,800 allocations) is one page, and a larger year is never held whole.
     */
    private int takeOver(int year, OffsetDateTime now, AtomicInteger allocationCount) {
        int count = 0;
        Pageable pageable = PageRequest.of(0, PAGE, Sort.by("id"));
        Page<AllocationView> page;
        do {
            page = allocations.search(activeOf(year), pageable);
            List<PastDisbursement> past = page.stream().flatMap(allocation -> tranches(allocation, now).stream())
                    .toList();
            count += past.isEmpty() ? 0 : disbursements.takeOver(past);
            allocationCount.addAndGet(page.getNumberOfElements());
            pageable = page.nextPageable();
        } while (page.hasNext());
        return count;
    }

    /**
     * One take-over per year, the years side by side: a take-over locks and tells its allocations in batches, so
     * few large calls are quicker than one per envelope (1.7 s against 4.1–4.6 s on the first start), and two years
     * share no row and no lock, so they cannot deadlock.
     */
    private static int inParallel(List<Callable<Integer>> years) {
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        try {
            int count = 0;
            for (Future<Integer> done : workers.invokeAll(years)) {
                count += done.get();
            }
            return count;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Demo disbursements interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Demo disbursements refused", e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * Whether the demo years have active allocations of which none has disbursed anything yet: from the kept totals,
     * one statement a year, so that a restart on a large database reads no allocation.
     */
    private boolean freshDemo() {
        long active = 0;
        for (int year : DemoAllocations.YEARS) {
            AllocationTotals totals = allocations.totals(activeOf(year));
            if (totals.disbursed().signum() > 0) {
                return false;
            }
            active += totals.allocations();
        }
        return active > 0;
    }

    private static AllocationFilter activeOf(int year) {
        return new AllocationFilter(year, null, null, null, null, null, AllocationStatus.ACTIVE);
    }

    /** The tranches of one allocation; none in one kecamatan of nine. */
    private static List<PastDisbursement> tranches(AllocationView allocation, OffsetDateTime now) {
        long id = allocation.id();
        LocalDate today = now.atZoneSameInstant(JambiTime.ZONE).toLocalDate();
        if (Math.floorMod(allocation.kecamatanCode().hashCode(), 9) == 0) {
            return List.of();
        }
        BigDecimal share = allocation.programmeCode().equals("BKBK-DESA") ? BKBK_FIRST_SHARE : FIRST_SHARE;
        BigDecimal first = allocation.amount().multiply(share).setScale(-3, RoundingMode.HALF_UP).setScale(2);
        int dayOfMonth = 1 + (int) (id % 25);
        LocalDate firstDate = LocalDate.of(allocation.year(), allocation.plannedMonth(), dayOfMonth);
        if (firstDate.isAfter(today) || first.signum() <= 0) {
            return List.of();
        }
        if (id % 23 == 0) {
            return List.of(tranche(allocation, 1, first, firstDate, "Tahap 1", DisbursementStatus.REJECTED, now));
        }
        if (firstDate.isAfter(today.minusDays(DAYS_TO_VERIFY))) {
            return List.of(tranche(allocation, 1, first, firstDate, "Tahap 1", DisbursementStatus.SUBMITTED, now));
        }
        PastDisbursement tranche1 = tranche(allocation, 1, first, firstDate, "Tahap 1", DisbursementStatus.VERIFIED,
                now);
        LocalDate secondDate = firstDate.plusMonths(3);
        BigDecimal rest = allocation.amount().subtract(first);
        if (allocation.plannedMonth() > 9 || id % 7 == 0 || rest.signum() <= 0
                || secondDate.isAfter(today.minusDays(DAYS_TO_VERIFY))) {
            return List.of(tranche1);
        }
        return List.of(tranche1, tranche(allocation, 2, rest, secondDate, "Tahap 2 (pelunasan)",
                DisbursementStatus.VERIFIED, now));
    }

    /** Submitted by the OPD's operator on the SP2D day, decided by the admin three days later. */
    private static PastDisbursement tranche(AllocationView allocation, int tranche, BigDecimal amount,
                                            LocalDate sp2dDate, String remark, DisbursementStatus status,
                                            OffsetDateTime now) {
        String sp2dNumber = "%06d/SP2D-LS/%d/%d".formatted(allocation.id(), tranche, allocation.year());
        OffsetDateTime submitted = sp2dDate.atTime(SUBMITTED_AT).atZone(JambiTime.ZONE).toOffsetDateTime();
        boolean decided = status != DisbursementStatus.SUBMITTED;
        OffsetDateTime decidedAt = submitted.plusDays(3).isAfter(now) ? now : submitted.plusDays(3);
        return new PastDisbursement(allocation.id(), tranche, amount, sp2dNumber, sp2dDate, remark, status,
                DemoUsers.operatorOf(allocation.opdCode()), submitted, decided ? ADMIN : null,
                decided ? decidedAt : null, status == DisbursementStatus.REJECTED ? REJECT_REASON : null);
    }
}
