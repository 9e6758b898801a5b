package id.go.jambiprov.dumisake.dashboard.internal;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The S-curve: per month the cumulative plan (allocations by planned month), the cumulative realisation
 * (verified disbursements by SP2D date; empty after the current month), last year's, and the physical progress
 * in money: Σ amount × the physical % of each allocation's latest report up to that month (empty after the
 * current month). Each report adds its change against the allocation's previous report, so the running sum of
 * those changes is the weighted physical progress; weighted by amount like the plan, it can be read against it.
 * The realisation per month is read from the days kept (V22_36) province-wide, and summed from the verified
 * disbursements of a filtered view (an index-only scan of V13_1's partial index).
 */
@Component
class RealisationCurve {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    RealisationCurve(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<MonthPoint> of(DashboardScope scope) {
        LocalDate today = LocalDate.now(clock);
        int year = scope.year();
        int lastMonth = year < today.getYear() ? 12 : year == today.getYear() ? today.getMonthValue() : 0;
        MapSqlParameterSource params = scope.params();
        String realised = scope.filtered()
                ? """
                  select extract(month from d.sp2d_date)::int as m, d.fiscal_year as y, sum(d.amount) as v
                  from disbursement d join allocation a on a.id = d.allocation_id
                  where d.fiscal_year in (:year, :year - 1) and d.status = 'VERIFIED'""" + scope.onAllocation(params)
                : """
                  select extract(month from k.day)::int as m, k.fiscal_year as y, sum(k.verified) as v
                  from disbursement_day k where k.fiscal_year in (:year, :year - 1)""";
        return jdbc.query("""
                        with months as (select generate_series(1, 12) as m),
                        plan as (select a.planned_month as m, sum(a.amount) as v from allocation a
                                 where a.fiscal_year = :year and a.status = 'ACTIVE'""" + scope.onAllocation(params) + """
                                 group by 1),
                        realised as (""" + realised + """
                                     group by 1, 2),
                        physical as (select m, sum(change) as v from (
                                         select r.month as m, a.amount * (r.physical_percent - coalesce(lag(r.physical_percent)
                                                    over (partition by r.allocation_id order by r.month), 0)) / 100 as change
                                         from progress_report r join allocation a on a.id = r.allocation_id
                                         where r.fiscal_year = :year and a.status = 'ACTIVE'""" + scope.onAllocation(params) + """
                                     ) c group by m)
                        select months.m,
                               sum(coalesce(plan.v, 0)) over (order by months.m) as planned,
                               sum(coalesce(now.v, 0)) over (order by months.m) as realised,
                               sum(coalesce(prev.v, 0)) over (order by months.m) as previous,
                               count(prev.v) over () as previous_months,
                               sum(coalesce(physical.v, 0)) over (order by months.m) as physical
                        from months
                        left join plan on plan.m = months.m
                        left join realised now on now.m = months.m and now.y = :year
                        left join realised prev on prev.m = months.m and prev.y = :year - 1
                        left join physical on physical.m = months.m
                        order by months.m""", params,
                (rs, n) -> new MonthPoint(rs.getInt("m"), rs.getBigDecimal("planned"),
                        rs.getInt("m") <= lastMonth ? rs.getBigDecimal("realised") : null,
                        // a previous year without any realisation is no comparison: no flat zero line
                        rs.getInt("previous_months") == 0 ? null : rs.getBigDecimal("previous"),
                        rs.getInt("m") <= lastMonth ? rs.getBigDecimal("physical") : null));
    }
}
