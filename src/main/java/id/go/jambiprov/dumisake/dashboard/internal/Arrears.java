package id.go.jambiprov.dumisake.dashboard.internal;

import id.go.jambiprov.dumisake.dashboard.RegionRow;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * What lags behind: disbursements waiting for verification (longer than the configured days counts as
 * long), allocations past their planned month without realisation, and the lowest kecamatan and OPDs.
 */
@Component
class Arrears {

    private static final int LOWEST = 10;
    private static final int WARNINGS = 20;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final int waitingDays;

    Arrears(NamedParameterJdbcTemplate jdbc, Clock clock,
            @Value("${dumisake.dashboard.waiting-days:14}") int waitingDays) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.waitingDays = waitingDays;
    }

    /** What waits for verification, and how much of it longer than the configured days. */
    Waiting waiting(DashboardScope scope) {
        String from = scope.filtered()
                ? " from disbursement d join allocation a on a.id = d.allocation_id and a.fiscal_year = :year"
                : " from disbursement d";
        MapSqlParameterSource params = scope.params().addValue("waitingSince", waitingSince());
        return jdbc.queryForObject("select count(*) as waiting, coalesce(sum(d.amount), 0) as amount,"
                        + " count(*) filter (where d.submitted_at < :waitingSince) as waiting_long" + from
                        + " where d.fiscal_year = :year and d.status = 'SUBMITTED'" + scope.onAllocation(params), params,
                (rs, n) -> new Waiting(rs.getLong("waiting"), rs.getBigDecimal("amount"), rs.getLong("waiting_long")));
    }

    /** The lowest rows of the kecamatan and OPD figures, and the overdue and long-waiting records. */
    Laggards laggards(DashboardScope scope, List<RegionRow> kecamatanRows, List<RegionRow> opdRows, Waiting waiting) {
        List<RegionRow> kecamatan = kecamatanRows.stream()
                .sorted(Comparator.comparing((RegionRow r) -> r.figures().realisedPercent())
                        .thenComparing(r -> r.figures().allocated(), Comparator.reverseOrder())
                        .thenComparing(RegionRow::code))
                .limit(LOWEST).toList();
        List<RegionRow> opd = opdRows.stream()
                .sorted(Comparator.comparing((RegionRow r) -> r.figures().realisedPercent()).thenComparing(RegionRow::code))
                .limit(LOWEST).toList();
        LocalDate today = LocalDate.now(clock);
        int year = scope.year();
        int overdueBefore = year < today.getYear() ? 13 : year == today.getYear() ? today.getMonthValue() : 1;
        MapSqlParameterSource params = scope.params().addValue("overdueBefore", overdueBefore)
                .addValue("waitingSince", waitingSince());
        long[] overdueCount = {0};
        // realised = 0 first: an allocation with a verified tranche is not overdue, so only the few
        // without one are looked up for a submitted tranche
        List<Laggards.OverdueAllocation> overdue = jdbc.query("""
                        select a.id, a.title, a.opd_code, c.name, a.planned_month, a.amount, count(*) over () as total
                        from allocation a join kecamatan c on c.code = a.kecamatan_code
                        where a.fiscal_year = :year and a.status = 'ACTIVE' and a.planned_month < :overdueBefore
                          and a.realised = 0""" + scope.onAllocation(params) + """
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
                        + scope.onAllocation(params) + " order by d.submitted_at, d.id limit " + WARNINGS, params,
                (rs, n) -> {
                    OffsetDateTime submittedAt = rs.getObject(6, OffsetDateTime.class);
                    return new Laggards.WaitingDisbursement(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            rs.getString(4), rs.getBigDecimal(5), submittedAt,
                            Duration.between(submittedAt, now).toDays());
                });
        return new Laggards(kecamatan, opd, overdue, overdueCount[0], waitingLong, waiting.longCount(), waitingDays);
    }

    private OffsetDateTime waitingSince() {
        return OffsetDateTime.now(clock).minusDays(waitingDays);
    }

    record Waiting(long count, BigDecimal amount, long longCount) {
    }
}
