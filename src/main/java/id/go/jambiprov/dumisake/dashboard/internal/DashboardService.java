package id.go.jambiprov.dumisake.dashboard.internal;

import id.go.jambiprov.dumisake.dashboard.Figures;
import id.go.jambiprov.dumisake.dashboard.RegionRow;
import id.go.jambiprov.dumisake.dashboard.Summary;
import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every dashboard figure, as SQL aggregates — one place for the queries that the pages, the API and the
 * exports share. Without an OPD scope the kecamatan figures are the envelope totals that the triggers keep
 * (Σ active allocations, Σ verified disbursements, number of active allocations); an OPD operator's figures
 * are always limited to their OPD: pagu stays the kecamatan's, allocated and realised count that OPD's
 * allocations only. The kecamatan, kabupaten/kota and province levels come from one grouped statement,
 * so they reconcile even while money moves.
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {

    private static final int LOWEST = 10;
    private static final int WARNINGS = 20;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final int waitingDays;

    DashboardService(NamedParameterJdbcTemplate jdbc, Clock clock,
                     @Value("${dumisake.dashboard.waiting-days:14}") int waitingDays) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.waitingDays = waitingDays;
    }

    /** Everything the province page shows, in six statements whatever the amount of data. */
    public Overview overview(int year, String kabupatenKotaCode) {
        Scope scope = Scope.of(year, kabupatenKotaCode);
        Rollup rollup = rollup(scope);
        Breakdown breakdown = breakdown(scope);
        Waiting waiting = waiting(scope);
        return new Overview(summary(scope, rollup, waiting),
                scope.kabupatenKota() != null ? rollup.kecamatan() : rollup.kabupatenKota(),
                breakdown.opd(), breakdown.programme(), breakdown.mechanism(),
                laggards(scope, rollup, breakdown, waiting));
    }

    public Summary summary(int year, String kabupatenKotaCode) {
        Scope scope = Scope.of(year, kabupatenKotaCode);
        return summary(scope, rollup(scope), waiting(scope));
    }

    public List<RegionRow> byKabupatenKota(int year) {
        return rollup(Scope.of(year, null)).kabupatenKota();
    }

    public List<RegionRow> byKecamatan(int year, String kabupatenKotaCode) {
        return rollup(Scope.of(year, kabupatenKotaCode)).kecamatan();
    }

    /** One kecamatan's row, as on the kabupaten/kota level above it. */
    public RegionRow kecamatan(int year, String code) {
        Scope scope = Scope.of(year, null);
        MapSqlParameterSource params = scope.params().addValue("code", code);
        return jdbc.query(scope.opd() == null
                ? KECAMATAN_ROWS + " and e.kecamatan_code = :code"
                : OPD_KECAMATAN_ROWS + " and e.kecamatan_code = :code", params, KECAMATAN_ROW)
                .stream().findFirst().orElseThrow(() -> new NotFoundException("envelope.notFound", code, year));
    }

    /** Per OPD the pagu is what the OPD was allocated: its own ceiling. */
    public List<RegionRow> byOpd(int year, String kabupatenKotaCode) {
        return breakdown(Scope.of(year, kabupatenKotaCode)).opd();
    }

    public List<RegionRow> byProgramme(int year, String kabupatenKotaCode) {
        return breakdown(Scope.of(year, kabupatenKotaCode)).programme();
    }

    public List<RegionRow> byMechanism(int year, String kabupatenKotaCode) {
        return breakdown(Scope.of(year, kabupatenKotaCode)).mechanism();
    }

    public Laggards laggards(int year, String kabupatenKotaCode) {
        Scope scope = Scope.of(year, kabupatenKotaCode);
        return laggards(scope, rollup(scope), breakdown(scope), waiting(scope));
    }

    /**
     * The S-curve: per month the cumulative plan (allocations by planned month), the cumulative
     * realisation (verified disbursements by SP2D date; empty after the current month) and last year's.
     */
    public List<MonthPoint> monthly(int year, String kabupatenKotaCode) {
        Scope scope = Scope.of(year, kabupatenKotaCode);
        LocalDate today = LocalDate.now(clock);
        int lastMonth = year < today.getYear() ? 12 : year == today.getYear() ? today.getMonthValue() : 0;
        String realised = scope.filtered()
                ? """
                  select extract(month from d.sp2d_date)::int as m, d.fiscal_year as y, sum(d.amount) as v
                  from disbursement d join allocation a on a.id = d.allocation_id
                  where d.fiscal_year in (:year, :year - 1) and d.status = 'VERIFIED'""" + scope.onAllocation()
                : """
                  select extract(month from d.sp2d_date)::int as m, d.fiscal_year as y, sum(d.amount) as v
                  from disbursement d where d.fiscal_year in (:year, :year - 1) and d.status = 'VERIFIED'""";
        return jdbc.query("""
                        with months as (select generate_series(1, 12) as m),
                        plan as (select a.planned_month as m, sum(a.amount) as v from allocation a
                                 where a.fiscal_year = :year and a.status = 'ACTIVE'""" + scope.onAllocation() + """
                                 group by 1),
                        realised as (""" + realised + """
                                     group by 1, 2)
                        select months.m,
                               sum(coalesce(plan.v, 0)) over (order by months.m) as planned,
                               sum(coalesce(now.v, 0)) over (order by months.m) as realised,
                               sum(coalesce(prev.v, 0)) over (order by months.m) as previous
                        from months
                        left join plan on plan.m = months.m
                        left join realised now on now.m = months.m and now.y = :year
                        left join realised prev on prev.m = months.m and prev.y = :year - 1
                        order by months.m""", scope.params(),
                (rs, n) -> new MonthPoint(rs.getInt("m"), rs.getBigDecimal("planned"),
                        rs.getInt("m") <= lastMonth ? rs.getBigDecimal("realised") : null,
                        rs.getBigDecimal("previous")));
    }

    private Summary summary(Scope scope, Rollup rollup, Waiting waiting) {
        LocalDate today = LocalDate.now(clock);
        LocalDate reference = today.getYear() > scope.year() ? LocalDate.of(scope.year(), 12, 31) : today;
        Figures previous = jdbc.queryForObject(previousYearSql(scope),
                scope.params().addValue("sameDate", reference.minusYears(1)), (rs, n) -> figures(rs));
        return new Summary(scope.year(), scope.opd(), rollup.total(), rollup.kecamatan().size(),
                rollup.withoutRealisation(), waiting.count(), waiting.amount(), previous);
    }

    /** What waits for verification, and how much of it longer than the configured days. */
    private Waiting waiting(Scope scope) {
        String from = scope.filtered()
                ? " from disbursement d join allocation a on a.id = d.allocation_id and a.fiscal_year = :year"
                : " from disbursement d";
        return jdbc.queryForObject("select count(*) as waiting, coalesce(sum(d.amount), 0) as amount,"
                        + " count(*) filter (where d.submitted_at < :waitingSince) as waiting_long" + from
                        + " where d.fiscal_year = :year and d.status = 'SUBMITTED'" + scope.onAllocation(),
                scope.params().addValue("waitingSince", waitingSince()),
                (rs, n) -> new Waiting(rs.getLong("waiting"), rs.getBigDecimal("amount"), rs.getLong("waiting_long")));
    }

    private OffsetDateTime waitingSince() {
        return OffsetDateTime.now(clock).minusDays(waitingDays);
    }

    private static String previousYearSql(Scope scope) {
        String kabupatenKota = scope.kabupatenKota() == null ? "" : " and left(e.kecamatan_code, 5) = :kabupatenKota";
        if (!scope.filtered()) {
            return """
                    select coalesce(sum(e.pagu), 0) as pagu, coalesce(sum(e.allocated), 0) as allocated,
                           (select coalesce(sum(d.amount), 0) from disbursement d where d.fiscal_year = :year - 1
                              and d.status = 'VERIFIED' and d.sp2d_date <= :sameDate) as realised
                    from envelope e where e.fiscal_year = :year - 1""";
        }
        return """
                select coalesce((select sum(e.pagu) from envelope e where e.fiscal_year = :year - 1""" + kabupatenKota + """
                                ), 0) as pagu,
                       coalesce((select sum(a.amount) from allocation a
                                 where a.fiscal_year = :year - 1 and a.status = 'ACTIVE'""" + scope.onAllocation() + """
                                ), 0) as allocated,
                       coalesce((select sum(d.amount) from disbursement d join allocation a on a.id = d.allocation_id
                                 where d.fiscal_year = :year - 1 and d.status = 'VERIFIED' and d.sp2d_date <= :sameDate
                                 """ + scope.onAllocation() + "), 0) as realised";
    }

    /** The kecamatan rows, their kabupaten/kota subtotals and the total, from one grouped statement. */
    private Rollup rollup(Scope scope) {
        String source = scope.opd() == null ? KECAMATAN_ROWS : OPD_KECAMATAN_ROWS;
        String sql = "select kabupaten_kota_code, kabupaten_kota_name, code, name,"
                + " sum(pagu) as pagu, sum(allocated) as allocated, sum(realised) as realised,"
                + " sum(allocations) as allocations, count(*) filter (where realised = 0) as without_realisation,"
                + " grouping(kabupaten_kota_code, code) as level from ("
                + source + (scope.kabupatenKota() == null ? "" : " and c.kabupaten_kota_code = :kabupatenKota")
                + ") k group by rollup ((kabupaten_kota_code, kabupaten_kota_name), (code, name))"
                + " order by kabupaten_kota_code nulls first, code nulls first";
        List<RegionRow> kabupatenKota = new ArrayList<>();
        List<RegionRow> kecamatan = new ArrayList<>();
        Figures[] total = {Figures.ZERO};
        int[] withoutRealisation = {0};
        jdbc.query(sql, scope.params(), rs -> {
            int level = rs.getInt("level");
            if (level == 0) {
                kecamatan.add(new RegionRow(rs.getString("code"), rs.getString("name"),
                        rs.getString("kabupaten_kota_code"), rs.getString("kabupaten_kota_name"), figures(rs),
                        rs.getLong("allocations")));
            } else if (level == 1) {
                kabupatenKota.add(new RegionRow(rs.getString("kabupaten_kota_code"),
                        rs.getString("kabupaten_kota_name"), null, null, figures(rs), rs.getLong("allocations")));
            } else {
                total[0] = figures(rs);
                withoutRealisation[0] = rs.getInt("without_realisation");
            }
        });
        return new Rollup(total[0], withoutRealisation[0], kabupatenKota, kecamatan);
    }

    /**
     * Active allocations by OPD, by programme and by mechanism, in one pass over the year's allocations:
     * first into the few OPD × programme × mechanism cells, then the three groupings of those cells.
     */
    private Breakdown breakdown(Scope scope) {
        List<RegionRow> opd = new ArrayList<>();
        List<RegionRow> programme = new ArrayList<>();
        List<RegionRow> mechanism = new ArrayList<>();
        jdbc.query("""
                with cell as (select a.opd_code, a.programme_code, a.mechanism, sum(a.amount) as allocated,
                                     sum(a.realised) as realised, count(*) as allocations
                              from allocation a
                              where a.fiscal_year = :year and a.status = 'ACTIVE'""" + scope.onAllocation() + """
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
                order by g.level, p.pillar, g.code""", scope.params(), rs -> {
            RegionRow row = new RegionRow(rs.getString("code"), rs.getString("name"), rs.getString("pillar"),
                    rs.getString("pillar"), figures(rs), rs.getLong("allocations"));
            switch (rs.getInt("level")) {
                case 1 -> opd.add(row);
                case 2 -> programme.add(row);
                default -> mechanism.add(row);
            }
        });
        return new Breakdown(opd, programme, mechanism);
    }

    private Laggards laggards(Scope scope, Rollup rollup, Breakdown breakdown, Waiting waiting) {
        LocalDate today = LocalDate.now(clock);
        int year = scope.year();
        int overdueBefore = year < today.getYear() ? 13 : year == today.getYear() ? today.getMonthValue() : 1;
        MapSqlParameterSource params = scope.params().addValue("overdueBefore", overdueBefore)
                .addValue("waitingSince", waitingSince());
        List<RegionRow> kecamatan = rollup.kecamatan().stream()
                .sorted(Comparator.comparing((RegionRow r) -> r.figures().realisedPercent())
                        .thenComparing(r -> r.figures().allocated(), Comparator.reverseOrder())
                        .thenComparing(RegionRow::code))
                .limit(LOWEST).toList();
        List<RegionRow> opd = breakdown.opd().stream()
                .sorted(Comparator.comparing((RegionRow r) -> r.figures().realisedPercent()).thenComparing(RegionRow::code))
                .limit(LOWEST).toList();
        long[] overdueCount = {0};
        // realised = 0 first: an allocation with a verified tranche is not overdue, so only the few
        // without one are looked up for a submitted tranche
        List<Laggards.OverdueAllocation> overdue = jdbc.query("""
                        select a.id, a.title, a.opd_code, c.name, a.planned_month, a.amount, count(*) over () as total
                        from allocation a join kecamatan c on c.code = a.kecamatan_code
                        where a.fiscal_year = :year and a.status = 'ACTIVE' and a.planned_month < :overdueBefore
                          and a.realised = 0""" + scope.onAllocation() + """
                          and not exists (select 1 from disbursement d where d.allocation_id = a.id
                                          and d.status = 'SUBMITTED')
                        order by a.planned_month, a.amount desc, a.id limit""" + " " + WARNINGS, params,
                (rs, n) -> {
                    overdueCount[0] = rs.getLong("total");
                    return new Laggards.OverdueAllocation(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getInt(5), rs.getBigDecimal(6));
                });
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Laggards.WaitingDisbursement> waitingLong = jdbc.query("""
                        select d.id, d.allocation_id, a.opd_code, c.name, d.amount, d.submitted_at
                        from disbursement d join allocation a on a.id = d.allocation_id
                        join kecamatan c on c.code = a.kecamatan_code
                        where d.fiscal_year = :year and d.status = 'SUBMITTED' and d.submitted_at < :waitingSince"""
                        + scope.onAllocation() + " order by d.submitted_at, d.id limit " + WARNINGS, params,
                (rs, n) -> {
                    OffsetDateTime submittedAt = rs.getObject(6, OffsetDateTime.class);
                    return new Laggards.WaitingDisbursement(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            rs.getString(4), rs.getBigDecimal(5), submittedAt,
                            Duration.between(submittedAt, now).toDays());
                });
        return new Laggards(kecamatan, opd, overdue, overdueCount[0], waitingLong, waiting.longCount(), waitingDays);
    }

    private static Figures figures(ResultSet rs) throws SQLException {
        return new Figures(rs.getBigDecimal("pagu"), rs.getBigDecimal("allocated"), rs.getBigDecimal("realised"));
    }

    /** The figures behind the province page. */
    public record Overview(Summary summary, List<RegionRow> rows, List<RegionRow> byOpd, List<RegionRow> byProgramme,
                           List<RegionRow> byMechanism, Laggards laggards) {
    }

    private record Rollup(Figures total, int withoutRealisation, List<RegionRow> kabupatenKota,
                          List<RegionRow> kecamatan) {
    }

    private record Waiting(long count, BigDecimal amount, long longCount) {
    }

    private record Breakdown(List<RegionRow> opd, List<RegionRow> programme, List<RegionRow> mechanism) {
    }

    /**
     * The year and the optional filters of a dashboard query. A filter is written into the SQL only when
     * it is set, so that every combination has its own prepared statement and a plan that fits it (an
     * {@code :x is null or …} condition makes PostgreSQL keep generic plans that read every row).
     */
    private record Scope(int year, String kabupatenKota, String opd) {

        static Scope of(int year, String kabupatenKotaCode) {
            return new Scope(year, kabupatenKotaCode == null || kabupatenKotaCode.isBlank() ? null : kabupatenKotaCode,
                    CurrentUser.opdScope());
        }

        boolean filtered() {
            return kabupatenKota != null || opd != null;
        }

        /** Limits an allocation {@code a} to the caller's OPD and the chosen kabupaten/kota. */
        String onAllocation() {
            return (opd == null ? "" : " and a.opd_code = :opd")
                    + (kabupatenKota == null ? "" : " and left(a.kecamatan_code, 5) = :kabupatenKota");
        }

        MapSqlParameterSource params() {
            return new MapSqlParameterSource("year", year).addValue("kabupatenKota", kabupatenKota)
                    .addValue("opd", opd);
        }
    }

    /** One row per kecamatan envelope of :year, from the totals the triggers keep on the envelope. */
    private static final String KECAMATAN_ROWS = """
            select c.code, c.name, c.kabupaten_kota_code, k.name as kabupaten_kota_name,
                   e.pagu, e.allocated, e.realised, e.allocations
            from envelope e
            join kecamatan c on c.code = e.kecamatan_code
            join kabupaten_kota k on k.code = c.kabupaten_kota_code
            where e.fiscal_year = :year""";

    /** One row per kecamatan envelope of :year with only :opd's active allocations. */
    private static final String OPD_KECAMATAN_ROWS = """
            select c.code, c.name, c.kabupaten_kota_code, k.name as kabupaten_kota_name, e.pagu,
                   coalesce(a.allocated, 0) as allocated, coalesce(a.realised, 0) as realised,
                   coalesce(a.allocations, 0) as allocations
            from envelope e
            join kecamatan c on c.code = e.kecamatan_code
            join kabupaten_kota k on k.code = c.kabupaten_kota_code
            left join (select kecamatan_code, sum(amount) as allocated, sum(realised) as realised,
                              count(*) as allocations
                       from allocation
                       where fiscal_year = :year and opd_code = :opd and status = 'ACTIVE'
                       group by kecamatan_code) a on a.kecamatan_code = e.kecamatan_code
            where e.fiscal_year = :year""";

    private static final RowMapper<RegionRow> KECAMATAN_ROW = (rs, n) -> new RegionRow(rs.getString("code"),
            rs.getString("name"), rs.getString("kabupaten_kota_code"), rs.getString("kabupaten_kota_name"),
            figures(rs), rs.getLong("allocations"));
}
