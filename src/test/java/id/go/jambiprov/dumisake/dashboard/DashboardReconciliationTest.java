package id.go.jambiprov.dumisake.dashboard;

import id.go.jambiprov.dumisake.DisbursementTotals;
import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.account.Role;
import id.go.jambiprov.dumisake.dashboard.internal.DashboardService;
import id.go.jambiprov.dumisake.dashboard.internal.MonthPoint;
import id.go.jambiprov.dumisake.shared.SystemAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures reconcile exactly between levels: Σ kecamatan = its kabupaten/kota row, Σ kabupaten/kota =
 * the province, and all of them equal the raw sums of the allocation and disbursement tables — on the
 * demo data and on a randomly generated year.
 */
@SpringBootTest
@AutoConfigureMockMvc // not used here: it makes this the context of the MockMvc tests, started once for all
class DashboardReconciliationTest {

    private static final int RANDOM_YEAR = 2051;

    @Autowired
    DashboardService dashboard;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Test
    void theDemoYearsReconcile() {
        SystemAuthentication.run(() -> {
            reconcile(2025);
            reconcile(2026);
        });
    }

    @Test
    void aRandomYearReconciles() {
        generateRandomYear(new Random(20261128));
        SystemAuthentication.run(() -> reconcile(RANDOM_YEAR));
    }

    private void reconcile(int year) {
        Summary summary = dashboard.summary(year, null);
        List<RegionRow> kabupatenKota = dashboard.byKabupatenKota(year);
        List<RegionRow> kecamatan = dashboard.byKecamatan(year, null);
        assertThat(kecamatan).hasSize(144);
        assertThat(kabupatenKota).hasSize(11);

        assertThat(sum(kabupatenKota, Figures::pagu)).isEqualByComparingTo(summary.figures().pagu());
        assertThat(sum(kabupatenKota, Figures::allocated)).isEqualByComparingTo(summary.figures().allocated());
        assertThat(sum(kabupatenKota, Figures::realised)).isEqualByComparingTo(summary.figures().realised());
        assertThat(sum(kecamatan, Figures::allocated)).isEqualByComparingTo(summary.figures().allocated());
        assertThat(sum(kecamatan, Figures::realised)).isEqualByComparingTo(summary.figures().realised());

        Map<String, List<RegionRow>> byParent = kecamatan.stream().collect(Collectors.groupingBy(RegionRow::parentCode));
        for (RegionRow kab : kabupatenKota) {
            List<RegionRow> children = byParent.get(kab.code());
            assertThat(sum(children, Figures::pagu)).as(kab.name()).isEqualByComparingTo(kab.figures().pagu());
            assertThat(sum(children, Figures::allocated)).as(kab.name()).isEqualByComparingTo(kab.figures().allocated());
            assertThat(sum(children, Figures::realised)).as(kab.name()).isEqualByComparingTo(kab.figures().realised());
            Summary filtered = dashboard.summary(year, kab.code());
            assertThat(filtered.figures().allocated()).isEqualByComparingTo(kab.figures().allocated());
            assertThat(filtered.figures().realised()).isEqualByComparingTo(kab.figures().realised());
        }

        BigDecimal rawAllocated = jdbc.queryForObject(
                "select coalesce(sum(amount), 0) from allocation where fiscal_year = ? and status = 'ACTIVE'",
                BigDecimal.class, year);
        BigDecimal rawRealised = jdbc.queryForObject(
                "select coalesce(sum(amount), 0) from disbursement where fiscal_year = ? and status = 'VERIFIED'",
                BigDecimal.class, year);
        assertThat(summary.figures().allocated()).isEqualByComparingTo(rawAllocated);
        assertThat(summary.figures().realised()).isEqualByComparingTo(rawRealised);
        assertThat(sum(dashboard.byOpd(year, null), Figures::allocated)).isEqualByComparingTo(rawAllocated);
        // an OPD's own page reads its row alone: the same row
        for (RegionRow opd : dashboard.byOpd(year, null)) {
            assertThat(dashboard.opd(year, opd.code())).as(opd.code()).contains(opd);
        }
        assertThat(sum(dashboard.byProgramme(year, null), Figures::realised)).isEqualByComparingTo(rawRealised);
        assertThat(sum(dashboard.byMechanism(year, null), Figures::allocated)).isEqualByComparingTo(rawAllocated);
        List<MonthPoint> months = dashboard.monthly(year, null);
        assertThat(months.get(11).plannedCumulative()).isEqualByComparingTo(rawAllocated);

        // what waits, what waits long, last year's realisation by the same date and the curve's realisation: read
        // province-wide from the kept days (V22_36), equal to the tranches
        Map<String, Object> waiting = jdbc.queryForMap("""
                select count(*) as n, coalesce(sum(amount), 0) as amount,
                       count(*) filter (where submitted_at < now() - interval '14 days') as long_waiting
                from disbursement where fiscal_year = ? and status = 'SUBMITTED'""", year);
        assertThat(summary.waitingVerification()).isEqualTo(((Number) waiting.get("n")).longValue());
        assertThat(summary.waitingAmount()).isEqualByComparingTo((BigDecimal) waiting.get("amount"));
        assertThat(dashboard.overview(year, null).laggards().waitingCount())
                .isEqualTo(((Number) waiting.get("long_waiting")).longValue());
        LocalDate today = LocalDate.now(clock);
        LocalDate sameDate = (today.getYear() > year ? LocalDate.of(year, 12, 31) : today).minusYears(1);
        assertThat(summary.previousYearSameDate().realised()).isEqualByComparingTo(jdbc.queryForObject("""
                select coalesce(sum(amount), 0) from disbursement
                where fiscal_year = ? and status = 'VERIFIED' and sp2d_date <= ?""", BigDecimal.class, year - 1, sameDate));
        for (MonthPoint month : months) {
            if (month.realisedCumulative() != null) {
                assertThat(month.realisedCumulative()).as("month %d", month.month()).isEqualByComparingTo(
                        jdbc.queryForObject("""
                                select coalesce(sum(amount), 0) from disbursement where fiscal_year = ?
                                and status = 'VERIFIED' and extract(month from sp2d_date) <= ?""", BigDecimal.class,
                                year, month.month()));
            }
        }

        long rawCount = jdbc.queryForObject(
                "select count(*) from allocation where fiscal_year = ? and status = 'ACTIVE'", Long.class, year);
        assertThat(kecamatan.stream().mapToLong(RegionRow::allocations).sum()).isEqualTo(rawCount);
        assertThat(kabupatenKota.stream().mapToLong(RegionRow::allocations).sum()).isEqualTo(rawCount);
    }

