package id.go.jambiprov.dumisake.monev.internal;

import id.go.jambiprov.dumisake.monev.GroupBy;
import id.go.jambiprov.dumisake.monev.domain.DeviationFigures;
import id.go.jambiprov.dumisake.monev.domain.PlanCurve;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The sums behind the deviation rows, one grouped statement per request: the active allocations of the year
 * in scope, each with its latest progress report as the progress capability keeps it ({@code progress_latest}, one
 * row per allocation), summed as amounts so that a group is weighted by allocation amount.
 */
@Component
class DeviationReadModel {

    private final NamedParameterJdbcTemplate jdbc;

    DeviationReadModel(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<GroupFigures> of(MonevScope scope, GroupBy groupBy) {
        return of(scope, groupBy, Pageable.unpaged());
    }

    /** One page of the groups in their order; the sums are still taken over the whole group. */
    List<GroupFigures> of(MonevScope scope, GroupBy groupBy, Pageable page) {
        MapSqlParameterSource params = scope.params();
        Grouping g = grouping(groupBy);
        String sql = "select g.code::text as code, " + g.name + " as name, " + g.place + " as place, g.allocations, g.amount, g.planned_amount,"
                + " g.physical_amount, g.realised, g.missing_amount"
                + " from (select " + g.key + " as code" + g.extra + ", count(*) as allocations, sum(a.amount) as amount,"
                // the division once per group, not once per allocation
                + "   sum(a.amount * " + PlanCurve.plannedPercentSql("a.planned_month", "month") + ") / 100 as planned_amount,"
                + "   sum(a.amount * coalesce(r.physical_percent, 0)) / 100 as physical_amount,"
                + "   sum(a.realised) as realised,"
                + "   coalesce(sum(a.amount) filter (where coalesce(r.month, 0) < :month), 0) as missing_amount"
                + "   from allocation a"
                + "   left join progress_latest r on r.allocation_id = a.id and r.fiscal_year = :year"
                + "   where a.fiscal_year = :year and a.status = 'ACTIVE'"
                + scope.on("a.opd_code", "a.kecamatan_code", params)
                + "   group by " + g.key + ") g "
                + g.join + " order by " + g.orderBy
                + (page.isPaged() ? " limit :limit offset :offset" : "");
        if (page.isPaged()) {
            params.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
        }
        return jdbc.query(sql, params, (rs, n) -> new GroupFigures(rs.getString("code"), rs.getString("name"),
                rs.getString("place"), rs.getLong("allocations"), new DeviationFigures(rs.getBigDecimal("amount"),
                rs.getBigDecimal("planned_amount"), rs.getBigDecimal("physical_amount"), rs.getBigDecimal("realised"),
                rs.getBigDecimal("missing_amount"))));
    }

    /** How many groups {@link #of} has in this scope: a year's active allocations counted from the covering index. */
    long groups(MonevScope scope, GroupBy groupBy) {
        MapSqlParameterSource params = scope.params();
        String sql = "select count(distinct " + grouping(groupBy).key + ") from allocation a"
                + " where a.fiscal_year = :year and a.status = 'ACTIVE'" + scope.on("a.opd_code", "a.kecamatan_code", params);
        Long count = jdbc.queryForObject(sql, params, Long.class);
        return count == null ? 0 : count;
    }

    /** Summed per group key first, the names joined to the few groups afterwards. */
    private static Grouping grouping(GroupBy groupBy) {
        return switch (groupBy) {
            case OPD -> new Grouping("a.opd_code", "", "o.name", "null", "join opd o on o.code = g.code", "g.code");
            case KECAMATAN -> new Grouping("a.kecamatan_code", "", "c.name", "null",
                    "join kecamatan c on c.code = g.code", "g.code");
            case KABUPATEN_KOTA -> new Grouping("left(a.kecamatan_code, 5)", "", "k.name", "null",
                    "join kabupaten_kota k on k.code = g.code", "g.code");
            case PROGRAMME -> new Grouping("a.programme_code", "", "p.name", "null",
                    "join programme p on p.code = g.code", "g.code");
            case ALLOCATION -> new Grouping("a.id", ", a.title as title, a.kecamatan_code as kecamatan", "g.title",
                    "c.name || ', ' || k.name", "join kecamatan c on c.code = g.kecamatan"
                    + " join kabupaten_kota k on k.code = left(g.kecamatan, 5)", "g.kecamatan, g.code");
        };
    }

    private record Grouping(String key, String extra, String name, String place, String join, String orderBy) {
    }

    record GroupFigures(String code, String name, String place, long allocations, DeviationFigures figures) {
    }
}
