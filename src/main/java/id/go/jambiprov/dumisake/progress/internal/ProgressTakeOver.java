package id.go.jambiprov.dumisake.progress.internal;

import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.progress.OutputTarget;
import id.go.jambiprov.dumisake.progress.OutputTargetViolation;
import id.go.jambiprov.dumisake.progress.PastProgress;
import id.go.jambiprov.dumisake.progress.PastProgress.PastReport;
import id.go.jambiprov.dumisake.progress.domain.OutputTargetRules;
import id.go.jambiprov.dumisake.progress.domain.OutputTargetsRefused;
import id.go.jambiprov.dumisake.progress.domain.ReportMonth;
import id.go.jambiprov.dumisake.progress.domain.ReportRules;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.JambiTime;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import id.go.jambiprov.dumisake.shared.db.ColumnArrays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Output targets and monthly reports kept before Dumisake was used, entered in one go for allocations that have
 * none yet (the demo's two years come this way). Every target and report meets the rules of one entered by hand
 * ({@link OutputTargetRules}, {@link ReportRules}: months that have begun, in order, progress going down only with
 * a reason) and is audited; all or nothing. Written a table at a time in one statement, since a year is thousands
 * of reports.
 */
@Service
@Transactional
public class ProgressTakeOver {

    private final Allocations allocations;
    private final FiscalYearService fiscalYears;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final AuditTrail audit;
    private final LatestReports latest;
    private final Clock clock;

    ProgressTakeOver(Allocations allocations, FiscalYearService fiscalYears, JdbcTemplate jdbc,
                     NamedParameterJdbcTemplate named, AuditTrail audit, LatestReports latest, Clock clock) {
        this.allocations = allocations;
        this.fiscalYears = fiscalYears;
        this.jdbc = jdbc;
        this.named = named;
        this.audit = audit;
        this.latest = latest;
        this.clock = clock;
    }

    /** @return how many reports were taken over */
    @PreAuthorize("hasAnyRole('ADMIN', 'OPD_OPERATOR')")
    public int takeOver(List<PastProgress> past) {
        YearMonth today = YearMonth.now(clock.withZone(JambiTime.ZONE));
        Map<Long, AllocationView> checked = new LinkedHashMap<>();
        Set<Integer> openYears = new HashSet<>();
        Map<Long, AllocationView> visible = allocations.getAll(past.stream().map(PastProgress::allocationId).toList());
        for (PastProgress progress : past) {
            AllocationView allocation = visible.get(progress.allocationId());
            if (allocation == null) {
                throw new NotFoundException("allocation.notFound", progress.allocationId());
            }
            if (openYears.add(allocation.year())) {
                fiscalYears.requireOpen(allocation.year());
            }
            check(progress, allocation, today);
            checked.put(allocation.id(), allocation);
        }
        ProgressLocks.lockAll(named, checked.keySet());
        requireNothingYet(checked.keySet());
        List<Long> outputIds = insertOutputs(past);
        List<Long> reportIds = insertReports(past, checked);
        insertAchieved(past, outputIds, reportIds);
        latest.refresh(checked.keySet());
        audit(past, checked, reportIds);
        return reportIds.size();
    }

    private static void check(PastProgress progress, AllocationView allocation, YearMonth today) {
        if (!allocation.active()) {
            throw new BusinessRuleException("ALLOCATION_CANCELLED", "progress.rule.allocationCancelled");
        }
        List<OutputTargetViolation> violations = OutputTargetRules.check(progress.outputs());
        if (!violations.isEmpty()) {
            throw new OutputTargetsRefused(violations);
        }
        Integer previousMonth = null;
        BigDecimal previousPercent = null;
        for (PastReport report : progress.reports()) {
            ReportRules.requireReportableMonth(allocation.year(), report.month(), today);
            if (previousMonth != null && report.month() <= previousMonth) {
                throw new BusinessRuleException("MONTH_ORDER", "progress.takeOver.monthOrder");
            }
            ReportRules.requirePercent(report.physicalPercent());
            ReportRules.requireTexts(report.narrative(), report.correctionReason());
            ReportRules.requireReasonBelowPreviousMonth(allocation.year(), previousMonth, previousPercent,
                    report.physicalPercent(), report.correctionReason());
            if (report.achieved().size() > progress.outputs().size()) {
                throw new BusinessRuleException("OUTPUT_UNKNOWN", "progress.output.unknown", report.achieved().size());
            }
            report.achieved().forEach(ReportRules::requireAchieved);
            previousMonth = report.month();
            previousPercent = report.physicalPercent();
        }
    }

    private void requireNothingYet(Set<Long> allocationIds) {
        List<Long> taken = named.queryForList("""
                        select allocation_id from allocation_output where allocation_id in (:ids)
                        union select allocation_id from progress_report where allocation_id in (:ids)""",
                new MapSqlParameterSource("ids", allocationIds), Long.class);
        if (!taken.isEmpty()) {
            throw new BusinessRuleException("PROGRESS_EXISTS", "progress.takeOver.exists", taken.get(0));
        }
    }

    private List<Long> insertOutputs(List<PastProgress> past) {
        List<Object[]> rows = new ArrayList<>();
        for (PastProgress progress : past) {
            for (int position = 0; position < progress.outputs().size(); position++) {
                OutputTarget target = progress.outputs().get(position);
                rows.add(new Object[] {progress.allocationId(), target.name().strip(), target.unit().strip(),
                        target.target(), position});
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Long> ids = new HashMap<>();
        jdbc.query(ColumnArrays.statement("""
                insert into allocation_output (allocation_id, name, unit, target, position)
                select x.allocation::bigint, x.name, x.unit, x.target::numeric, x.position::int
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as x(allocation, name, unit, target, position)
                returning id, allocation_id, position""", rows),
                (RowCallbackHandler) rs -> ids.put(rs.getLong("allocation_id") + "/" + rs.getInt("position"),
                        rs.getLong("id")));
        return rows.stream().map(row -> ids.get(row[0] + "/" + row[4])).toList();
    }

    private List<Long> insertReports(List<PastProgress> past, Map<Long, AllocationView> allocationsById) {
        List<Object[]> rows = new ArrayList<>();
        for (PastProgress progress : past) {
            int year = allocationsById.get(progress.allocationId()).year();
            for (PastReport r : progress.reports()) {
                rows.add(new Object[] {progress.allocationId(), year, r.month(), r.physicalPercent(),
                        blankToNull(r.narrative()), blankToNull(r.correctionReason()), r.reportedAt(), r.reportedBy()});
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Long> ids = new HashMap<>();
        jdbc.query(ColumnArrays.statement("""
                insert into progress_report (allocation_id, fiscal_year, month, physical_percent, narrative,
                                             correction_reason, created_at, created_by, updated_at, updated_by)
                select x.allocation::bigint, x.year::int, x.month::int, x.physical::numeric, x.narrative, x.reason,
                       x.reported_at::timestamptz, x.reported_by, x.reported_at::timestamptz, x.reported_by
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                     as x(allocation, year, month, physical, narrative, reason, reported_at, reported_by)
                returning id, allocation_id, month""", rows),
                (RowCallbackHandler) rs -> ids.put(rs.getLong("allocation_id") + "/" + rs.getInt("month"),
                        rs.getLong("id")));
        return rows.stream().map(row -> ids.get(row[0] + "/" + row[2])).toList();
    }

    private void insertAchieved(List<PastProgress> past, List<Long> outputIds, List<Long> reportIds) {
        List<Object[]> rows = new ArrayList<>();
        int output = 0;
        int report = 0;
        for (PastProgress progress : past) {
            for (PastReport r : progress.reports()) {
                for (int i = 0; i < r.achieved().size(); i++) {
                    rows.add(new Object[] {reportIds.get(report), outputIds.get(output + i), r.achieved().get(i)});
                }
                report++;
            }
            output += progress.outputs().size();
        }
        if (!rows.isEmpty()) {
            jdbc.update(ColumnArrays.statement("""
                    insert into progress_report_output (report_id, output_id, achieved)
                    select x.report::bigint, x.output::bigint, x.achieved::numeric
                    from unnest(?::text[], ?::text[], ?::text[]) as x(report, output, achieved)""", rows));
        }
    }

    private void audit(List<PastProgress> past, Map<Long, AllocationView> allocationsById, List<Long> reportIds) {
        Map<Long, Map<String, Object>> targets = new LinkedHashMap<>();
        Map<Long, Map<String, Object>> reports = new LinkedHashMap<>();
        int report = 0;
        for (PastProgress progress : past) {
            AllocationView allocation = allocationsById.get(progress.allocationId());
            if (!progress.outputs().isEmpty()) {
                Map<String, Object> state = new LinkedHashMap<>();
                state.put("allocationId", allocation.id());
                state.put("title", allocation.title());
                state.put("outputs", String.join("; ", progress.outputs().stream()
                        .map(o -> OutputTargetService.line(o.name().strip(), o.target(), o.unit().strip())).toList()));
                targets.put(allocation.id(), state);
            }
            for (PastReport r : progress.reports()) {
                Map<String, Object> state = new LinkedHashMap<>();
                state.put("allocationId", allocation.id());
                state.put("month", ReportMonth.code(allocation.year(), r.month()));
                state.put("physicalPercent", r.physicalPercent());
                state.put("narrative", blankToNull(r.narrative()));
                state.put("correctionReason", blankToNull(r.correctionReason()));
                state.put("reportedBy", r.reportedBy());
                reports.put(reportIds.get(report++), state);
            }
        }
        if (!targets.isEmpty()) {
            audit.recordCreated("OUTPUT_TARGETS_SET", OutputTargetService.ENTITY, targets);
        }
        if (!reports.isEmpty()) {
            audit.recordCreated("PROGRESS_REPORT_CREATED", ProgressReportService.ENTITY, reports);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
