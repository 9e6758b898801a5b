package id.go.jambiprov.dumisake.targeting.internal;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.account.OpdScope;
import id.go.jambiprov.dumisake.beneficiary.Beneficiaries;
import id.go.jambiprov.dumisake.targeting.DecileBreakdown;
import id.go.jambiprov.dumisake.targeting.FollowUpPerson;
import id.go.jambiprov.dumisake.targeting.RegionTargeting;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import static id.go.jambiprov.dumisake.shared.db.RollupLevel.BY_KABUPATEN_KOTA;
import static id.go.jambiprov.dumisake.shared.db.RollupLevel.KABUPATEN_KOTA_TOTAL;

/**
 * The SQL read model of the targeting page, one statement per question whatever the amount of data. The BPS
 * figures are the chosen ones of March ({@code poverty_figure}); Dumisake's allocated and realised money (of the
 * ACTIVE allocations, all or an operator's OPD's) from the allocation roll-up kept per kabupaten/kota; people
 * and rupiah of direct aid count ACTIVE (not cancelled) aid of the year, by where the person lives, as the database
 * keeps them with every aid write ({@code aid_reach}, V22_1: the cells of one year are a few hundred rows).
 */
@Component
class TargetingQueries {

    private final NamedParameterJdbcTemplate jdbc;

    TargetingQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Fiscal years and years with a March figure, latest first; {@code open} marks the open fiscal year. */
    List<YearChoice> years() {
        return jdbc.query("""
                        select year, bool_or(open) as open from (
                            select year, status = 'OPEN' as open from fiscal_year
                            union all
                            select distinct year, false from poverty_figure where chosen and period = 'MARET') y
                        group by year order by year desc""",
                (rs, n) -> new YearChoice(rs.getInt("year"), rs.getBoolean("open")));
    }

    /** Every kabupaten/kota and then the province ({@code 15}, its money left at zero for the caller to sum). */
    List<RegionTargeting> regions(int year) {
        MapSqlParameterSource params = new MapSqlParameterSource("year", year);
        // the active allocations' money per kabupaten/kota, kept in the roll-up: all of it, or the OPD's
        String money = !reachScope(params)
                ? "select a.region_code as kabupaten_kota_code, a.amount as allocated, a.realised"
                  + " from allocation_rollup a where a.fiscal_year = :year"
                  + " and a.level = " + KABUPATEN_KOTA_TOTAL.number()
                : "select a.region_code as kabupaten_kota_code, sum(a.amount) as allocated, sum(a.realised) as realised"
                  + " from allocation_rollup a where a.fiscal_year = :year and a.level = " + BY_KABUPATEN_KOTA.number()
                  + " and a.opd_code = :reachOpd group by 1";
        return jdbc.query("with figure as (" + FIGURES + "), money as (" + money + """
                        ), reached as (
                            select r.kabupaten_kota_code, sum(r.people)::bigint as people
                            from aid_reach r
                            where r.fiscal_year = :year and r.opd_code = :reachOpd and r.programme_code = '*'
                            group by 1)
                        select r.code, r.name, cur.rate, prev.rate as previous_rate, cur.poor,
                               coalesce(m.allocated, 0) as allocated, coalesce(m.realised, 0) as realised,
                               coalesce(p.people, 0) as people
                        from (select code, name from kabupaten_kota union all select '15', 'Provinsi Jambi') r
                        left join figure cur on cur.region_code = r.code and cur.year = :year
                        left join figure prev on prev.region_code = r.code and prev.year = :year - 1
                        left join money m on m.kabupaten_kota_code = r.code
                        left join reached p on p.kabupaten_kota_code = r.code
                        order by r.code = '15', r.code""", params,
                (rs, n) -> new RegionTargeting(rs.getString("code"), rs.getString("name"), rs.getBigDecimal("rate"),
                        rs.getBigDecimal("previous_rate"), count(rs.getBigDecimal("poor")),
                        rs.getBigDecimal("allocated"), rs.getBigDecimal("realised"), rs.getLong("people")));
    }

    /** The chosen P0 and poor people of March of :year and the year before, per region. */
    private static final String FIGURES = """
            select region_code, year, max(value) filter (where indicator = 'POVERTY_RATE') as rate,
                   max(value) filter (where indicator = 'POOR_PEOPLE') as poor
            from poverty_figure
            where chosen and period = 'MARET' and year in (:year, :year - 1)
              and indicator in ('POVERTY_RATE', 'POOR_PEOPLE')
            group by region_code, year""";

