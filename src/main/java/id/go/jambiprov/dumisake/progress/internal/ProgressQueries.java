package id.go.jambiprov.dumisake.progress.internal;

import id.go.jambiprov.dumisake.account.OpdScope;
import id.go.jambiprov.dumisake.progress.MissingOutputTarget;
import id.go.jambiprov.dumisake.progress.MonitoringFigures;
import id.go.jambiprov.dumisake.progress.OutputView;
import id.go.jambiprov.dumisake.progress.ProgressReportView;
import id.go.jambiprov.dumisake.progress.ReportedOutput;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The reads of outputs and reports, by SQL: a list of reports with their outputs in two statements. */
@Component
public class ProgressQueries {

    private final NamedParameterJdbcTemplate jdbc;

    ProgressQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest report's month and physical progress; empty without any report. */
    public record Latest(int month, BigDecimal physicalPercent) {
    }

    public List<OutputView> outputs(long allocationId) {
        return jdbc.query("""
                        select o.id, o.name, o.unit, o.target, o.version, ro.achieved
                        from allocation_output o
                        left join lateral (select r.id from progress_report r where r.allocation_id = o.allocation_id
                                           order by r.month desc limit 1) latest on true
                        left join progress_report_output ro on ro.report_id = latest.id and ro.output_id = o.id
                        where o.allocation_id = :id
                        order by o.position, o.id""", new MapSqlParameterSource("id", allocationId),
                (rs, n) -> new OutputView(rs.getLong("id"), rs.getString("name"), rs.getString("unit"),
                        rs.getBigDecimal("target"), rs.getBigDecimal("achieved"), rs.getLong("version")));
    }

