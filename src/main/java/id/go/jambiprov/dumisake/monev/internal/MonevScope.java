package id.go.jambiprov.dumisake.monev.internal;

import id.go.jambiprov.dumisake.account.OpdScope;
import id.go.jambiprov.dumisake.monev.domain.PlanCurve;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.time.LocalDate;

/**
 * The year, the optional kabupaten/kota and the caller's OPD of a monev query, and the month it is measured at
 * ({@link PlanCurve#lastClosedMonth}). As on the dashboard, a filter is written into the SQL only when set.
 */
record MonevScope(int year, String kabupatenKota, int month) {

    static MonevScope of(int year, String kabupatenKotaCode, LocalDate today) {
        return new MonevScope(year, kabupatenKotaCode == null || kabupatenKotaCode.isBlank() ? null : kabupatenKotaCode,
                PlanCurve.lastClosedMonth(year, today));
    }

    MapSqlParameterSource params() {
        return new MapSqlParameterSource("year", year).addValue("month", month).addValue("kabupatenKota", kabupatenKota);
    }

    /** Limits rows with an OPD and a kecamatan column to the caller's OPD and the chosen kabupaten/kota. */
    String on(String opdColumn, String kecamatanColumn, MapSqlParameterSource params) {
        return OpdScope.sql(opdColumn, params)
                + (kabupatenKota == null ? "" : " and left(" + kecamatanColumn + ", 5) = :kabupatenKota");
    }
}
