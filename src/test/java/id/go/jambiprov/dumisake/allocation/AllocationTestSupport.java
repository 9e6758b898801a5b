package id.go.jambiprov.dumisake.allocation;

import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.FiscalYearView;
import id.go.jambiprov.dumisake.shared.SystemAuthentication;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Helpers of the allocation tests. The tests share one database with the demo data (2025, 2026) and with
 * each other, so every test class works in fiscal years of its own and never counts globally.
 */
final class AllocationTestSupport {

    static final BigDecimal MILLION = new BigDecimal("1000000.00");
    static final BigDecimal BILLION = new BigDecimal("1000000000.00");

    private AllocationTestSupport() {
    }

    static BigDecimal juta(long millions) {
        return MILLION.multiply(BigDecimal.valueOf(millions));
    }

    /** Runs {@code work} as the admin user {@code system} and returns its result. */
    static <T> T asAdmin(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        SystemAuthentication.run(() -> result.set(work.get()));
        return result.get();
    }

    static void asAdmin(Runnable work) {
        SystemAuthentication.run(work);
    }

    /** Opens {@code year} with {@code pagu} per kecamatan unless an earlier test of this JVM already did. */
    static synchronized FiscalYearView ensureOpen(FiscalYearService fiscalYears, int year, BigDecimal pagu) {
        return asAdmin(() -> fiscalYears.all().stream().filter(y -> y.year() == year).findFirst()
                .orElseGet(() -> fiscalYears.open(year, pagu)));
    }

    static NewAllocation belanjaOpd(int year, String kecamatanCode, BigDecimal amount) {
        return new NewAllocation(year, kecamatanCode, "DISDIK", "BANTUAN-PENDIDIKAN", Mechanism.BELANJA_OPD, null,
                "Bantuan perlengkapan sekolah", amount, 6);
    }

    static BigDecimal allocated(JdbcTemplate jdbc, int year, String kecamatanCode) {
        return jdbc.queryForObject("select allocated from envelope where fiscal_year = ? and kecamatan_code = ?",
                BigDecimal.class, year, kecamatanCode);
    }

    static BigDecimal pagu(JdbcTemplate jdbc, int year, String kecamatanCode) {
        return jdbc.queryForObject("select pagu from envelope where fiscal_year = ? and kecamatan_code = ?",
                BigDecimal.class, year, kecamatanCode);
    }

    /** Σ amount of the ACTIVE allocations of one envelope, counted by SQL from the allocation rows. */
    static BigDecimal sumOfActive(JdbcTemplate jdbc, int year, String kecamatanCode) {
        return jdbc.queryForObject("""
                        select coalesce(sum(amount), 0) from allocation
                        where fiscal_year = ? and kecamatan_code = ? and status = 'ACTIVE'""",
                BigDecimal.class, year, kecamatanCode);
    }

    static int allocationRows(JdbcTemplate jdbc, int year, String kecamatanCode) {
        return jdbc.queryForObject("select count(*) from allocation where fiscal_year = ? and kecamatan_code = ?",
                Integer.class, year, kecamatanCode);
    }

    /** Audit events about allocations of one envelope (their state names the year and the kecamatan). */
    static int allocationAuditEvents(JdbcTemplate jdbc, String action, int year, String kecamatanCode) {
        return jdbc.queryForObject("""
                        select count(*) from audit_event
                        where entity_type = 'Allocation' and action = ?
                          and coalesce(after_state, before_state) ->> 'year' = ?
                          and coalesce(after_state, before_state) ->> 'kecamatanCode' = ?""",
                Integer.class, action, String.valueOf(year), kecamatanCode);
    }

    static int auditEvents(JdbcTemplate jdbc, String action, String entityType, Object entityId) {
        return jdbc.queryForObject("""
                        select count(*) from audit_event where action = ? and entity_type = ? and entity_id = ?""",
                Integer.class, action, entityType, String.valueOf(entityId));
    }
}
