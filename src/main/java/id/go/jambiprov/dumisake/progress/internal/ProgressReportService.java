package id.go.jambiprov.dumisake.progress.internal;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.progress.AchievedOutput;
import id.go.jambiprov.dumisake.progress.ReportRequest;
import id.go.jambiprov.dumisake.progress.domain.AllocationOutput;
import id.go.jambiprov.dumisake.progress.domain.AllocationOutputRepository;
import id.go.jambiprov.dumisake.progress.domain.ProgressReport;
import id.go.jambiprov.dumisake.progress.domain.ProgressReportRepository;
import id.go.jambiprov.dumisake.progress.domain.ReportMonth;
import id.go.jambiprov.dumisake.progress.domain.ReportRules;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.JambiTime;
import id.go.jambiprov.dumisake.shared.StaleVersionException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes the monthly progress report of an allocation: the month's first save creates it, later saves with the
 * version that was read change it until the next month's report closes it. The operator of the allocation's OPD
 * writes it; the checks are {@link ReportRules}'. Every save is audited, before → after.
 */
@Service
@Transactional
public class ProgressReportService {

    static final String ENTITY = "ProgressReport";

    private final ProgressReportRepository reports;
    private final AllocationOutputRepository outputs;
    private final Allocations allocations;
    private final FiscalYearService fiscalYears;
    private final NamedParameterJdbcTemplate jdbc;
    private final AuditTrail audit;
    private final LatestReports latest;
    private final Clock clock;

    ProgressReportService(ProgressReportRepository reports, AllocationOutputRepository outputs,
                          Allocations allocations, FiscalYearService fiscalYears, NamedParameterJdbcTemplate jdbc,
                          AuditTrail audit, LatestReports latest, Clock clock) {
        this.reports = reports;
        this.outputs = outputs;
        this.allocations = allocations;
        this.fiscalYears = fiscalYears;
        this.jdbc = jdbc;
        this.audit = audit;
        this.latest = latest;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('OPD_OPERATOR')")
    public Saved save(long allocationId, ReportRequest request) {
        AllocationView allocation = allocations.get(allocationId);
        if (!allocation.active()) {
            throw new BusinessRuleException("ALLOCATION_CANCELLED", "progress.rule.allocationCancelled");
        }
        fiscalYears.requireOpen(allocation.year());
        int year = allocation.year();
        int month = request.month();
        ReportRules.requireReportableMonth(year, month, YearMonth.now(clock.withZone(JambiTime.ZONE)));
        ReportRules.requirePercent(request.physicalPercent());
        ReportRules.requireTexts(request.narrative(), request.correctionReason());
        ProgressLocks.lock(jdbc, allocationId);
        List<ProgressReport> all = reports.findByAllocationIdOrderByMonthAsc(allocationId);
        Optional<ProgressReport> existing = all.stream().filter(r -> r.getMonth() == month).findFirst();
        if (existing.isPresent() != (request.version() != null)
                || existing.filter(r -> r.getVersion() != request.version()).isPresent()) {
            // a first save that finds the month written, or a change of a report that is not as it was read
            throw new StaleVersionException(ENTITY, ReportMonth.code(year, month));
        }
        ReportRules.requireOpenMonth(year, month, all.isEmpty() ? null : all.get(all.size() - 1).getMonth());
        Optional<ProgressReport> previous = all.stream().filter(r -> r.getMonth() < month)
                .max(Comparator.comparingInt(ProgressReport::getMonth));
        ReportRules.requireReasonBelowPreviousMonth(year, previous.map(ProgressReport::getMonth).orElse(null),
                previous.map(ProgressReport::getPhysicalPercent).orElse(null), request.physicalPercent(),
                request.correctionReason());
        existing.ifPresent(r -> ReportRules.requireReasonBelowEarlierValue(r.getPhysicalPercent(),
                request.physicalPercent(), request.correctionReason()));
        Map<Long, AllocationOutput> indicators = outputs.findByAllocationIdOrderByPositionAscIdAsc(allocationId)
                .stream().collect(Collectors.toMap(AllocationOutput::getId, Function.identity()));
        Map<Long, BigDecimal> achieved = achieved(request.outputs(), indicators);

        Map<String, Object> before = existing.map(r -> state(r, indicators)).orElse(null);
        ProgressReport report = existing.orElseGet(() -> new ProgressReport(allocationId, year, month,
                OffsetDateTime.now(clock), CurrentUser.username()));
        report.record(request.physicalPercent(), achieved, request.narrative(), request.correctionReason(),
                OffsetDateTime.now(clock), CurrentUser.username());
        reports.saveAndFlush(report);
        latest.refresh(List.of(allocationId));
        Map<String, Object> after = state(report, indicators);
        audit.record(existing.isPresent() ? "PROGRESS_REPORT_EDITED" : "PROGRESS_REPORT_CREATED", ENTITY,
                report.getId(), before, after);
        return new Saved(report.getId(), existing.isEmpty());
    }

    /** The report saved, and whether this save created it. */
    public record Saved(long reportId, boolean created) {
    }

    private static Map<Long, BigDecimal> achieved(List<AchievedOutput> given, Map<Long, AllocationOutput> indicators) {
        Map<Long, BigDecimal> achieved = new LinkedHashMap<>();
        for (AchievedOutput output : given) {
            if (!indicators.containsKey(output.outputId())) {
                throw new BusinessRuleException("OUTPUT_UNKNOWN", "progress.output.unknown", output.outputId());
            }
            ReportRules.requireAchieved(output.achieved());
            if (achieved.put(output.outputId(), output.achieved()) != null) {
                throw new BusinessRuleException("OUTPUT_TWICE", "progress.output.twice",
                        indicators.get(output.outputId()).getName());
            }
        }
        return achieved;
    }

    private static Map<String, Object> state(ProgressReport report, Map<Long, AllocationOutput> indicators) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("allocationId", report.getAllocationId());
        state.put("month", ReportMonth.code(report.getFiscalYear(), report.getMonth()));
        state.put("physicalPercent", report.getPhysicalPercent());
        state.put("outputsAchieved", report.getAchieved().entrySet().stream()
                .filter(e -> indicators.containsKey(e.getKey()))
                .map(e -> OutputTargetService.line(indicators.get(e.getKey()).getName(), e.getValue(),
                        indicators.get(e.getKey()).getUnit()))
                .sorted().collect(Collectors.joining("; ")));
        state.put("narrative", report.getNarrative());
        state.put("correctionReason", report.getCorrectionReason());
        state.put("version", report.getVersion());
        return state;
    }
}
