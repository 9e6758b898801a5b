package id.go.jambiprov.dumisake.monev.internal;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.monev.GroupBy;
import id.go.jambiprov.dumisake.monev.domain.DeviationFigures;
import id.go.jambiprov.dumisake.monev.domain.PlanCurve;
import id.go.jambiprov.dumisake.shared.db.RollupLevel;
import id.go.jambiprov.dumisake.shared.db.StreamingJdbc;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Consumer;

import static id.go.jambiprov.dumisake.shared.db.RollupLevel.BY_KABUPATEN_KOTA;
import static id.go.jambiprov.dumisake.shared.db.RollupLevel.BY_KECAMATAN;
import static id.go.jambiprov.dumisake.shared.db.RollupLevel.BY_KECAMATAN_AND_OPD;

/**
 * The sums behind the deviation rows, one statement per request. A group's figures are summed from what is kept of
 * the year's active allocations in {@code allocation_rollup} (V22_32, kept at every write): their number, amount,
 * realised money, planned amount by month, amount × latest physical % and amount without a report by month — per
 * kecamatan, or per kabupaten/kota, OPD and programme: thousands of rows, not every allocation of the year. The
 * per-allocation view reads a page of allocations in index order (kecamatan, id), each with its latest report as
 * the progress capability keeps it ({@code progress_latest}).
 */
@Component
class DeviationReadModel {

    /**
     * What each allocation adds to its row's figures, in rupiah (physical × 100). The physical amount is read back
     * rounded to its exact 6 decimals (rupiah to 2, times a percent to 2, over 100): PostgreSQL's division would give
     * 16 or more, and every percent computed from such a number took the slow path of BigInteger arithmetic (a fifth of
     * a whole kecamatan grouping's time, measured).
     */
    private static final String PLANNED = PlanCurve.plannedAmountSql("a.amount", "a.planned_month", "month");
    private static final String PHYSICAL = "a.amount * coalesce(r.physical_percent, 0)";
    private static final String MISSING = "case when coalesce(r.month, 0) < :month then a.amount else 0 end";

