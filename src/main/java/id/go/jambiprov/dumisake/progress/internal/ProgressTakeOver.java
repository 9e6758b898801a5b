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
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Output targets and monthly reports kept before Dumisake was used, entered in one go for allocations that have
 * none yet (the demo's two years come this way). Every target and report meets the rules of one entered by hand
 * ({@link OutputTargetRules}, {@link ReportRules}: months that have begun, in order, progress going down only with
 * a reason) and is audited; all or nothing. Written in batches, since a year is thousands of reports.
 */
@Service
@Transactional
public class ProgressTakeOver {

    private final Allocations allocations;
    private final FiscalYearService fiscalYears;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final AuditTrail audit;
    private final Clock clock;

    ProgressTakeOver(Allocations allocations, FiscalYearService fiscalYears, JdbcTemplate jdbc,
                     NamedParameterJdbcTemplate named, AuditTrail audit, Clock clock) {
        this.allocations = allocations;
        this.fiscalYears = fiscalYears;
        this.jdbc = jdbc;
        this.named = named;
        this.audit = audit;
        this.clock = clock;
    }

    /** @return how many reports were taken over */
    @PreAuthorize("hasAnyRole('ADMIN', 'OPD_OPERATOR')")
    public int takeOver(List<PastProgress> past) {
        YearMonth today = YearMonth.now(clock.withZone(JambiTime.ZONE));
        Map<Long, AllocationView> checked = new LinkedHashMap<>();
        Set<Integer> openYears = new HashSet<>();
        for (PastProgress progress : past) {
            AllocationView allocation = allocations.get(progress.allocationId());
            if (openYears.add(allocation.year())) {
                fiscalYears.requireOpen(allocation.year());
            }
            ProgressLocks.lock(named, allocation.id());
            check(progress, allocation, today);
            checked.put(allocation.id(), allocation);
        }
        requireNothingYet(checked.keySet());
        List<Long> outputIds = insertOutputs(past);
        List<Long> reportIds = insertReports(past, checked);
        insertAchieved(past, outputIds, reportIds);
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
        return insert("insert into allocation_output (allocation_id, name, unit, target, position) values (?, ?, ?, ?, ?)",
                rows);
    }

    private List<Long> insertReports(List<PastProgress> past, Map<Long, AllocationView> allocationsById) {
        List<Object[]> rows = new ArrayList<>();
        for (PastProgress progress : past) {
            int year = allocationsById.get(progress.allocationId()).year();
            for (PastReport r : progress.reports()) {
                rows.add(new Object[] {progress.allocationId(), year, r.month(), r.physicalPercent(),
                        blankToNull(r.narrative()), blankToNull(r.correctionReason()), r.reportedAt(), r.reportedBy(),
                        r.reportedAt(), r.reportedBy()});
            }
        }
        return insert("""
                insert into progress_report (allocation_id, fiscal_year, month, physical_percent, narrative,
                                             correction_reason, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
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
        jdbc.batchUpdate("insert into progress_report_output (report_id, output_id, achieved) values (?, ?, ?)", rows);
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

    private List<Long> insert(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(connection -> connection.prepareStatement(sql, new String[] {"id"}),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int i) throws SQLException {
                        Object[] values = rows.get(i);
                        for (int column = 0; column < values.length; column++) {
                            statement.setObject(column + 1, values[column]);
                        }
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                }, keys);
        return keys.getKeyList().stream().map(key -> ((Number) key.get("id")).longValue()).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
