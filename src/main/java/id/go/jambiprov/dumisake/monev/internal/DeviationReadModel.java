package id.go.jambiprov.dumisake.monev.internal;

import id.go.jambiprov.dumisake.monev.GroupBy;
import id.go.jambiprov.dumisake.monev.domain.DeviationFigures;
import id.go.jambiprov.dumisake.monev.domain.PlanCurve;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The sums behind the deviation rows, one statement per request: the active allocations of the year in scope,
 * each with its latest progress report as the progress capability keeps it ({@code progress_latest}, one row per
 * allocation), summed as amounts so that a group is weighted by allocation amount. The allocations themselves are
 * read a page at a time in index order (kecamatan, id) instead of being grouped by id.
 */
@Component
class DeviationReadModel {

    /** What each allocation adds to its group's figures, in rupiah (physical × 100). */
    private static final String AMOUNT = "a.amount";
    private static final String PLANNED = PlanCurve.plannedAmountSql("a.amount", "a.planned_month", "month");
    private static final String PHYSICAL = "a.amount * coalesce(r.physical_percent, 0)";
    private static final String MISSING = "case when coalesce(r.month, 0) < :month then a.amount else 0 end";
    private static final String FROM = " from allocation a"
            + " left join progress_latest r on r.allocation_id = a.id and r.fiscal_year = :year";
    private static final String ACTIVE = " where a.fiscal_year = :year and a.status = 'ACTIVE'";

    private static final RowMapper<GroupFigures> ROW = (rs, n) -> new GroupFigures(rs.getString("code"),
            rs.getString("name"), rs.getString("place"), rs.getLong("allocations"),
            new DeviationFigures(rs.getBigDecimal("amount"), rs.getBigDecimal("planned_amount"),
                    rs.getBigDecimal("physical_amount"), rs.getBigDecimal("realised"),
                    rs.getBigDecimal("missing_amount")));

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
        String scoped = ACTIVE + scope.on("a.opd_code", "a.kecamatan_code", params);
        String sql;
        if (groupBy == GroupBy.ALLOCATION) {
            // the page's ids first, from the index alone; then the figures and names of those rows only
            String ids = "select a.id from allocation a" + scoped + " order by a.kecamatan_code, a.id"
                    + (page.isPaged() ? " limit :limit offset :offset" : "");
            sql = "select a.id::text as code, a.title as name, c.name || ', ' || k.name as place, 1 as allocations,"
                    + " " + AMOUNT + " as amount, " + PLANNED + " as planned_amount, " + PHYSICAL
                    + " / 100 as physical_amount, a.realised, " + MISSING + " as missing_amount"
                    + " from (" + ids + ") p join allocation a on a.id = p.id"
                    + " left join progress_latest r on r.allocation_id = a.id and r.fiscal_year = :year"
                    + " join kecamatan c on c.code = a.kecamatan_code"
                    + " join kabupaten_kota k on k.code = c.kabupaten_kota_code order by a.kecamatan_code, a.id";
        } else {
            Grouping g = grouping(groupBy);
            sql = "select g.code::text as code, " + g.name + " as name, null as place, g.allocations, g.amount,"
                    + " g.planned_amount, g.physical_amount, g.realised, g.missing_amount"
                    + " from (select " + g.key + " as code, count(*) as allocations, sum(" + AMOUNT + ") as amount,"
                    // the division once per group, not once per allocation
                    + "   sum(" + PLANNED + ") as planned_amount, sum(" + PHYSICAL + ") / 100 as physical_amount,"
                    + "   sum(a.realised) as realised, sum(" + MISSING + ") as missing_amount"
                    + FROM + scoped + " group by " + g.key + ") g " + g.join + " order by g.code"
                    + (page.isPaged() ? " limit :limit offset :offset" : "");
        }
        if (page.isPaged()) {
            params.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
        }
        return jdbc.query(sql, params, ROW);
    }

    /** How many rows {@link #of} has in this scope, counted from the covering index of the active allocations. */
    long groups(MonevScope scope, GroupBy groupBy) {
        MapSqlParameterSource params = scope.params();
        String counted = groupBy == GroupBy.ALLOCATION ? "count(*)" : "count(distinct " + grouping(groupBy).key + ")";
        Long count = jdbc.queryForObject("select " + counted + " from allocation a"
                + " where a.fiscal_year = :year and a.status = 'ACTIVE'"
                + scope.on("a.opd_code", "a.kecamatan_code", params), params, Long.class);
        return count == null ? 0 : count;
    }

    /** Summed per group key first, the names joined to the few groups afterwards. */
    private static Grouping grouping(GroupBy groupBy) {
        return switch (groupBy) {
            case OPD -> new Grouping("a.opd_code", "o.name", "join opd o on o.code = g.code");
            case KECAMATAN -> new Grouping("a.kecamatan_code", "c.name", "join kecamatan c on c.code = g.code");
            case KABUPATEN_KOTA -> new Grouping("left(a.kecamatan_code, 5)", "k.name",
                    "join kabupaten_kota k on k.code = g.code");
            case PROGRAMME -> new Grouping("a.programme_code", "p.name", "join programme p on p.code = g.code");
            case ALLOCATION -> throw new IllegalArgumentException("allocations are read one by one, not grouped");
        };
    }

    private record Grouping(String key, String name, String join) {
    }

    record GroupFigures(String code, String name, String place, long allocations, DeviationFigures figures) {
    }
}
