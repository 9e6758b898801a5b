package id.go.jambiprov.dumisake.monev.internal;

import id.go.jambiprov.dumisake.monev.domain.DeviationFigures;
import id.go.jambiprov.dumisake.monev.domain.PlanCurve;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What "Kenapa belum jalan?" reads: every active allocation of the year in scope with its latest and highest
 * reported physical progress, and the open obstacles of the year in scope (the obstacle capability's table).
 * Two statements, whatever the number of allocations.
 */
@Component
class StalledReadModel {

    private final NamedParameterJdbcTemplate jdbc;

    StalledReadModel(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<AllocationProgress> allocations(MonevScope scope) {
        MapSqlParameterSource params = scope.params();
        return jdbc.query("""
                select a.id, a.title, a.amount, a.realised, a.planned_month, a.opd_code, o.name as opd_name,
                       a.kecamatan_code, c.name as kecamatan_name, k.name as kabupaten_kota_name,
                       r.month as report_month, coalesce(r.physical_percent, 0) as physical,
                       r.highest_percent as highest
                from allocation a
                join opd o on o.code = a.opd_code
                join kecamatan c on c.code = a.kecamatan_code
                join kabupaten_kota k on k.code = c.kabupaten_kota_code
                left join progress_latest r on r.allocation_id = a.id
                where a.fiscal_year = :year and a.status = 'ACTIVE'""" + scope.on("a.opd_code", "a.kecamatan_code", params),
                params, (rs, n) -> {
                    BigDecimal amount = rs.getBigDecimal("amount");
                    int reportMonth = rs.getInt("report_month");
                    int plannedMonth = rs.getInt("planned_month");
                    DeviationFigures figures = new DeviationFigures(amount,
                            amount.multiply(PlanCurve.plannedPercent(plannedMonth, scope.month())).movePointLeft(2),
                            amount.multiply(rs.getBigDecimal("physical")).movePointLeft(2), rs.getBigDecimal("realised"),
                            reportMonth < scope.month() ? amount : BigDecimal.ZERO);
                    return new AllocationProgress(rs.getLong("id"), rs.getString("title"), rs.getString("opd_code"),
                            rs.getString("opd_name"), rs.getString("kecamatan_code"), rs.getString("kecamatan_name"),
                            rs.getString("kabupaten_kota_name"), plannedMonth, rs.getBigDecimal("highest"), figures);
                });
    }

    List<OpenObstacle> openObstacles(MonevScope scope, LocalDate today) {
        MapSqlParameterSource params = scope.params().addValue("today", today);
        return jdbc.query("""
                select b.id, b.allocation_id, b.category, b.description, b.since, b.escalated_at is not null as escalated,
                       b.opd_code, o.name as opd_name, :today - b.since as age_days
                from obstacle b join opd o on o.code = b.opd_code
                where b.fiscal_year = :year and b.status <> 'RESOLVED'""" + scope.on("b.opd_code", "b.kecamatan_code", params)
                        + " order by b.escalated_at is null, b.since, b.id",
                params, (rs, n) -> new OpenObstacle(rs.getLong("id"), rs.getLong("allocation_id"), rs.getString("category"),
                        rs.getString("description"), rs.getObject("since", LocalDate.class), rs.getInt("age_days"),
                        rs.getBoolean("escalated"), rs.getString("opd_code"), rs.getString("opd_name")));
    }

    record AllocationProgress(long id, String title, String opdCode, String opdName, String kecamatanCode,
                              String kecamatanName, String kabupatenKotaName, int plannedMonth,
                              BigDecimal highestPhysical, DeviationFigures figures) {
    }
}