    /**
     * People and rupiah of the year's active aid per group and welfare decile, and the same per decile over
     * all groups (the rows with {@code total} set), from one grouped statement.
     */
    List<DecileRow> deciles(int year, String kabupatenKota, DecileBreakdown by) {
        MapSqlParameterSource params = new MapSqlParameterSource("year", year).addValue("kabupatenKota", kabupatenKota);
        boolean scoped = reachScope(params);
        String region = kabupatenKota == null ? "" : " and r.kabupaten_kota_code = :kabupatenKota";
        // the kept cells of the caller's group level (V22_1): a person lives in one kabupaten/kota and has one decile,
        // so the people of the cells add up; the groups' names are joined to the few grouped rows
        String sql = switch (by) {
            case KABUPATEN_KOTA -> """
                    select g.code, g.name, r.decile, r.people, r.amount, r.total from (
                        select r.kabupaten_kota_code as code, nullif(r.decile, 0) as decile,
                               sum(r.people)::bigint as people, sum(r.amount) as amount,
                               grouping(r.kabupaten_kota_code) = 1 as total
                        from aid_reach r
                        where r.fiscal_year = :year and r.opd_code = :reachOpd and r.programme_code = '*'
                          and r.people > 0""" + region + """
                        group by grouping sets ((r.decile, r.kabupaten_kota_code), (r.decile))) r
                    left join kabupaten_kota g on g.code = r.code
                    order by 1 nulls first, 3 nulls last""";
            case PROGRAMME -> grouped("programme", "r.opd_code = :reachOpd and r.programme_code <> '*'", region);
            // an operator's one OPD is both the group and the total
            case OPD -> grouped("opd", "r.programme_code = '*' and r.opd_code " + (scoped ? "= :reachOpd" : "<> '*'"),
                    region);
        };
        return jdbc.query(sql, params, (rs, n) -> new DecileRow(rs.getBoolean("total"), rs.getString("code"),
                rs.getString("name"), (Integer) rs.getObject("decile", Integer.class), rs.getLong("people"),
                rs.getBigDecimal("amount")));
    }

    /**
     * People and rupiah per programme or OPD and decile, and per decile: the people of a group are kept per group (a
     * person with aid of two groups counts in each), those of the total over every group (and there once).
     */
    private static String grouped(String group, String groups, String region) {
        return "select g.code, g.name, r.decile, r.people, r.amount, r.total from ("
                + "select r." + group + "_code as code, nullif(r.decile, 0) as decile, sum(r.people)::bigint as people,"
                + " sum(r.amount) as amount, false as total"
                + " from aid_reach r where r.fiscal_year = :year and " + groups + " and r.people > 0" + region
                + " group by 1, 2"
                + " union all"
                + " select null, nullif(r.decile, 0), sum(r.people)::bigint, sum(r.amount), true"
                + " from aid_reach r where r.fiscal_year = :year and r.opd_code = :reachOpd and r.programme_code = '*'"
                + " and r.people > 0" + region
                + " group by 2) r"
                + " left join " + group + " g on g.code = r.code"
                + " order by 1 nulls first, 3 nulls last";
    }

    /**
     * The group level of the kept reach the caller sees, as {@code :reachOpd}: an operator's OPD, or every OPD
     * ({@code *}) for callers who see them all. True for an operator.
     */
    private static boolean reachScope(MapSqlParameterSource params) {
        String opd = CurrentUser.opdScope();
        params.addValue("reachOpd", opd == null ? "*" : opd);
        return opd != null;
    }

