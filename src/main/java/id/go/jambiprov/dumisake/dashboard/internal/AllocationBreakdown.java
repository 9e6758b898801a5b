package id.go.jambiprov.dumisake.dashboard.internal;

import id.go.jambiprov.dumisake.dashboard.RegionRow;
import id.go.jambiprov.dumisake.shared.db.RollupLevel;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Active allocations by OPD, by programme and by mechanism, from the totals kept per OPD, programme and mechanism for
 * the province ({@code allocation_rollup} level 0, V22_39) or per kabupaten/kota (level 1, V22_32; the dashboard reads
 * the allocation tables by SQL, as its other read models do): first into the few OPD × programme × mechanism cells,
 * then the three groupings of those cells.
 * A cell whose allocations are all cancelled is left out, as it was when the active allocations were summed. Per OPD
 * the pagu is what the OPD was allocated: its own ceiling.
 */
@Component
class AllocationBreakdown {

    private final NamedParameterJdbcTemplate jdbc;

    AllocationBreakdown(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Breakdown of(DashboardScope scope) {
        List<RegionRow> opd = new ArrayList<>();
        List<RegionRow> programme = new ArrayList<>();
        List<RegionRow> mechanism = new ArrayList<>();
        MapSqlParameterSource params = scope.params();
        jdbc.query("""
                with cell as (select a.opd_code, a.programme_code, a.mechanism, sum(a.amount) as allocated,
                                     sum(a.realised) as realised, sum(a.allocations) as allocations
                              from allocation_rollup a
                              where a.fiscal_year = :year and a.level = """ + level(scope)
                + " and a.allocations > 0" + scope.onRollup(params) + """
                              group by a.opd_code, a.programme_code, a.mechanism),
                g as (select grouping(opd_code, programme_code) as level,
                             coalesce(opd_code, programme_code, mechanism) as code,
                             sum(allocated) as allocated, sum(realised) as realised, sum(allocations) as allocations
                      from cell group by grouping sets ((opd_code), (programme_code), (mechanism)))
                select g.level, g.code, coalesce(o.name, p.name, g.code) as name, p.pillar,
                       g.allocated as pagu, g.allocated, g.realised, g.allocations
                from g
                left join opd o on g.level = 1 and o.code = g.code
                left join programme p on g.level = 2 and p.code = g.code
                order by g.level, p.pillar, g.code""", params, rs -> {
            RegionRow row = new RegionRow(rs.getString("code"), rs.getString("name"), rs.getString("pillar"),
                    rs.getString("pillar"), DashboardScope.figures(rs), rs.getLong("allocations"));
            switch (rs.getInt("level")) {
                case 1 -> opd.add(row);
                case 2 -> programme.add(row);
                default -> mechanism.add(row);
            }
        });
        return new Breakdown(opd, programme, mechanism);
    }

    /**
     * One OPD's row as {@link #of} has it among the OPDs (its cells with active allocations; none when it has none),
     * from that OPD's kept cells only instead of the whole year's (at national scale 4,000 of 80,000).
     */
    Optional<RegionRow> opd(DashboardScope scope, String code) {
        MapSqlParameterSource params = scope.params().addValue("code", code);
        return jdbc.query("""
                select o.code, o.name, sum(a.amount) as pagu, sum(a.amount) as allocated,
                       sum(a.realised) as realised, sum(a.allocations) as allocations
                from allocation_rollup a join opd o on o.code = a.opd_code
                where a.opd_code = :code and a.fiscal_year = :year and a.level = """ + level(scope)
                        + " and a.allocations > 0" + scope.onRollup(params)
                        + " group by o.code, o.name", params,
                (rs, n) -> new RegionRow(rs.getString("code"), rs.getString("name"), null, null,
                        DashboardScope.figures(rs), rs.getLong("allocations"))).stream().findFirst();
    }

    /** The roll-up's rows to read (V22_32, V22_39): the province's, or a kabupaten/kota's. */
    private static int level(DashboardScope scope) {
        return (scope.kabupatenKota() == null ? RollupLevel.PROVINCE : RollupLevel.BY_KABUPATEN_KOTA).number();
    }

    record Breakdown(List<RegionRow> opd, List<RegionRow> programme, List<RegionRow> mechanism) {
    }
}
