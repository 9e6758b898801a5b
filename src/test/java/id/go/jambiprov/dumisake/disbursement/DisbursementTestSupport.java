package id.go.jambiprov.dumisake.disbursement;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.account.SignedIn;
import id.go.jambiprov.dumisake.account.Role;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.allocation.NewAllocation;
import id.go.jambiprov.dumisake.allocation.internal.AllocationService;
import id.go.jambiprov.dumisake.disbursement.internal.NewDisbursement;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.FiscalYearView;
import id.go.jambiprov.dumisake.shared.SystemAuthentication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Helpers of the disbursement tests. The tests share one database with the demo data (2025, 2026) and
 * with each other, so the integration tests work in fiscal years of their own (2041–2045) and, with
 * {@link FixedClock}, in a "today" of 30 June 2045 (WIB): every SP2D date of 2041–2044 lies in the past.
 */
final class DisbursementTestSupport {

    static final ZoneId JAMBI = ZoneId.of("Asia/Jakarta");
    /** "Today" of the integration tests that use {@link FixedClock}. */
    static final LocalDate TODAY = LocalDate.of(2045, 6, 30);
    static final BigDecimal PAGU = new BigDecimal("2000000000.00");

    private DisbursementTestSupport() {
    }

    /** A fixed clock at 30 June 2045, 10:00 WIB; one cached context for every class that imports it. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedTestClock() {
            return Clock.fixed(LocalDateTime.of(TODAY, java.time.LocalTime.of(10, 0)).atZone(JAMBI).toInstant(),
                    JAMBI);
        }
    }

    static BigDecimal juta(long millions) {
        return new BigDecimal(millions).multiply(new BigDecimal("1000000.00"));
    }

    static DumisakeUser operator(String opdCode) {
        return operator("op-" + opdCode.toLowerCase(), opdCode);
    }

    static DumisakeUser operator(String username, String opdCode) {
        return new DumisakeUser(username, "Operator " + opdCode, Role.OPD_OPERATOR, opdCode, true, "x");
    }

    static DumisakeUser admin(String username) {
        return new DumisakeUser(username, "Admin " + username, Role.ADMIN, null, true, "x");
    }

    static DumisakeUser expert() {
        return new DumisakeUser("ahli", "Tim Ahli", Role.EXPERT, null, true, "x");
    }

    /** Runs {@code work} with {@code user} in the current thread's security context, then restores it. */
    static <T> T as(DumisakeUser user, Supplier<T> work) {
        return SignedIn.as(user, work);
    }

    static void as(DumisakeUser user, Runnable work) {
        as(user, () -> {
            work.run();
            return null;
        });
    }

    static <T> T asSystem(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        SystemAuthentication.run(() -> result.set(work.get()));
        return result.get();
    }

    /** Opens {@code year} unless an earlier test of this JVM already did. */
    static synchronized FiscalYearView ensureOpen(FiscalYearService fiscalYears, int year) {
        return asSystem(() -> fiscalYears.all().stream().filter(y -> y.year() == year).findFirst()
                .orElseGet(() -> fiscalYears.open(year, PAGU)));
    }

    /** A kecamatan of {@code year} whose envelope has nothing allocated yet: a clean envelope for one test. */
    static synchronized String freshKecamatan(JdbcTemplate jdbc, int year) {
        return jdbc.queryForObject("""
                select e.kecamatan_code from envelope e
                where e.fiscal_year = ? and e.allocated = 0
                  and not exists (select 1 from allocation a where a.fiscal_year = e.fiscal_year
                                  and a.kecamatan_code = e.kecamatan_code)
                order by e.kecamatan_code limit 1""", String.class, year);
    }

    /** A BELANJA_OPD allocation of {@code opdCode}, created by the admin {@code system}. */
    static AllocationView allocation(AllocationService allocations, int year, String kecamatanCode, String opdCode,
                                     BigDecimal amount) {
        return asSystem(() -> allocations.create(new NewAllocation(year, kecamatanCode, opdCode,
                "BANTUAN-PENDIDIKAN", Mechanism.BELANJA_OPD, null, "Bantuan perlengkapan sekolah (uji pencairan)",
                amount, 6)));
    }

    static NewDisbursement tranche(int tranche, BigDecimal amount, LocalDate sp2dDate) {
        return new NewDisbursement(tranche, amount, sp2dNumber(), sp2dDate, "uji", null);
    }

    static String sp2dNumber() {
        return "UJI/" + UUID.randomUUID().toString().substring(0, 18);
    }

    static BigDecimal sumOf(JdbcTemplate jdbc, long allocationId, String statusCondition) {
        return jdbc.queryForObject("select coalesce(sum(amount), 0) from disbursement where allocation_id = ? and "
                + statusCondition, BigDecimal.class, allocationId);
    }

    static BigDecimal column(JdbcTemplate jdbc, String column, long allocationId) {
        return jdbc.queryForObject("select " + column + " from allocation where id = ?", BigDecimal.class,
                allocationId);
    }

    static int auditEvents(JdbcTemplate jdbc, String action, long disbursementId) {
        return jdbc.queryForObject("""
                        select count(*) from audit_event
                        where action = ? and entity_type = 'Disbursement' and entity_id = ?""",
                Integer.class, action, String.valueOf(disbursementId));
    }
}