    /**
     * Reads the columns by position, in the order both statements of {@link #sql} select them (code, name, place,
     * allocations, amount, planned_amount, physical_amount, realised, missing_amount): the driver's lookup of a column
     * by its name was about 4 % of the application's time for a whole kecamatan grouping (docs/benchmarks.md).
     */
    private static final RowMapper<GroupFigures> ROW = (rs, n) -> new GroupFigures(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getLong(4), new DeviationFigures(rs.getBigDecimal(5), rs.getBigDecimal(6),
                    rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9)));

    /**
     * A whole grouping is read in batches of this many rows. Read at once, the 7,144 kecamatan of national scale were
     * held by the driver until the last was written; with 8 requests at once that outgrew the young generation, the
     * collector moved it to the old one and collected the whole heap every second (21–23 full collections in 20 s,
     * none with batches; docs/benchmarks.md).
     */
    private static final int STREAM_FETCH_SIZE = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streamingJdbc;

    DeviationReadModel(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        // batches only inside a transaction: DeviationService.forEach is one
        this.streamingJdbc = StreamingJdbc.of(jdbc, STREAM_FETCH_SIZE);
    }

    List<GroupFigures> of(MonevScope scope, GroupBy groupBy) {
        return of(scope, groupBy, Pageable.unpaged());
    }

    /** One page of the groups in their order; the sums are still taken over the whole group. */
    List<GroupFigures> of(MonevScope scope, GroupBy groupBy, Pageable page) {
        MapSqlParameterSource params = scope.params();
        return jdbc.query(sql(scope, groupBy, page, params), params, ROW);
    }

    /** Every group of {@link #of(MonevScope, GroupBy)}, in its order, handed to {@code each} one at a time. */
    void forEach(MonevScope scope, GroupBy groupBy, Consumer<GroupFigures> each) {
        MapSqlParameterSource params = scope.params();
        streamingJdbc.query(sql(scope, groupBy, Pageable.unpaged(), params), params,
                (RowCallbackHandler) rs -> each.accept(ROW.mapRow(rs, rs.getRow())));
    }

    private static String sql(MonevScope scope, GroupBy groupBy, Pageable page, MapSqlParameterSource params) {
        String sql;
        if (groupBy == GroupBy.ALLOCATION) {
            // the page's ids first, from the index alone; then the figures and names of those rows only
            String ids = "select a.id from allocation a where a.fiscal_year = :year and a.status = 'ACTIVE'"
                    + scope.on("a.opd_code", "a.kecamatan_code", params) + " order by a.kecamatan_code, a.id"
                    + (page.isPaged() ? " limit :limit offset :offset" : "");
            sql = "select a.id::text as code, a.title as name, c.name || ', ' || k.name as place, 1 as allocations,"
                    + " a.amount, " + PLANNED + " as planned_amount, round(" + PHYSICAL + " / 100, 6)"
                    + " as physical_amount, a.realised, " + MISSING + " as missing_amount"
                    + " from (" + ids + ") p join allocation a on a.id = p.id"
                    + " left join progress_latest r on r.allocation_id = a.id and r.fiscal_year = :year"
                    + " join kecamatan c on c.code = a.kecamatan_code"
                    + " join kabupaten_kota k on k.code = c.kabupaten_kota_code order by a.kecamatan_code, a.id";
        } else {
            Grouping g = grouping(groupBy);
            // month 0 (a year still to come) has no element: nothing planned, nothing missing
            sql = "select g.code::text as code, " + g.name + " as name, null as place, g.allocations, g.amount,"
                    + " coalesce(g.planned_amount, 0) as planned_amount, round(g.physical / 100, 6) as physical_amount,"
                    + " g.realised, coalesce(g.missing_amount, 0) as missing_amount"
                    + " from (" + g.figures(scope, params) + ") g " + g.join + " order by g.code"
                    + (page.isPaged() ? " limit :limit offset :offset" : "");
        }
        if (page.isPaged()) {
            params.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
        }
        return sql;
    }

    /** How many rows {@link #of} has in this scope, counted from the kept rows. */
    long groups(MonevScope scope, GroupBy groupBy) {
        MapSqlParameterSource params = scope.params();
        String sql;
        if (groupBy == GroupBy.ALLOCATION) {
            sql = "select coalesce(sum(d.allocations), 0) from allocation_rollup d"
                    + " where d.fiscal_year = :year and d.level = " + BY_KABUPATEN_KOTA.number()
                    + scope.on("d.opd_code", "d.region_code", params);
        } else {
            sql = "select count(*) from (" + grouping(groupBy).figures(scope, params) + ") g";
        }
        Long count = jdbc.queryForObject(sql, params, Long.class);
        return count == null ? 0 : count;
    }

    /**
     * Summed per group key first, the names joined to the few groups afterwards. The rows read are
     * {@code allocation_rollup}'s (V22_32) of one level: per kabupaten/kota, OPD and programme for every grouping but
     * the kecamatan's, which reads one row per kecamatan — or, for an operator, its OPD's rows per kecamatan.
     */
    private static Grouping grouping(GroupBy groupBy) {
        return switch (groupBy) {
            case OPD -> new Grouping("d.opd_code", "o.name", "join opd o on o.code = g.code", false);
            case KECAMATAN -> new Grouping("d.region_code", "c.name", "join kecamatan c on c.code = g.code", true);
            case KABUPATEN_KOTA -> new Grouping("d.region_code", "k.name", "join kabupaten_kota k on k.code = g.code",
                    false);
            case PROGRAMME -> new Grouping("d.programme_code", "p.name", "join programme p on p.code = g.code", false);
            case ALLOCATION -> throw new IllegalArgumentException("allocations are read one by one, not grouped");
        };
    }

    private record Grouping(String key, String name, String join, boolean perKecamatan) {

        /**
         * The group's figures with the columns {@code of} reads, a group with active allocations per row. Every
         * kecamatan has one row of {@link RollupLevel#BY_KECAMATAN}: read as it is, without summing a row per group.
         */
        String figures(MonevScope scope, MapSqlParameterSource params) {
            RollupLevel level = level();
            String where = " from allocation_rollup d where d.fiscal_year = :year and d.level = " + level.number()
                    + scope.on("d.opd_code", "d.region_code", params);
            if (level == BY_KECAMATAN) {
                return "select d.region_code as code, d.allocations, d.amount, d.planned_by[:month] as planned_amount,"
                        + " d.physical, d.realised, d.unreported_before[:month] as missing_amount"
                        + where + " and d.allocations > 0";
            }
            return "select " + key + " as code, sum(d.allocations) as allocations, sum(d.amount) as amount,"
                    + " sum(d.planned_by[:month]) as planned_amount, sum(d.physical) as physical,"
                    + " sum(d.realised) as realised, sum(d.unreported_before[:month]) as missing_amount"
                    + where + " group by 1 having sum(d.allocations) > 0";
        }

        /** An operator's kecamatan rows are its OPD's, which the rows of every OPD together cannot tell. */
        private RollupLevel level() {
            if (!perKecamatan) {
                return BY_KABUPATEN_KOTA;
            }
            return CurrentUser.opdScope() != null ? BY_KECAMATAN_AND_OPD : BY_KECAMATAN;
        }
    }

    record GroupFigures(String code, String name, String place, long allocations, DeviationFigures figures) {
    }
}
