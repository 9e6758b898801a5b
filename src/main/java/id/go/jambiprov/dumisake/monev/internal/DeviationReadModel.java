package id.go.jambiprov.dumisake.monev.internal;

import id.go.jambiprov.dumisake.monev.GroupBy;
import id.go.jambiprov.dumisake.monev.domain.DeviationFigures;
import id.go.jambiprov.dumisake.monev.domain.PlanCurve;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The sums behind the deviation rows, one grouped statement per request: the active allocations of the year
 * in scope, each with its latest progress report (the lateral join reads one row of the report's
 * (allocation, month) key), summed as amounts so that a group is weighted by allocation amount.
 */
@Component
class DeviationReadModel {

    private final NamedParameterJdbcTemplate jdbc;

    DeviationReadModel(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<GroupFigures> of(MonevScope scope, GroupBy groupBy) {
        MapSqlParameterSource params = scope.params();
        Grouping g = grouping(groupBy);
        String sql = "select " + g.code + " as code, " + g.name + " as name, count(*) as allocations,"
                + " sum(a.amount) as amount,"
                + " sum(a.amount * " + PlanCurve.plannedPercentSql("a.planned_month", "month") + " / 100) as planned_amount,"
                + " sum(a.amount * coalesce(r.physical_percent, 0) / 100) as physical_amount,"
                + " sum(a.realised) as realised,"
                + " coalesce(sum(a.amount) filter (where coalesce(r.month, 0) < :month), 0) as missing_amount"
                + " from allocation a"
                + " left join lateral (select r.month, r.physical_percent from progress_report r"
                + "   where r.allocation_id = a.id order by r.month desc limit 1) r on true "
                + g.join
                + " where a.fiscal_year = :year and a.status = 'ACTIVE'" + scope.on("a.opd_code", "a.kecamatan_code", params)
                + " group by " + g.groupBy + " order by " + g.orderBy;
        return jdbc.query(sql, params, (rs, n) -> new GroupFigures(rs.getString("code"), rs.getString("name"),
                rs.getLong("allocations"), new DeviationFigures(rs.getBigDecimal("amount"),
                rs.getBigDecimal("planned_amount"), rs.getBigDecimal("physical_amount"), rs.getBigDecimal("realised"),
                rs.getBigDecimal("missing_amount"))));
    }

    private static Grouping grouping(GroupBy groupBy) {
        return switch (groupBy) {
            case OPD -> new Grouping("a.opd_code", "o.name", "join opd o on o.code = a.opd_code", "1, 2", "1");
            case KECAMATAN -> new Grouping("a.kecamatan_code", "c.name",
                    "join kecamatan c on c.code = a.kecamatan_code", "1, 2", "1");
            case KABUPATEN_KOTA -> new Grouping("k.code", "k.name",
                    "join kabupaten_kota k on k.code = left(a.kecamatan_code, 5)", "1, 2", "1");
            case PROGRAMME -> new Grouping("a.programme_code", "p.name",
                    "join programme p on p.code = a.programme_code", "1, 2", "1");
            case ALLOCATION -> new Grouping("a.id::text", "a.title", "", "a.id", "a.kecamatan_code, a.id");
        };
    }

    private record Grouping(String code, String name, String join, String groupBy, String orderBy) {
    }

    record GroupFigures(String code, String name, long allocations, DeviationFigures figures) {
    }
}
