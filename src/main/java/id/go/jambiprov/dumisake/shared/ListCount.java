package id.go.jambiprov.dumisake.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many rows a list has, without counting every row on every page: exact up to {@code limit} rows (the
 * count stops there), and beyond that the planner's estimate for the same condition, marked as such, so that
 * the pager says "about". A page of a list of 200,000 rows so costs at most {@code limit} index entries and
 * one EXPLAIN, whatever the table holds.
 */
@Component
public class ListCount {

    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\":\\s*([0-9.e+]+)");

    private final NamedParameterJdbcTemplate jdbc;
    private final int limit;

    public ListCount(NamedParameterJdbcTemplate jdbc, @Value("${dumisake.lists.exact-count-limit:10000}") int limit) {
        this.jdbc = jdbc;
        this.limit = limit;
    }

    /** The same count, exact up to {@code limit} rows at most (a list whose exact number matters less). */
    public ListCount upTo(int limit) {
        return new ListCount(jdbc, Math.min(limit, this.limit));
    }

    /**
     * The rows of {@code select … from … where …} given as its {@code from} part ({@code " from x where …"}),
     * with the named {@code parameters} of that condition.
     */
    public Rows of(String fromWhere, MapSqlParameterSource parameters) {
        return rows(() -> jdbc.queryForObject("select count(*) from (select 1" + fromWhere + limitClause() + ") n",
                        parameters, Long.class),
                () -> jdbc.queryForObject("explain (format json) select 1" + fromWhere, parameters, String.class));
    }

    /** As {@link #of(String, MapSqlParameterSource)}, with the condition's parameters as {@code ?} in order. */
    public Rows of(String fromWhere, List<Object> parameters) {
        return rows(() -> jdbc.getJdbcTemplate().queryForObject("select count(*) from (select 1" + fromWhere
                        + limitClause() + ") n", Long.class, parameters.toArray()),
                () -> jdbc.getJdbcTemplate().queryForObject("explain (format json) select 1" + fromWhere,
                        String.class, parameters.toArray()));
    }

    /**
     * The limit written into the statement, not bound: a bound limit makes PostgreSQL's plan for any limit look as
     * dear as reading a tenth of the table, so it planned the count again on every page (docs/benchmarks.md).
     */
    private String limitClause() {
        return " limit " + (limit + 1);
    }

    /** The exact count when it stays within the limit, else the plan's estimate (never less than was counted). */
    private Rows rows(Supplier<Long> exactUpToLimit, Supplier<String> plan) {
        long exact = exactUpToLimit.get();
        if (exact <= limit) {
            return new Rows(exact, false);
        }
        return new Rows(Math.max(estimate(plan.get()), exact), true);
    }

    private static long estimate(String plan) {
        Matcher rows = PLAN_ROWS.matcher(plan == null ? "" : plan);
        return rows.find() ? (long) Double.parseDouble(rows.group(1)) : 0;
    }

    /** A number of rows, exact or an estimate. */
    public record Rows(long value, boolean estimated) {
    }
}
