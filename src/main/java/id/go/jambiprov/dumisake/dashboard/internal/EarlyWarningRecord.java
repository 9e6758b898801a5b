package id.go.jambiprov.dumisake.dashboard.internal;

import id.go.jambiprov.dumisake.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The daily record of early warnings per open fiscal year and OPD (table {@code early_warning_snapshot}).
 * The dashboard lists today's laggards; this keeps how their number moved, day by day, which nobody can
 * rebuild afterwards because allocations and disbursements move on. "Overdue" and "waiting" mean exactly
 * what they mean on the dashboard, so that a day's record equals what the dashboard showed that day.
 */
@Service
public class EarlyWarningRecord {

    static final String AUDIT_ACTION = "EARLY_WARNINGS_RECORDED";

    private final NamedParameterJdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final int waitingDays;

    EarlyWarningRecord(NamedParameterJdbcTemplate jdbc, AuditTrail audit, Clock clock,
                       @Value("${dumisake.dashboard.waiting-days:14}") int waitingDays) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.waitingDays = waitingDays;
    }

    /**
     * Records today's figures for every open fiscal year, replacing what an earlier run of the same day
     * recorded, and leaves one audit event per year with its totals. Closed years change no more.
     *
     * @return the years recorded
     */
    @Transactional
    public List<Integer> recordToday() {
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime waitingSince = OffsetDateTime.now(clock).minusDays(waitingDays);
        List<Integer> years = jdbc.queryForList("select year from fiscal_year where status = 'OPEN' order by year",
                Map.of(), Integer.class);
        for (int year : years) {
            MapSqlParameterSource params = new MapSqlParameterSource("year", year)
                    .addValue("today", today)
                    .addValue("overdueBefore", overdueBefore(year, today))
                    .addValue("waitingSince", waitingSince);
            jdbc.update("delete from early_warning_snapshot where fiscal_year = :year and snapshot_date = :today",
                    params);
            jdbc.update("""
                    insert into early_warning_snapshot (snapshot_date, fiscal_year, opd_code, overdue_allocations,
                                                        overdue_amount, waiting_disbursements, waiting_amount)
                    select :today, :year, opd_code, sum(overdue), sum(overdue_amount), sum(waiting), sum(waiting_amount)
                    from (select a.opd_code, 1 as overdue, a.amount as overdue_amount, 0 as waiting, 0 as waiting_amount
                          from allocation a
                          where a.fiscal_year = :year and a.status = 'ACTIVE' and a.planned_month < :overdueBefore
                            and not exists (select 1 from disbursement d where d.allocation_id = a.id
                                            and d.status in ('SUBMITTED', 'VERIFIED'))
                          union all
                          select a.opd_code, 0, 0, 1, d.amount
                          from disbursement d join allocation a on a.id = d.allocation_id
                          where d.fiscal_year = :year and d.status = 'SUBMITTED' and d.submitted_at < :waitingSince) w
                    group by opd_code""", params);
            Map<String, Object> totals = new LinkedHashMap<>(jdbc.queryForMap("""
                    select coalesce(sum(overdue_allocations), 0) as "overdueAllocations",
                           coalesce(sum(overdue_amount), 0) as "overdueAmount",
                           coalesce(sum(waiting_disbursements), 0) as "waitingDisbursements",
                           coalesce(sum(waiting_amount), 0) as "waitingAmount"
                    from early_warning_snapshot where fiscal_year = :year and snapshot_date = :today""", params));
            totals.put("date", today.toString());
            totals.put("waitingDays", waitingDays);
            audit.record(AUDIT_ACTION, "FiscalYear", year, null, totals);
        }
        return years;
    }

    /** The recorded days of one fiscal year, oldest first; OPDs without a warning that day have no row. */
    @PreAuthorize("hasAnyRole('ADMIN', 'EXPERT')")
    @Transactional(readOnly = true)
    public List<EarlyWarningDay> history(int year, String opdCode) {
        return jdbc.query("""
                        select snapshot_date, fiscal_year, opd_code, overdue_allocations, overdue_amount,
                               waiting_disbursements, waiting_amount
                        from early_warning_snapshot
                        where fiscal_year = :year and (cast(:opd as varchar) is null or opd_code = :opd)
                        order by snapshot_date, opd_code""",
                new MapSqlParameterSource("year", year).addValue("opd", opdCode == null || opdCode.isBlank() ? null
                        : opdCode),
                (rs, n) -> new EarlyWarningDay(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getString(3),
                        rs.getInt(4), rs.getBigDecimal(5), rs.getInt(6), rs.getBigDecimal(7)));
    }

    /** As on the dashboard: in the running year the months before this one, a past year all twelve. */
    private static int overdueBefore(int year, LocalDate today) {
        return year < today.getYear() ? 13 : year == today.getYear() ? today.getMonthValue() : 1;
    }
}
