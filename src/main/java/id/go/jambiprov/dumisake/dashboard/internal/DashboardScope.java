package id.go.jambiprov.dumisake.dashboard.internal;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.account.OpdScope;
import id.go.jambiprov.dumisake.dashboard.Figures;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The year and the optional filters of a dashboard query. A filter is written into the SQL only when
 * it is set, so that every combination has its own prepared statement and a plan that fits it (an
 * {@code :x is null or …} condition makes PostgreSQL keep generic plans that read every row).
 */
record DashboardScope(int year, String kabupatenKota, String opd) {

    static DashboardScope of(int year, String kabupatenKotaCode) {
        return new DashboardScope(year,
                kabupatenKotaCode == null || kabupatenKotaCode.isBlank() ? null : kabupatenKotaCode,
                CurrentUser.opdScope());
    }

    boolean filtered() {
        return kabupatenKota != null || opd != null;
    }

    /** Limits an allocation {@code a} to the caller's OPD and the chosen kabupaten/kota. */
    String onAllocation(MapSqlParameterSource params) {
        return OpdScope.sql("a.opd_code", params)
                + (kabupatenKota == null ? "" : " and left(a.kecamatan_code, 5) = :kabupatenKota");
    }

    /** As {@link #onAllocation}, for the rows {@code a} of {@code allocation_rollup} (V22_32) of a kabupaten/kota. */
    String onRollup(MapSqlParameterSource params) {
        return OpdScope.sql("a.opd_code", params)
                + (kabupatenKota == null ? "" : " and a.region_code = :kabupatenKota");
    }

    /** The year and the kabupaten/kota; the OPD is added by the condition that uses it. */
    MapSqlParameterSource params() {
        return new MapSqlParameterSource("year", year).addValue("kabupatenKota", kabupatenKota);
    }

    /** The pagu, allocated and realised columns every dashboard statement names alike. */
    static Figures figures(ResultSet rs) throws SQLException {
        return new Figures(rs.getBigDecimal("pagu"), rs.getBigDecimal("allocated"), rs.getBigDecimal("realised"));
    }
}