    public boolean hasOutputs(long allocationId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from allocation_output where allocation_id = :id)",
                new MapSqlParameterSource("id", allocationId), Boolean.class));
    }

    public Optional<Latest> latest(long allocationId) {
        return jdbc.query("""
                        select month, physical_percent from progress_report where allocation_id = :id
                        order by month desc limit 1""", new MapSqlParameterSource("id", allocationId),
                (rs, n) -> new Latest(rs.getInt("month"), rs.getBigDecimal("physical_percent"))).stream().findFirst();
    }

    public int reportCount(long allocationId) {
        Integer count = jdbc.queryForObject("select count(*) from progress_report where allocation_id = :id",
                new MapSqlParameterSource("id", allocationId), Integer.class);
        return count == null ? 0 : count;
    }

    /** The allocation a report belongs to; empty when there is no such report. */
    public Optional<Long> allocationOf(long reportId) {
        return jdbc.queryForList("select allocation_id from progress_report where id = :id",
                new MapSqlParameterSource("id", reportId), Long.class).stream().findFirst();
    }

    /**
     * The active allocations of a year in the caller's scope (and the kabupaten/kota, when given) without any
     * output target, earliest planned month and largest amount first, one page of them with their number.
     * The page is read in the order of an index of the active allocations until it is full; the number is the
     * active allocations the envelopes (or, for an operator, the kept totals of its OPD) count, less those with a
     * target — counting the rows without one would read every active allocation of the year (at national scale
     * 220,000, 0.6 s).
     */
    public Page<MissingOutputTarget> withoutOutputTargets(int year, String kabupatenKotaCode, Pageable pageable) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("year", year)
                .addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
        String opd = OpdScope.sql("a.opd_code", parameters);
        String kabupatenKota = "";
        if (kabupatenKotaCode != null && !kabupatenKotaCode.isBlank()) {
            kabupatenKota = " and left(a.kecamatan_code, 5) = :kabupatenKota";
            parameters.addValue("kabupatenKota", kabupatenKotaCode);
        }
        String where = opd + kabupatenKota;
        List<MissingOutputTarget> rows = jdbc.query("""
                select a.id, a.opd_code, c.name as kecamatan, k.name as kabupaten_kota, a.title, a.amount,
                       a.planned_month
                from allocation a join kecamatan c on c.code = a.kecamatan_code
                join kabupaten_kota k on k.code = c.kabupaten_kota_code
                where a.fiscal_year = :year and a.status = 'ACTIVE'
                  and not exists (select 1 from allocation_output o where o.allocation_id = a.id)""" + where
                + " order by a.planned_month, a.amount desc, a.id limit :limit offset :offset", parameters,
                (rs, n) -> new MissingOutputTarget(rs.getLong("id"), rs.getString("opd_code"),
                        rs.getString("kecamatan"), rs.getString("kabupaten_kota"), rs.getString("title"),
                        rs.getBigDecimal("amount"), rs.getInt("planned_month")));
        // both named a, with kecamatan_code (and opd_code) like the allocation: the same conditions apply
        String active = opd.isEmpty()
                ? "select coalesce(sum(a.allocations), 0) from envelope a where a.fiscal_year = :year"
                : "select coalesce(sum(a.allocations), 0) from allocation_total a where a.fiscal_year = :year";
        Long total = jdbc.queryForObject("select (" + active + where + ") - (select count(distinct o.allocation_id)"
                + " from allocation_output o join allocation a on a.id = o.allocation_id"
                + " where a.fiscal_year = :year and a.status = 'ACTIVE'" + where + ")", parameters, Long.class);
        return new PageImpl<>(rows, pageable, total);
    }

    /**
     * Whether any allocation of the year in the caller's scope has an output target or a report: stops at the first
     * one, where {@link #figures} reads them all.
     */
    public boolean anyOfYear(int year) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("year", year);
        String scope = OpdScope.sql("a.opd_code", parameters);
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from progress_report r join allocation a on a.id = r.allocation_id
                               where r.fiscal_year = :year""" + scope + """
                )
                    or exists (select 1 from allocation_output o join allocation a on a.id = o.allocation_id
                               where a.fiscal_year = :year""" + scope + ")", parameters, Boolean.class));
    }

    /** The output targets and latest physical progress of a year's allocations in the caller's scope that have any. */
    public Map<Long, MonitoringFigures> figures(int year) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("year", year);
        String scope = OpdScope.sql("a.opd_code", parameters);
        Map<Long, MonitoringFigures> figures = new HashMap<>();
        jdbc.query("""
                select a.id,
                       (select string_agg(o.name || ': ' || trim_scale(o.target)::text || ' ' || o.unit, '; '
                                          order by o.position, o.id)
                        from allocation_output o where o.allocation_id = a.id) as outputs,
                       (select r.physical_percent from progress_report r where r.allocation_id = a.id
                        order by r.month desc limit 1) as physical
                from allocation a
                where a.fiscal_year = :year
                  and (exists (select 1 from allocation_output o where o.allocation_id = a.id)
                       or exists (select 1 from progress_report r where r.allocation_id = a.id))""" + scope,
                parameters, rs -> {
                    long id = rs.getLong("id");
                    figures.put(id, new MonitoringFigures(id, rs.getString("outputs"), rs.getBigDecimal("physical")));
                });
        return figures;
    }

    /** The allocation's reports, latest month first, each with every output indicator of the allocation. */
    public List<ProgressReportView> reports(long allocationId) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("id", allocationId);
        List<OutputView> outputs = outputs(allocationId);
        Map<Long, Map<Long, BigDecimal>> achieved = new HashMap<>();
        jdbc.query("""
                select ro.report_id, ro.output_id, ro.achieved
                from progress_report_output ro join progress_report r on r.id = ro.report_id
                where r.allocation_id = :id""", parameters, rs -> {
            achieved.computeIfAbsent(rs.getLong("report_id"), id -> new HashMap<>())
                    .put(rs.getLong("output_id"), rs.getBigDecimal("achieved"));
        });
        List<ProgressReportView> reports = new ArrayList<>();
        jdbc.query("""
                select r.*, max(r.month) over () as latest_month
                from progress_report r where r.allocation_id = :id order by r.month desc""", parameters, rs -> {
            long id = rs.getLong("id");
            Map<Long, BigDecimal> reached = achieved.getOrDefault(id, Map.of());
            List<ReportedOutput> reported = outputs.stream()
                    .map(o -> new ReportedOutput(o.id(), o.name(), o.unit(), o.target(), reached.get(o.id())))
                    .toList();
            reports.add(new ProgressReportView(id, allocationId, rs.getInt("fiscal_year"), rs.getInt("month"),
                    rs.getBigDecimal("physical_percent"), reported, rs.getString("narrative"),
                    rs.getString("correction_reason"), rs.getInt("month") < rs.getInt("latest_month"),
                    rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
                    rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by"),
                    rs.getLong("version")));
        });
        return reports;
    }
}