    /**
     * People of deciles 1–2 without active aid in the year who live in a desa where others received aid in
     * it; an operator's list holds the people their OPD registered. At most {@code limit} rows after the first
     * {@code offset}.
     */
    List<FollowUpPerson> followUp(int year, String kabupatenKota, int offset, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("year", year).addValue("kabupatenKota", kabupatenKota);
        // desa by desa in the list's order, each desa's candidates by decile and name, until the page is full: the
        // whole list is read only when it is short. Only the kabupaten/kota where anyone received aid in the year (the
        // reach kept per kabupaten/kota, V22_1) can have such a desa: the others' desa are not looked at (at national
        // scale 70,000 desa of other provinces, 27 of 32 ms). The people served in a desa are counted once per desa
        // looked at, before its candidates (none served: none left out). The limit and offset, numbers of the code,
        // are written into the statement: as parameters PostgreSQL planned it anew on every request (1.1 ms)
        String upTo = String.valueOf(offset + limit);
        return jdbc.query("""
                        select p.id, p.nik, p.name, p.welfare_decile, r.desa_name, r.kecamatan_name,
                               r.kabupaten_kota_name, s.people
                        from (select d.code as desa_code, d.name as desa_name, c.name as kecamatan_name,
                                     k.code as kabupaten_kota_code, k.name as kabupaten_kota_name
                              from desa d join kecamatan c on c.code = d.kecamatan_code
                              join kabupaten_kota k on k.code = c.kabupaten_kota_code
                              where k.code in (select r.kabupaten_kota_code from aid_reach r
                                               where r.fiscal_year = :year and r.opd_code = '*'
                                                 and r.programme_code = '*' and r.people > 0)"""
                        + (kabupatenKota == null ? "" : " and c.kabupaten_kota_code = :kabupatenKota") + """
                              order by k.code, c.name, d.name) r
                        cross join lateral (
                            select count(distinct x.beneficiary_id) as people from aid x
                            where x.fiscal_year = :year and x.status <> 'CANCELLED'
                              and x.person_desa_code = r.desa_code) s
                        cross join lateral (
                            select b.id, b.nik, b.name, b.welfare_decile from beneficiary b
                            where b.desa_code = r.desa_code and b.welfare_decile <= 2 and s.people > 0"""
                        + OpdScope.sql("b.registered_opd", params) + """
                              and not exists (select 1 from aid x where x.beneficiary_id = b.id
                                                                    and x.fiscal_year = :year
                                                                    and x.status <> 'CANCELLED')
                            order by b.welfare_decile, b.name, b.id limit\s""" + upTo + """
                        ) p
                        order by r.kabupaten_kota_code, r.kecamatan_name, r.desa_name, p.welfare_decile, p.name, p.id
                        limit\s""" + limit + " offset " + offset, params,
                (rs, n) -> new FollowUpPerson(rs.getLong("id"), Beneficiaries.maskedNik(rs.getString("nik")),
                        rs.getString("name"), rs.getInt("welfare_decile"), rs.getString("desa_name"),
                        rs.getString("kecamatan_name"), rs.getString("kabupaten_kota_name"), rs.getLong("people")));
    }

    /**
     * For the trend: the regions' names, every chosen March P0, the fiscal years and, when {@code withRealised},
     * Dumisake's realised money per kabupaten/kota and fiscal year (the caller's scope), from one statement.
     */
    List<TrendRow> trend(boolean withRealised) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String realised = "";
        if (withRealised) {
            String scope = OpdScope.sql("a.opd_code", params);
            realised = scope.isEmpty() ? """
                    union all
                    select 'REALISED', a.region_code, a.fiscal_year, a.realised, null
                    from allocation_rollup a where a.level = """ + KABUPATEN_KOTA_TOTAL.number() : """
                    union all
                    select 'REALISED', a.region_code, a.fiscal_year, sum(a.realised), null
                    from allocation_rollup a where a.level = """ + BY_KABUPATEN_KOTA.number() + scope + " group by 2, 3";
        }
        return jdbc.query("""
                        select 'REGION' as kind, code, null::integer as year, null::numeric as value, name
                        from kabupaten_kota
                        union all
                        select 'P0', region_code, year, value, null from poverty_figure
                        where chosen and period = 'MARET' and indicator = 'POVERTY_RATE'
                        union all
                        select 'YEAR', null, year, null, null from fiscal_year
                        """ + realised, params,
                (rs, n) -> new TrendRow(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3, Integer.class),
                        rs.getBigDecimal(4), rs.getString(5)));
    }

    private static Long count(BigDecimal value) {
        return value == null ? null : value.setScale(0, RoundingMode.HALF_UP).longValue();
    }

    record YearChoice(int year, boolean open) {
    }

    /** {@code total}: the row counts every group of the breakdown. {@code decile} null: "tanpa desil". */
    record DecileRow(boolean total, String code, String name, Integer decile, long people, BigDecimal amount) {
    }

    /** {@code kind}: REGION (code, name), P0 (code, year, value), YEAR (year), REALISED (code, year, value). */
    record TrendRow(String kind, String code, Integer year, BigDecimal value, String name) {
    }
}
