package id.go.jambiprov.dumisake.dashboard.internal;

import id.go.jambiprov.dumisake.dashboard.RegionRow;
import id.go.jambiprov.dumisake.progress.MissingOutputTarget;
import id.go.jambiprov.dumisake.shared.JambiTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * What lags behind: disbursements waiting for verification (longer than the configured days counts as
 * long), allocations past their planned month without realisation, and the lowest kecamatan and OPDs. The
 * dashboard shows the first ten of a warning, its page ({@code EarlyWarningController}) all of them.
 */
@Component
class Arrears {

    /** The dashboard shows the ten worst of each warning with their number; the rest are a page away. */
    static final Pageable FIRST_WARNINGS = PageRequest.of(0, 10);

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final int waitingDays;

    Arrears(NamedParameterJdbcTemplate jdbc, Clock clock,
            @Value("${dumisake.dashboard.waiting-days:14}") int waitingDays) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.waitingDays = waitingDays;
    }

    /**
     * What waits for verification, and how much of it longer than the configured days. Province-wide from the days
     * kept (V22_36): the days before the one the waiting turns long on, and of that day the tranches submitted before
     * the moment (a range of V13_1's index); for a kabupaten/kota or an OPD from the few tranches of its filter.
     */
    Waiting waiting(DashboardScope scope) {
        OffsetDateTime waitingSince = waitingSince();
        MapSqlParameterSource params = scope.params().addValue("waitingSince", waitingSince);
        if (!scope.filtered()) {
            LocalDate sinceDay = waitingSince.atZoneSameInstant(JambiTime.ZONE).toLocalDate();
            params.addValue("sinceDay", sinceDay)
                    .addValue("sinceDayStart", sinceDay.atStartOfDay(JambiTime.ZONE).toOffsetDateTime());
            return jdbc.queryForObject("""
                            select coalesce(sum(k.waiting), 0) as waiting, coalesce(sum(k.waiting_amount), 0) as amount,
                                   coalesce(sum(k.waiting) filter (where k.day < :sinceDay), 0)
                                   + (select count(*) from disbursement d
                                      where d.fiscal_year = :year and d.status = 'SUBMITTED'
                                        and d.submitted_at >= :sinceDayStart and d.submitted_at < :waitingSince)
                                       as waiting_long
                            from disbursement_day k where k.fiscal_year = :year""", params, Arrears::waiting);
        }
        return jdbc.queryForObject("select count(*) as waiting, coalesce(sum(d.amount), 0) as amount,"
                        + " count(*) filter (where d.submitted_at < :waitingSince) as waiting_long"
                        + " from disbursement d join allocation a on a.id = d.allocation_id and a.fiscal_year = :year"
                        + " where d.fiscal_year = :year and d.status = 'SUBMITTED'" + scope.onAllocation(params), params,
                Arrears::waiting);
    }

    private static Waiting waiting(ResultSet rs, int row) throws SQLException {
        return new Waiting(rs.getLong("waiting"), rs.getBigDecimal("amount"), rs.getLong("waiting_long"));
    }

    /** The lowest kecamatan (a page of them) and OPDs, and the overdue and long-waiting records. */
    Laggards laggards(DashboardScope scope, Page<RegionRow> lowestKecamatan, List<RegionRow> opdRows, Waiting waiting,
                      Page<MissingOutputTarget> missingTargets) {
        List<RegionRow> opd = lowestOpd(opdRows);
        Page<Laggards.OverdueAllocation> overdue = overdue(scope, FIRST_WARNINGS);
        Page<Laggards.WaitingDisbursement> waitingLong = waitingLong(scope, waiting, FIRST_WARNINGS);
        return new Laggards(lowestKecamatan.getContent(), lowestKecamatan.getTotalElements(), first(opd), opd.size(),
                overdue.getContent(), overdue.getTotalElements(), waitingLong.getContent(), waiting.longCount(),
                waitingDays, missingTargets.getContent(), missingTargets.getTotalElements());
    }

    /** The OPDs by realisation, lowest first. */
    static List<RegionRow> lowestOpd(List<RegionRow> opdRows) {
        return opdRows.stream()
                .sorted(Comparator.comparing((RegionRow r) -> r.figures().realisedPercent()).thenComparing(RegionRow::code))
                .toList();
    }

    /** One page of rows already in memory (two dozen OPDs). */
    static <T> Page<T> page(List<T> rows, Pageable pageable) {
        int from = (int) Math.min(pageable.getOffset(), rows.size());
        int to = Math.min(from + pageable.getPageSize(), rows.size());
        return new PageImpl<>(rows.subList(from, to), pageable, rows.size());
    }

    private static List<RegionRow> first(List<RegionRow> rows) {
        return rows.subList(0, Math.min(FIRST_WARNINGS.getPageSize(), rows.size()));
    }

    /**
     * A page of the allocations past their planned month without any realisation or submitted tranche, earliest
     * month and largest amount first, with their number.
     */
    Page<Laggards.OverdueAllocation> overdue(DashboardScope scope, Pageable pageable) {
        LocalDate today = LocalDate.now(clock);
        int year = scope.year();
        int overdueBefore = year < today.getYear() ? 13 : year == today.getYear() ? today.getMonthValue() : 1;
        MapSqlParameterSource params = paged(scope.params(), pageable).addValue("overdueBefore", overdueBefore);
        long[] total = {0};
        // realised = 0 first: an allocation with a verified tranche is not overdue, so only the few without one are
        // looked up for a submitted tranche (disbursement_submitted_allocation_idx, V22_35); they are counted and
        // ordered from allocation_overdue_cover_idx alone (V22_37), and only the page's rows read from the table
        List<Laggards.OverdueAllocation> rows = jdbc.query("""
                        select a.id, a.title, a.opd_code, c.name, o.planned_month, o.amount, o.total
                        from (select a.id, a.planned_month, a.amount, count(*) over () as total
                              from allocation a
                              where a.fiscal_year = :year and a.status = 'ACTIVE' and a.planned_month < :overdueBefore
                                and a.realised = 0""" + scope.onAllocation(params) + """
                                and not exists (select 1 from disbursement d where d.allocation_id = a.id
                                                and d.status = 'SUBMITTED')
                              order by a.planned_month, a.amount desc, a.id limit :limit offset :offset) o
                        join allocation a on a.id = o.id join kecamatan c on c.code = a.kecamatan_code
                        order by o.planned_month, o.amount desc, o.id""", params,
                (rs, n) -> {
                    total[0] = rs.getLong("total");
                    return new Laggards.OverdueAllocation(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getInt(5), rs.getBigDecimal(6));
                });
        return new PageImpl<>(rows, pageable, total[0]);
    }

    /**
     * A page of the disbursements waiting for verification longer than the configured days, oldest first; their
     * number is the one {@link #waiting} counted (counting them again with the page would join every one of them
     * to its allocation: at national scale 55,000, 0.3 s).
     */
    Page<Laggards.WaitingDisbursement> waitingLong(DashboardScope scope, Waiting waiting, Pageable pageable) {
        MapSqlParameterSource params = paged(scope.params(), pageable).addValue("waitingSince", waitingSince());
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Laggards.WaitingDisbursement> rows = jdbc.query("""
                        select d.id, d.allocation_id, a.opd_code, c.name, d.amount, d.submitted_at
                        from disbursement d join allocation a on a.id = d.allocation_id
                        join kecamatan c on c.code = a.kecamatan_code
                        where d.fiscal_year = :year and d.status = 'SUBMITTED' and d.submitted_at < :waitingSince"""
                        + scope.onAllocation(params) + " order by d.submitted_at, d.id limit :limit offset :offset",
                params, (rs, n) -> {
                    OffsetDateTime submittedAt = rs.getObject(6, OffsetDateTime.class);
                    return new Laggards.WaitingDisbursement(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            rs.getString(4), rs.getBigDecimal(5), submittedAt,
                            Duration.between(submittedAt, now).toDays());
                });
        return new PageImpl<>(rows, pageable, waiting.longCount());
    }

    int waitingDays() {
        return waitingDays;
    }

    private static MapSqlParameterSource paged(MapSqlParameterSource params, Pageable pageable) {
        return params.addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
    }

    private OffsetDateTime waitingSince() {
        return OffsetDateTime.now(clock).minusDays(waitingDays);
    }

    record Waiting(long count, BigDecimal amount, long longCount) {
    }
}
