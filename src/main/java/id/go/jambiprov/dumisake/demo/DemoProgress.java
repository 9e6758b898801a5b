package id.go.jambiprov.dumisake.demo;

import id.go.jambiprov.dumisake.allocation.AllocationFilter;
import id.go.jambiprov.dumisake.allocation.AllocationStatus;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.demo.DemoLots.Lot;
import id.go.jambiprov.dumisake.opd.OpdService;
import id.go.jambiprov.dumisake.opd.OpdSummary;
import id.go.jambiprov.dumisake.programme.ProgrammeService;
import id.go.jambiprov.dumisake.progress.OutputTarget;
import id.go.jambiprov.dumisake.progress.PastProgress;
import id.go.jambiprov.dumisake.progress.PastProgress.PastReport;
import id.go.jambiprov.dumisake.progress.ProgressReports;
import id.go.jambiprov.dumisake.shared.JambiTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Demo monitoring of 2025 and 2026: output targets and monthly progress reports for every active allocation, from
 * its planned month up to last month, written by each OPD's operator through the progress capability's take-over
 * (checked and audited like reports written by hand) in a few large batches. How each goes is its
 * {@link DemoLots lot}: most keep to the plan — the work spread over the three months up to the planned month, by
 * which the monev plan curve expects it done, and handed over the month after — some lag (yellow), a few are far behind or stopped reporting (red, and these get the kendala), and one in
 * seventeen has no output target (the early warning). BEDAH-RUMAH releases its second tranche only at 60 % physical
 * progress. Deterministic (derived from the ids).
 */
