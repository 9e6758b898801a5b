package id.go.jambiprov.dumisake.dashboard.internal;

import id.go.jambiprov.dumisake.DisbursementTotals;
import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.account.SignedIn;
import id.go.jambiprov.dumisake.dashboard.DashboardModuleContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Last year's realisation at the same date is read two ways — the tranches verified up to the date, or, in the
 * second half of the year, all that was realised less what was verified after it. Both must give what the verified
 * tranches up to that date add up to, for every date of the year and every scope. Fiscal year 2059 belongs to this
 * class (asked for as 2060, whose previous year it is); each test rolls back.
 */
class PreviousYearFiguresTest extends DashboardModuleContext {

    private static final int PREVIOUS = 2059;
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NamedParameterJdbcTemplate named;

    @BeforeEach
    void aYearWithTranchesAcrossIt() {
        jdbc.update("insert into fiscal_year (year, pagu_per_kecamatan, status, opened_by) values (?, 2000000000, 'OPEN', 'uji')",
                PREVIOUS);
        jdbc.update("insert into envelope (fiscal_year, kecamatan_code, pagu) select ?, code, 2000000000 from kecamatan",
                PREVIOUS);
        long disdik = allocation("15.01.01", "DISDIK", "100000000");
        long dinkes = allocation("15.02.01", "DINKES", "80000000");
        verified(disdik, 1, "30000000", "2059-03-10");
        verified(disdik, 2, "20000000", "2059-09-20");
        verified(dinkes, 1, "10000000", "2059-11-05");
        verified(dinkes, 2, "5000000", "2059-12-31");
        jdbc.update("""
                insert into disbursement (allocation_id, fiscal_year, tranche, amount, sp2d_number, sp2d_date, status,
                                          created_by, updated_by, submitted_at, submitted_by)
                values (?, ?, 3, 7000000, 'SP2D/PY/3', '2059-06-01', 'SUBMITTED', 'op-disdik', 'op-disdik', now(),
                        'op-disdik')""", disdik, PREVIOUS);
        DisbursementTotals.recount(jdbc, PREVIOUS);
    }

    @Test
    void bothWaysGiveTheTranchesVerifiedByTheSameDateInEveryScope() {
        for (LocalDate day = LocalDate.of(2060, 1, 1); day.getYear() == 2060; day = day.plusDays(3)) {
            assertSameAsRecounted(day, SignedIn.ADMIN, null);
            assertSameAsRecounted(day, SignedIn.EXPERT, "15.01");
            assertSameAsRecounted(day, SignedIn.OPERATOR_DISDIK, null);
            assertSameAsRecounted(day, SignedIn.OPERATOR_DINKES, "15.02");
        }
    }

    @Test
    void aYearThatIsOverComparesWithAllThePreviousYearRealised() {
        assertThat(realised(LocalDate.of(2061, 3, 1), SignedIn.ADMIN, null)).isEqualByComparingTo("65000000");
        assertThat(realised(LocalDate.of(2060, 12, 31), SignedIn.OPERATOR_DINKES, null)).isEqualByComparingTo("15000000");
        assertThat(realised(LocalDate.of(2060, 9, 19), SignedIn.ADMIN, null)).isEqualByComparingTo("30000000");
        assertThat(realised(LocalDate.of(2060, 9, 20), SignedIn.ADMIN, null)).isEqualByComparingTo("50000000");
    }

    private void assertSameAsRecounted(LocalDate today, DumisakeUser user, String kabupatenKota) {
        String opd = user.opdScope();
        BigDecimal recounted = jdbc.queryForObject("""
                select coalesce(sum(d.amount), 0) from disbursement d join allocation a on a.id = d.allocation_id
                where d.fiscal_year = ? and d.status = 'VERIFIED' and d.sp2d_date <= ?
                  and (cast(? as varchar) is null or a.opd_code = ?)
                  and (cast(? as varchar) is null or left(a.kecamatan_code, 5) = ?)""", BigDecimal.class,
                PREVIOUS, today.minusYears(1), opd, opd, kabupatenKota, kabupatenKota);
        assertThat(realised(today, user, kabupatenKota)).as("%s, %s, %s", today, user.getUsername(), kabupatenKota)
                .isEqualByComparingTo(recounted);
    }

    private BigDecimal realised(LocalDate today, DumisakeUser user, String kabupatenKota) {
        Clock clock = Clock.fixed(today.atTime(10, 0).atZone(WIB).toInstant(), WIB);
        PreviousYearFigures figures = new PreviousYearFigures(named, clock);
        return SignedIn.as(user, () -> figures.of(DashboardScope.of(PREVIOUS + 1, kabupatenKota)).realised());
    }

    private long allocation(String kecamatan, String opd, String amount) {
        return jdbc.queryForObject("""
                insert into allocation (fiscal_year, kecamatan_code, opd_code, programme_code, mechanism, title, amount,
                                        planned_month, status, created_by, updated_by)
                values (?, ?, ?, 'BANTUAN-PENDIDIKAN', 'BELANJA_OPD', 'Uji', ?, 3, 'ACTIVE', 'uji', 'uji') returning id""",
                Long.class, PREVIOUS, kecamatan, opd, new BigDecimal(amount));
    }

    private void verified(long allocationId, int tranche, String amount, String sp2dDate) {
        jdbc.update("""
                insert into disbursement (allocation_id, fiscal_year, tranche, amount, sp2d_number, sp2d_date, status,
                                          created_by, updated_by, submitted_at, submitted_by, decided_at, decided_by)
                values (?, ?, ?, ?, ?, cast(? as date), 'VERIFIED', 'op-disdik', 'op-disdik', now(), 'op-disdik',
                        now(), 'admin')""", allocationId, PREVIOUS, tranche, new BigDecimal(amount),
                "SP2D/PY/" + allocationId + "/" + tranche, sp2dDate);
    }
}
