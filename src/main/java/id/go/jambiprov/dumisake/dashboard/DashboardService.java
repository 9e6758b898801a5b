package id.go.jambiprov.dumisake.dashboard;

import id.go.jambiprov.dumisake.account.CurrentUser;
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
import java.util.List;

/**
 * Every dashboard figure, as SQL aggregates over the envelopes, allocations and disbursements — one
 * statement per table or chart, and one place for the queries that the pages, the API and the exports
 * share. An OPD operator's figures are always limited to their OPD: pagu stays the kecamatan's, allocated
 * and realised count that OPD's allocations only.
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final int waitingDays;

    DashboardService(NamedParameterJdbcTemplate jdbc, Clock clock,
                     @Value("${dumisake.dashboard.waiting-days:14}") int waitingDays) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.waitingDays = waitingDays;
    }

    public Summary summary(int year, String kabupatenKotaCode) {
        MapSqlParameterSource params = params(year, kabupatenKotaCode);
        Summary summary = jdbc.queryForObject("""
                        select coalesce(sum(pagu), 0) as pagu, coalesce(sum(allocated), 0) as allocated,
                               coalesce(sum(realised), 0) as realised, count(*) as kecamatan,
                               count(*) filter (where realised = 0) as without_realisation
                        from (""" + KECAMATAN + ") k",
                params, (rs, n) -> new Summary(year, CurrentUser.opdScope(), figures(rs), rs.getInt("kecamatan"),
                        rs.getInt("without_realisation"), 0, BigDecimal.ZERO, Figures.ZERO));
        var waiting = jdbc.queryForMap("""
                select count(*) as waiting, coalesce(sum(d.amount), 0) as amount
                from disbursement d join allocation a on a.id = d.allocation_id
                where d.fiscal_year = :year and d.status = 'SUBMITTED'
                  """ + SCOPE_OF_A, params);
        LocalDate today = LocalDate.now(clock);
        LocalDate reference = today.getYear() > year ? LocalDate.of(year, 12, 31) : today;
        Figures previous = jdbc.queryForObject("""
                        select coalesce((select sum(e.pagu) from envelope e where e.fiscal_year = :year - 1
                                         and (cast(:kabupatenKota as varchar) is null or left(e.kecamatan_code, 5) = :kabupatenKota)), 0) as pagu,
                               coalesce((select sum(a.amount) from allocation a
                                         where a.fiscal_year = :year - 1 and a.status = 'ACTIVE'
                                           """ + SCOPE_OF_A + """
                                           ), 0) as allocated,
                               coalesce((select sum(d.amount) from disbursement d join allocation a on a.id = d.allocation_id
                                         where d.fiscal_year = :year - 1 and d.status = 'VERIFIED'
                                           and d.sp2d_date <= :sameDate
                                           """ + SCOPE_OF_A + """
                                           ), 0) as realised""",
                params.addValue("sameDate", reference.minusYears(1)),
                (rs, n) -> figures(rs));
        return new Summary(year, summary.opdScope(), summary.figures(), summary.kecamatan(),
                summary.kecamatanWithoutRealisation(), ((Number) waiting.get("waiting")).longValue(),
                (BigDecimal) waiting.get("amount"), previous);
    }

    public List<RegionRow> byKabupatenKota(int year) {
        return jdbc.query("""
                select parent_code as code, parent_name as name, null as parent_code, null as parent_name,
                       sum(pagu) as pagu, sum(allocated) as allocated, sum(realised) as realised,
                       sum(allocations) as allocations
                from (""" + KECAMATAN + """
                ) k group by parent_code, parent_name order by parent_code""", params(year, null), ROW);
    }

    public List<RegionRow> byKecamatan(int year, String kabupatenKotaCode) {
        return jdbc.query("select * from (" + KECAMATAN + ") k order by code", params(year, kabupatenKotaCode), ROW);
    }

    /** Per OPD the pagu is what the OPD was allocated: its own ceiling. */
    public List<RegionRow> byOpd(int year, String kabupatenKotaCode) {
        return jdbc.query("""
                select o.code, o.name, null as parent_code, null as parent_name,
                       sum(a.amount) as pagu, sum(a.amount) as allocated, sum(a.realised) as realised,
                       count(*) as allocations
                from allocation a join opd o on o.code = a.opd_code
                where a.fiscal_year = :year and a.status = 'ACTIVE'
                  """ + SCOPE_OF_A + """
                group by o.code, o.name order by o.code""", params(year, kabupatenKotaCode), ROW);
    }

    public List<RegionRow> byProgramme(int year, String kabupatenKotaCode) {
        return jdbc.query("""
                select p.code, p.name, p.pillar as parent_code, p.pillar as parent_name,
                       sum(a.amount) as pagu, sum(a.amount) as allocated, sum(a.realised) as realised,
                       count(*) as allocations
                from allocation a join programme p on p.code = a.programme_code
                where a.fiscal_year = :year and a.status = 'ACTIVE'
                  """ + SCOPE_OF_A + """
                group by p.code, p.name, p.pillar order by p.pillar, p.code""", params(year, kabupatenKotaCode), ROW);
    }

    public List<RegionRow> byMechanism(int year, String kabupatenKotaCode) {
        return jdbc.query("""
                select a.mechanism as code, a.mechanism as name, null as parent_code, null as parent_name,
                       sum(a.amount) as pagu, sum(a.amount) as allocated, sum(a.realised) as realised,
                       count(*) as allocations
                from allocation a
                where a.fiscal_year = :year and a.status = 'ACTIVE'
                  """ + SCOPE_OF_A + """
                group by a.mechanism order by a.mechanism""", params(year, kabupatenKotaCode), ROW);
    }

    /**
     * The S-curve: per month the cumulative plan (allocations by planned month), the cumulative
     * realisation (verified disbursements by SP2D date; empty after the current month) and last year's.
     */
    public List<MonthPoint> monthly(int year, String kabupatenKotaCode) {
        LocalDate today = LocalDate.now(clock);
        int lastMonth = year < today.getYear() ? 12 : year == today.getYear() ? today.getMonthValue() : 0;
        return jdbc.query("""
                        with months as (select generate_series(1, 12) as m),
                        plan as (select a.planned_month as m, sum(a.amount) as v from allocation a
                                 where a.fiscal_year = :year and a.status = 'ACTIVE'
                                   """ + SCOPE_OF_A + """
                                   group by 1),
                        realised as (select extract(month from d.sp2d_date)::int as m, d.fiscal_year as y, sum(d.amount) as v
                                     from disbursement d join allocation a on a.id = d.allocation_id
                                     where d.fiscal_year in (:year, :year - 1) and d.status = 'VERIFIED'
                                       """ + SCOPE_OF_A + """
                                       group by 1, 2)
                        select months.m,
                               sum(coalesce(plan.v, 0)) over (order by months.m) as planned,
                               sum(coalesce(now.v, 0)) over (order by months.m) as realised,
                               sum(coalesce(prev.v, 0)) over (order by months.m) as previous
                        from months
                        left join plan on plan.m = months.m
                        left join realised now on now.m = months.m and now.y = :year
                        left join realised prev on prev.m = months.m and prev.y = :year - 1
                        order by months.m""", params(year, kabupatenKotaCode),
                (rs, n) -> new MonthPoint(rs.getInt("m"), rs.getBigDecimal("planned"),
                        rs.getInt("m") <= lastMonth ? rs.getBigDecimal("realised") : null,
                        rs.getBigDecimal("previous")));
    }

    public Laggards laggards(int year, String kabupatenKotaCode) {
        MapSqlParameterSource params = params(year, kabupatenKotaCode);
        LocalDate today = LocalDate.now(clock);
        int overdueBefore = year < today.getYear() ? 13 : year == today.getYear() ? today.getMonthValue() : 1;
        params.addValue("overdueBefore", overdueBefore)
                .addValue("waitingSince", OffsetDateTime.now(clock).minusDays(waitingDays));
        List<RegionRow> kecamatan = jdbc.query("select * from (" + KECAMATAN + """
                ) k order by realised / pagu, allocated desc, code limit 10""", params, ROW);
        List<RegionRow> opd = byOpd(year, kabupatenKotaCode).stream()
                .sorted((x, y) -> x.figures().realisedPercent().compareTo(y.figures().realisedPercent()))
                .limit(10).toList();
        String overdueWhere = """
                 from allocation a join kecamatan c on c.code = a.kecamatan_code
                 where a.fiscal_year = :year and a.status = 'ACTIVE' and a.planned_month < :overdueBefore
                   """ + SCOPE_OF_A + """
                   and not exists (select 1 from disbursement d where d.allocation_id = a.id
                                   and d.status in ('SUBMITTED', 'VERIFIED'))""";
        List<Laggards.OverdueAllocation> overdue = jdbc.query("""
                        select a.id, a.title, a.opd_code, c.name, a.planned_month, a.amount""" + " " + overdueWhere
                        + " order by a.planned_month, a.amount desc limit 20", params,
                (rs, n) -> new Laggards.OverdueAllocation(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getBigDecimal(6)));
        long overdueCount = jdbc.queryForObject("select count(*) " + overdueWhere, params, Long.class);
        String waitingWhere = """
                 from disbursement d join allocation a on a.id = d.allocation_id
                 join kecamatan c on c.code = a.kecamatan_code
                 where d.fiscal_year = :year and d.status = 'SUBMITTED' and d.submitted_at < :waitingSince
                   """ + SCOPE_OF_A;
        List<Laggards.WaitingDisbursement> waiting = jdbc.query("""
                        select d.id, d.allocation_id, a.opd_code, c.name, d.amount, d.submitted_at""" + " " + waitingWhere
                        + " order by d.submitted_at limit 20", params,
                (rs, n) -> {
                    OffsetDateTime submittedAt = rs.getObject(6, OffsetDateTime.class);
                    return new Laggards.WaitingDisbursement(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            rs.getString(4), rs.getBigDecimal(5), submittedAt,
                            Duration.between(submittedAt, OffsetDateTime.now(clock)).toDays());
                });
        long waitingCount = jdbc.queryForObject("select count(*) " + waitingWhere, params, Long.class);
        return new Laggards(kecamatan, opd, overdue, overdueCount, waiting, waitingCount, waitingDays);
    }

    private static MapSqlParameterSource params(int year, String kabupatenKotaCode) {
        return new MapSqlParameterSource("year", year)
                .addValue("kabupatenKota", kabupatenKotaCode == null || kabupatenKotaCode.isBlank() ? null
                        : kabupatenKotaCode)
                .addValue("opd", CurrentUser.opdScope());
    }

    private static Figures figures(ResultSet rs) throws SQLException {
        return new Figures(rs.getBigDecimal("pagu"), rs.getBigDecimal("allocated"), rs.getBigDecimal("realised"));
    }

    /** Limits an allocation {@code a} to the caller's OPD and the chosen kabupaten/kota, when there are any. */
    private static final String SCOPE_OF_A = """
             and (cast(:opd as varchar) is null or a.opd_code = :opd)
             and (cast(:kabupatenKota as varchar) is null or left(a.kecamatan_code, 5) = :kabupatenKota)
            """;

    /** One row per kecamatan envelope of :year (optionally of :kabupatenKota), limited to :opd when set. */
    private static final String KECAMATAN = """
            select c.code, c.name, k.code as parent_code, k.name as parent_name, e.pagu,
                   coalesce(sum(a.amount) filter (where a.status = 'ACTIVE'), 0) as allocated,
                   coalesce(sum(a.realised), 0) as realised,
                   count(a.id) filter (where a.status = 'ACTIVE') as allocations
            from envelope e
            join kecamatan c on c.code = e.kecamatan_code
            join kabupaten_kota k on k.code = c.kabupaten_kota_code
            left join allocation a on a.fiscal_year = e.fiscal_year and a.kecamatan_code = e.kecamatan_code
                                  """ + SCOPE_OF_A + """
            where e.fiscal_year = :year and (cast(:kabupatenKota as varchar) is null or k.code = :kabupatenKota)
            group by c.code, c.name, k.code, k.name, e.pagu
            """;

    private static final RowMapper<RegionRow> ROW = (rs, n) -> new RegionRow(rs.getString("code"),
            rs.getString("name"), rs.getString("parent_code"), rs.getString("parent_name"), figures(rs),
            rs.getLong("allocations"));
}
