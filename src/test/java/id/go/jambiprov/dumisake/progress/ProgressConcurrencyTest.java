package id.go.jambiprov.dumisake.progress;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.account.SignedIn;
import id.go.jambiprov.dumisake.account.Role;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.allocation.NewAllocation;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.FiscalYearView;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.StaleVersionException;
import id.go.jambiprov.dumisake.shared.SystemAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Progress reports on the embedded database with the whole application: two first saves of one allocation-month
 * at the same moment store one report and answer the other with a conflict, and a closed year takes nothing.
 * Fiscal years 2020 (closed here) and 2021 belong to this class; every month of them lies in the past.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProgressConcurrencyTest {

    private static final DumisakeUser OP_DISDIK = new DumisakeUser("op-disdik", "Operator DISDIK", Role.OPD_OPERATOR,
            "DISDIK", true, "x");
    private static final OffsetDateTime REPORTED = OffsetDateTime.parse("2021-03-01T10:00:00+07:00");
    private static final DumisakeUser ADMIN = new DumisakeUser("admin-uji", "Admin", Role.ADMIN, null, true, "x");

    @Autowired
    ProgressReports progress;
    @Autowired
    Allocations allocations;
    @Autowired
    FiscalYearService fiscalYears;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twoSimultaneousFirstSavesOfAMonthStoreOneReportAndTheOtherIsAConflict() throws Exception {
        long id = allocationOf(2021, 2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int month = 1; month <= 6; month++) {
                int reportMonth = month;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<SavedReport>> saves = new ArrayList<>();
                for (int writer = 0; writer < 2; writer++) {
                    BigDecimal percent = BigDecimal.valueOf(10L * reportMonth + writer);
                    Callable<SavedReport> save = () -> {
                        start.await(10, TimeUnit.SECONDS);
                        return as(OP_DISDIK, () -> progress.save(id, new ReportRequest(reportMonth, percent, List.of(),
                                "Penulis " + percent, null, null)));
                    };
                    saves.add(threads.submit(save));
                }
                start.countDown();
                int stored = 0;
                int conflicts = 0;
                for (Future<SavedReport> save : saves) {
                    try {
                        assertThat(save.get(30, TimeUnit.SECONDS).created()).isTrue();
                        stored++;
                    } catch (ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(StaleVersionException.class);
                        conflicts++;
                    }
                }
                assertThat(stored).as("month %d stored", reportMonth).isEqualTo(1);
                assertThat(conflicts).as("month %d conflicts", reportMonth).isEqualTo(1);
                assertThat(jdbc.queryForObject("select count(*) from progress_report where allocation_id = ? and month = ?",
                        Long.class, id, reportMonth)).isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'ProgressReport' "
                + "and action = 'PROGRESS_REPORT_CREATED' and after_state ->> 'allocationId' = ?", Long.class,
                String.valueOf(id))).isEqualTo(6);
    }

    /**
     * The kept latest report of each allocation ({@code progress_latest}) against the reports themselves, after eight
     * writers raced on four allocations — first saves, edits of the month's report, corrections downwards, refusals —
     * while a fifth allocation was taken over in one go.
     */
    @Test
    void theKeptLatestReportsEqualTheReportsAfterConcurrentWrites() throws Exception {
        List<Long> ids = List.of(allocationOf(2021, 10), allocationOf(2021, 11), allocationOf(2021, 12),
                allocationOf(2021, 13));
        long takenOver = allocationOf(2021, 14);
        ExecutorService threads = Executors.newFixedThreadPool(9);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> work = new ArrayList<>();
        try {
            for (int writer = 0; writer < 8; writer++) {
                long id = ids.get(writer % ids.size());
                int seed = writer;
                work.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return as(OP_DISDIK, () -> writeRacing(id, seed));
                }));
            }
            work.add(threads.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return as(OP_DISDIK, () -> progress.takeOver(List.of(new PastProgress(takenOver, List.of(), List.of(
                        new PastProgress.PastReport(1, new BigDecimal("20"), List.of(), null, null, REPORTED, "op-disdik"),
                        new PastProgress.PastReport(2, new BigDecimal("15"), List.of(), null, "Koreksi opname", REPORTED,
                                "op-disdik"))))));
            }));
            start.countDown();
            int written = 0;
            for (Future<Integer> done : work) {
                written += done.get(120, TimeUnit.SECONDS);
            }
            assertThat(written).isGreaterThan(ids.size());
        } finally {
            threads.shutdownNow();
        }
        List<Long> all = new ArrayList<>(ids);
        all.add(takenOver);
        for (long id : all) {
            assertThat(jdbc.queryForMap("""
                    select month, physical_percent, highest_percent, report_count from progress_latest
                    where allocation_id = ?""", id)).as("kept row of %d", id).isEqualTo(jdbc.queryForMap("""
                    select max(r.month) as month,
                           (select x.physical_percent from progress_report x where x.allocation_id = ?
                            and x.month = max(r.month)) as physical_percent,
                           max(r.physical_percent) as highest_percent, count(*)::int as report_count
                    from progress_report r where r.allocation_id = ?""", id, id));
        }
        assertThat(jdbc.queryForObject("select physical_percent from progress_latest where allocation_id = ?",
                BigDecimal.class, takenOver)).isEqualByComparingTo("15");
    }

    /** Months 1 to 6 of the allocation: the first save, or else an edit up or down of the report as read. */
    private int writeRacing(long id, int seed) {
        int written = 0;
        for (int month = 1; month <= 6; month++) {
            for (int attempt = 0; attempt < 2; attempt++) {
                int reportMonth = month;
                BigDecimal percent = BigDecimal.valueOf(Math.min(100, 12L * month + (seed + attempt) % 5 - 2));
                try {
                    ProgressReportView current = progress.reports(id).stream().filter(r -> r.month() == reportMonth)
                            .findFirst().orElse(null);
                    progress.save(id, new ReportRequest(month, percent, List.of(), "Penulis " + seed, "Koreksi " + seed,
                            current == null ? null : current.version()));
                    written++;
                } catch (StaleVersionException | BusinessRuleException refused) {
                    // another writer was first, or the month was closed by a later one: what a person would see too
                }
            }
        }
        return written;
    }

    @Test
    void aClosedYearTakesNoReportAndNoOutputTarget() {
        long id = allocationOf(2020, 3);
        FiscalYearView year = fiscalYears.get(2020);
        if (year.open()) {
            as(ADMIN, () -> fiscalYears.close(2020, year.version()));
        }
        assertThatThrownBy(() -> as(OP_DISDIK, () -> progress.save(id, new ReportRequest(3, BigDecimal.TEN, List.of(),
                null, null, null))))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("FISCAL_YEAR_CLOSED"));
        assertThatThrownBy(() -> as(OP_DISDIK, () -> progress.setOutputs(id, List.of(new OutputTarget(null, "Siswa",
                "siswa", BigDecimal.TEN, null)))))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("FISCAL_YEAR_CLOSED"));
        assertThat(jdbc.queryForObject("select count(*) from progress_report where allocation_id = ?", Long.class, id))
                .isZero();
    }

    /** A DISDIK allocation in {@code year} (opened here if need be) and the n-th kecamatan, created once per JVM. */
    private synchronized long allocationOf(int year, int kecamatan) {
        String kecamatanCode = jdbc.queryForObject("select code from kecamatan order by code offset ? limit 1",
                String.class, kecamatan);
        AtomicReference<Long> id = new AtomicReference<>();
        SystemAuthentication.run(() -> {
            if (fiscalYears.all().stream().noneMatch(y -> y.year() == year)) {
                fiscalYears.open(year, new BigDecimal("2000000000"));
            }
            List<Long> existing = jdbc.queryForList("select id from allocation where fiscal_year = ? and kecamatan_code = ?",
                    Long.class, year, kecamatanCode);
            id.set(existing.isEmpty() ? allocations.importAll(List.of(new NewAllocation(year, kecamatanCode, "DISDIK",
                    "BANTUAN-PENDIDIKAN", Mechanism.BELANJA_OPD, null, "Bantuan pendidikan (uji kemajuan)",
                    new BigDecimal("100000000"), 1))).get(0).id() : existing.get(0));
        });
        return id.get();
    }

    private static <T> T as(DumisakeUser user, Supplier<T> work) {
        return SignedIn.as(user, work);
    }
}