@Component
@Profile("!prod")
@Order(40)
class DemoProgress implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoProgress.class);
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final int MONTHS_OF_WORK = 3;
    private static final int WORKERS = 4;
    /** Allocations per take-over call (a page): large enough to batch well, small enough to keep four workers busy. */
    private static final int BATCH = 400;

    /** The output indicators of each programme: name, unit and the rupiah one unit of output costs. */
    private static final Map<String, List<Indicator>> INDICATORS = Map.ofEntries(
            Map.entry("BEDAH-RUMAH", List.of(new Indicator("Rumah layak huni", "unit rumah", 25_000_000))),
            Map.entry("BANTUAN-PENDIDIKAN", List.of(new Indicator("Siswa penerima", "siswa", 2_500_000))),
            Map.entry("JAMINAN-KESEHATAN", List.of(new Indicator("Warga miskin terdaftar JKN", "orang", 453_600))),
            Map.entry("BEASISWA", List.of(new Indicator("Mahasiswa penerima beasiswa", "mahasiswa", 10_000_000))),
            Map.entry("INTERNET-DESA", List.of(new Indicator("Desa terlayani internet", "desa", 50_000_000))),
            Map.entry("MODAL-UMKM", List.of(new Indicator("Pelaku UMKM penerima modal", "orang", 5_000_000),
                    new Indicator("Kelompok usaha dibina", "kelompok", 50_000_000))),
            Map.entry("PERKEBUNAN", List.of(new Indicator("Kelompok pekebun", "kelompok", 25_000_000),
                    new Indicator("Paket bibit sawit", "paket", 1_000_000))),
            Map.entry("KETAHANAN-PANGAN", List.of(new Indicator("Kelompok tani penerima", "kelompok", 25_000_000))),
            Map.entry("INSENTIF-KEAGAMAAN", List.of(new Indicator("Guru mengaji penerima insentif", "orang", 3_000_000))),
            Map.entry("PERLINDUNGAN-SOSIAL", List.of(new Indicator("Lansia dan penyandang disabilitas penerima",
                    "orang", 3_000_000))),
            Map.entry("BKBK-DESA", List.of(new Indicator("Desa penerima BKBK", "desa", 100_000_000))));

    private record Indicator(String name, String unit, long unitCost) {
    }

    private final Allocations allocations;
    private final ProgressReports progress;
    private final ProgrammeService programmes;
    private final OpdService opds;
    private final DemoUsers users;
    private final Clock clock;

    DemoProgress(Allocations allocations, ProgressReports progress, ProgrammeService programmes, OpdService opds,
                 DemoUsers users, Clock clock) {
        this.allocations = allocations;
        this.progress = progress;
        this.programmes = programmes;
        this.opds = opds;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        // any output target or report of the first demo year: loaded before (also by an earlier demo)
        if (users.as("admin", () -> progress.anyOfYear(DemoAllocations.YEARS.get(0)) || noActiveAllocation())) {
            return;
        }
        long started = System.nanoTime();
        YearMonth today = YearMonth.now(clock.withZone(JambiTime.ZONE));
        AtomicInteger allocationCount = new AtomicInteger();
        List<Callable<Integer>> work = new ArrayList<>();
        for (OpdSummary opd : users.as("admin", opds::all)) {
            for (int year : DemoAllocations.YEARS) {
                long active = users.as("admin", () -> allocations.totals(activeOf(year, opd.code())).allocations());
                for (int page = 0; (long) page * BATCH < active; page++) {
                    int number = page;
                    work.add(() -> users.as(DemoUsers.operatorOf(opd.code()),
                            () -> takeOver(year, opd.code(), number, today, allocationCount)));
                }
            }
        }
        int reports = inParallel(work);
        users.as("admin", () -> programmes.requireProgressForNextTranche("BEDAH-RUMAH", new BigDecimal("60")));
        log.info("Demo data: {} progress reports of {} allocations in {} ms", reports, allocationCount.get(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * One page of the OPD's allocations of the year, read by the worker that takes over their targets and reports:
     * the workers hold a page each, never a whole year.
     */
    private int takeOver(int year, String opdCode, int number, YearMonth today, AtomicInteger allocationCount) {
        List<AllocationView> page = DemoPicks.page(allocations, year, opdCode, number, BATCH).getContent();
        List<PastProgress> past = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            AllocationView allocation = page.get(i);
            past.add(history(allocation, DemoLots.of(allocation.id(), number * BATCH + i), today));
        }
        allocationCount.addAndGet(page.size());
        return past.isEmpty() ? 0 : progress.takeOver(past);
    }

    /** From the kept totals: one statement a year, no allocation read. */
    private boolean noActiveAllocation() {
        return DemoAllocations.YEARS.stream()
                .allMatch(year -> allocations.totals(activeOf(year, null)).allocations() == 0);
    }

    private static AllocationFilter activeOf(int year, String opdCode) {
        return new AllocationFilter(year, null, null, opdCode, null, null, AllocationStatus.ACTIVE);
    }

    /** The allocation's targets and its reports from the planned month up to last month, by its lot. */
    private static PastProgress history(AllocationView allocation, Lot lot, YearMonth today) {
        long id = allocation.id();
        List<Indicator> indicators = INDICATORS.getOrDefault(allocation.programmeCode(), List.of());
        List<OutputTarget> targets = id % 17 == 3 ? List.of() : indicators.stream()
                .map(i -> new OutputTarget(null, i.name(), i.unit(), target(allocation.amount(), i.unitCost()), null))
                .toList();
        int lastMonth = allocation.year() < today.getYear() ? 12 : today.getMonthValue() - 1;
        if (lot == Lot.STOPPED) {
            lastMonth -= 3;
        }
        String operator = DemoUsers.operatorOf(allocation.opdCode());
        List<PastReport> reports = new ArrayList<>();
        BigDecimal previous = BigDecimal.ZERO;
        int start = Math.max(1, allocation.plannedMonth() - MONTHS_OF_WORK + 1);
        for (int month = start; month <= lastMonth; month++) {
            BigDecimal planned = planned(start, allocation.plannedMonth(), month);
            BigDecimal physical = month > allocation.plannedMonth() && lot.onPlan() ? HUNDRED
                    : physical(lot, planned, id + month).max(previous);
            String reason = null;
            if (id % 31 == 0 && month == start + 2 && previous.signum() > 0) {
                physical = previous.subtract(new BigDecimal("5")).max(BigDecimal.ZERO);
                reason = "Koreksi: volume pekerjaan bulan lalu terhitung ganda saat opname.";
            }
            BigDecimal share = physical;
            reports.add(new PastReport(month, physical,
                    targets.stream().map(t -> achieved(t.target(), share)).toList(),
                    narrative(lot, month == start, physical), reason,
                    reportedAt(allocation.year(), month), operator));
            previous = physical;
        }
        return new PastProgress(id, targets, reports);
    }

    /**
     * The plan: an even share of the work in each month from {@code start} to the planned month, by which the
     * monev plan curve expects it done.
     */
    private static BigDecimal planned(int start, int plannedMonth, int month) {
        int months = plannedMonth - start + 1;
        return HUNDRED.multiply(BigDecimal.valueOf(Math.min(month - start + 1, months)))
                .divide(BigDecimal.valueOf(months), 0, RoundingMode.HALF_UP);
    }

    private static BigDecimal target(BigDecimal amount, long unitCost) {
        return amount.divide(BigDecimal.valueOf(unitCost), 0, RoundingMode.DOWN).max(BigDecimal.ONE);
    }

    private static BigDecimal achieved(BigDecimal target, BigDecimal physical) {
        return target.multiply(physical).divide(HUNDRED, 0, RoundingMode.DOWN);
    }

    /** Reports are written in the first days of the next month, as the month closes. */
    private static OffsetDateTime reportedAt(int year, int month) {
        return YearMonth.of(year, month).atEndOfMonth().atTime(LocalTime.of(15, 0)).atZone(JambiTime.ZONE)
                .toOffsetDateTime();
    }

    private static int inParallel(List<Callable<Integer>> work) {
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        try {
            int count = 0;
            for (Future<Integer> done : workers.invokeAll(work)) {
                count += done.get();
            }
            return count;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Demo progress interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Demo progress refused", e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    private static BigDecimal physical(Lot lot, BigDecimal planned, long seed) {
        BigDecimal value = switch (lot) {
            case ON_TRACK, STOPPED -> planned.subtract(BigDecimal.valueOf(seed % 6));
            case LAGGING -> planned.multiply(new BigDecimal("0.85")).subtract(BigDecimal.valueOf(seed % 4));
            case FAR_BEHIND -> planned.multiply(new BigDecimal("0.35"));
            case NOT_STARTED -> BigDecimal.ZERO;
        };
        return value.max(BigDecimal.ZERO).min(HUNDRED).setScale(0, RoundingMode.HALF_UP);
    }

    private static String narrative(Lot lot, boolean first, BigDecimal physical) {
        if (lot == Lot.NOT_STARTED) {
            return "Belum dimulai: SK penerima belum ditetapkan, kontrak belum ditandatangani.";
        }
        if (first) {
            return "Kegiatan dimulai: penetapan penerima dan penandatanganan kontrak.";
        }
        if (physical.compareTo(HUNDRED) >= 0) {
            return "Pekerjaan selesai 100 %, serah terima dan dokumentasi lengkap.";
        }
        return switch (lot) {
            case ON_TRACK, STOPPED -> "Pekerjaan berjalan sesuai jadwal.";
            case LAGGING -> "Pekerjaan sedikit terlambat: verifikasi penerima dan pengiriman bahan belum tuntas.";
            case FAR_BEHIND, NOT_STARTED -> "Pekerjaan jauh tertinggal: kendala di lapangan, lihat daftar kendala.";
        };
    }
}
