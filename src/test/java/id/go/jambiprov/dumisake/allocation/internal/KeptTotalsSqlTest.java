package id.go.jambiprov.dumisake.allocation.internal;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.account.Role;
import id.go.jambiprov.dumisake.allocation.AllocationFilter;
import id.go.jambiprov.dumisake.allocation.AllocationStatus;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which kept columns a list footer adds up: every allocation is counted unless a status is chosen, the money is that
 * of the ACTIVE ones (none for a list of cancelled ones), and each filter and an operator's OPD narrow the cells —
 * the kabupaten/kota roll-up's unless a kecamatan is chosen. That the sums equal those over the allocation rows is
 * {@code KeptTotalsConcurrencyTest}'s.
 */
class KeptTotalsSqlTest {

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void withoutAStatusEveryAllocationCountsAndTheActiveOnesMoneyFromTheProvinceRows() {
        signIn(new DumisakeUser("ahli", "Tim Ahli", Role.EXPERT, null, true, "x"));
        MapSqlParameterSource params = new MapSqlParameterSource();

        String sql = KeptTotalsSql.totals(new AllocationFilter(2077, null, null, null, null, null, null), params);

        assertThat(sql).contains("sum(a.allocations + a.cancelled)", "sum(a.amount)", "sum(a.disbursed)",
                "sum(a.realised)", "from allocation_rollup a where a.level = 0", "a.fiscal_year = :year")
                .doesNotContain(":scopeOpd");
        assertThat(params.getValues()).containsOnlyKeys("year");
    }

    @Test
    void theActiveOnesCountAloneWhenAskedFor() {
        signIn(new DumisakeUser("ahli", "Tim Ahli", Role.EXPERT, null, true, "x"));

        String sql = KeptTotalsSql.totals(new AllocationFilter(2077, null, null, null, null, null,
                AllocationStatus.ACTIVE), new MapSqlParameterSource());

        assertThat(sql).contains("sum(a.allocations)", "sum(a.amount)").doesNotContain("a.cancelled");
    }

    @Test
    void cancelledAllocationsCountButCarryNoMoney() {
        signIn(new DumisakeUser("ahli", "Tim Ahli", Role.EXPERT, null, true, "x"));

        String sql = KeptTotalsSql.totals(new AllocationFilter(2077, null, null, null, null, null,
                AllocationStatus.CANCELLED), new MapSqlParameterSource());

        assertThat(sql).contains("sum(a.cancelled)", "0 as amount", "0 as disbursed", "0 as realised")
                .doesNotContain("a.allocated", "sum(a.allocations");
    }

    @Test
    void withoutAKecamatanTheKabupatenKotaRowsAreRead() {
        signIn(new DumisakeUser("op-disdik", "Operator DISDIK", Role.OPD_OPERATOR, "DISDIK", true, "x"));
        MapSqlParameterSource params = new MapSqlParameterSource();

        String sql = KeptTotalsSql.totals(new AllocationFilter(2078, "15.05", null, null, "BANTUAN-PENDIDIKAN",
                Mechanism.BELANJA_OPD, null), params);

        assertThat(sql).contains("from allocation_rollup a where a.level = 1", "a.region_code = :kabupatenKota",
                "a.programme_code = :programme", "a.mechanism = :mechanism", "a.opd_code = :scopeOpd")
                .doesNotContain("allocation_total", "kecamatan_code");
        assertThat(params.getValues()).containsEntry("kabupatenKota", "15.05").containsEntry("scopeOpd", "DISDIK");
    }

    @Test
    void everyFilterAndAnOperatorsOpdNarrowTheKecamatanCells() {
        signIn(new DumisakeUser("op-disdik", "Operator DISDIK", Role.OPD_OPERATOR, "DISDIK", true, "x"));
        MapSqlParameterSource params = new MapSqlParameterSource();

        String sql = KeptTotalsSql.totals(new AllocationFilter(2078, "15.05", "15.05.01", "DISDIK",
                "BANTUAN-PENDIDIKAN", Mechanism.BELANJA_OPD, AllocationStatus.ACTIVE), params);

        assertThat(sql).contains("from allocation_total a",
                "a.kecamatan_code in (select code from kecamatan where kabupaten_kota_code = :kabupatenKota)",
                "a.kecamatan_code = :kecamatan", "a.opd_code = :opd", "a.programme_code = :programme",
                "a.mechanism = :mechanism", "a.opd_code = :scopeOpd");
        assertThat(params.getValues()).containsEntry("year", 2078).containsEntry("kabupatenKota", "15.05")
                .containsEntry("kecamatan", "15.05.01").containsEntry("opd", "DISDIK")
                .containsEntry("programme", "BANTUAN-PENDIDIKAN").containsEntry("mechanism", "BELANJA_OPD")
                .containsEntry("scopeOpd", "DISDIK");
    }

    private static void signIn(DumisakeUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