    @Test
    void anOperatorsFiguresAreTheirOpdsAndReconcile() {
        generateRandomYear(new Random(20261128));
        var operator = new DumisakeUser("op-disdik", "Operator", Role.OPD_OPERATOR, "DISDIK", true, "x");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(operator, null, operator.getAuthorities()));
        try {
            Summary summary = dashboard.summary(RANDOM_YEAR, null);
            List<RegionRow> kecamatan = dashboard.byKecamatan(RANDOM_YEAR, null);
            BigDecimal rawAllocated = jdbc.queryForObject("select coalesce(sum(amount), 0) from allocation"
                    + " where fiscal_year = ? and status = 'ACTIVE' and opd_code = 'DISDIK'", BigDecimal.class, RANDOM_YEAR);
            BigDecimal rawRealised = jdbc.queryForObject("select coalesce(sum(d.amount), 0) from disbursement d"
                    + " join allocation a on a.id = d.allocation_id where d.fiscal_year = ? and d.status = 'VERIFIED'"
                    + " and a.opd_code = 'DISDIK'", BigDecimal.class, RANDOM_YEAR);
            assertThat(summary.opdScope()).isEqualTo("DISDIK");
            assertThat(summary.figures().allocated()).isEqualByComparingTo(rawAllocated).isPositive();
            assertThat(summary.figures().realised()).isEqualByComparingTo(rawRealised);
            assertThat(sum(kecamatan, Figures::allocated)).isEqualByComparingTo(rawAllocated);
            assertThat(sum(dashboard.byKabupatenKota(RANDOM_YEAR), Figures::realised)).isEqualByComparingTo(rawRealised);
            assertThat(dashboard.byOpd(RANDOM_YEAR, null)).extracting(RegionRow::code).containsExactly("DISDIK");
            assertThat(dashboard.opd(RANDOM_YEAR, "DISDIK")).contains(dashboard.byOpd(RANDOM_YEAR, null).get(0));
            assertThat(dashboard.opd(RANDOM_YEAR, "DINKES")).isEmpty();
            assertThat(dashboard.monthly(RANDOM_YEAR, null).get(11).plannedCumulative())
                    .isEqualByComparingTo(rawAllocated);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Random allocations (some cancelled) and disbursements in every status, written in SQL. */
    private void generateRandomYear(Random random) {
        if (jdbc.queryForObject("select count(*) from fiscal_year where year = ?", Integer.class, RANDOM_YEAR) > 0) {
            return;
        }
        jdbc.update("insert into fiscal_year (year, pagu_per_kecamatan, status, opened_by) values (?, 2000000000, 'OPEN', 'test')",
                RANDOM_YEAR);
        jdbc.update("insert into envelope (fiscal_year, kecamatan_code, pagu) select ?, code, 2000000000 from kecamatan",
                RANDOM_YEAR);
        List<String> kecamatan = jdbc.queryForList("select code from kecamatan order by code", String.class);
        List<String> opds = List.of("DISDIK", "DINKES", "DPUPR", "DISKOPUKM", "DINSOSDUKCAPIL");
        List<String> programmes = List.of("BANTUAN-PENDIDIKAN", "JAMINAN-KESEHATAN", "BEDAH-RUMAH", "MODAL-UMKM",
                "PERLINDUNGAN-SOSIAL");
        String[] statuses = {"DRAFT", "SUBMITTED", "VERIFIED", "VERIFIED", "REJECTED"};
        int sp2d = 0;
        for (int i = 0; i < 600; i++) {
            String kec = kecamatan.get(random.nextInt(kecamatan.size()));
            int p = random.nextInt(opds.size());
            long amount = 1_000_000L * (10 + random.nextInt(90));
            Long id = jdbc.queryForObject("""
                            insert into allocation (fiscal_year, kecamatan_code, opd_code, programme_code, mechanism, title,
                                                    amount, planned_month, status, created_by, updated_by)
                            values (?, ?, ?, ?, ?, 'Uji acak', ?, ?, 'ACTIVE', 'test', 'test') returning id""", Long.class,
                    RANDOM_YEAR, kec, opds.get(p), programmes.get(p),
                    random.nextBoolean() ? "BELANJA_OPD" : "BANTUAN_KEUANGAN_KABKOTA", amount, 1 + random.nextInt(12));
            long left = amount;
            for (int t = 1; t <= 1 + random.nextInt(3) && left > 0; t++) {
                long part = Math.min(left, 1_000_000L * (1 + random.nextInt(40)));
                String status = statuses[random.nextInt(statuses.length)];
                jdbc.update("""
                                insert into disbursement (allocation_id, fiscal_year, tranche, amount, sp2d_number, sp2d_date,
                                                          status, reject_reason, created_by, updated_by, submitted_at,
                                                          submitted_by, decided_by)
                                values (?, ?, ?, ?, ?, make_date(?, 1 + ?, 1 + ?), ?, ?, 'op', 'op',
                                        case when ?::text is not null then now() - make_interval(days => ?, hours => ?) end,
                                        ?, ?)""",
                        id, RANDOM_YEAR, t, part, "ACAK/" + (++sp2d), RANDOM_YEAR, random.nextInt(12), random.nextInt(28),
                        status, status.equals("REJECTED") ? "acak" : null,
                        status.equals("DRAFT") ? null : "op", random.nextInt(30), random.nextInt(24),
                        status.equals("DRAFT") ? null : "op", status.equals("VERIFIED") || status.equals("REJECTED") ? "admin" : null);
                if (!status.equals("REJECTED")) {
                    left -= part;
                }
            }
            if (random.nextInt(10) == 0 && jdbc.queryForObject("select coalesce(sum(amount), 0) from disbursement"
                    + " where allocation_id = ? and status = 'VERIFIED'", BigDecimal.class, id).signum() == 0) {
                jdbc.update("update allocation set status = 'CANCELLED' where id = ?", id);
            }
        }
        // the rows were written past the service: their totals are recounted from them
        DisbursementTotals.recount(jdbc, RANDOM_YEAR);
    }

    private static BigDecimal sum(List<RegionRow> rows, Function<Figures, BigDecimal> value) {
        return rows.stream().map(row -> value.apply(row.figures())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
