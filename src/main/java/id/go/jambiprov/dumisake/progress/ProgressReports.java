package id.go.jambiprov.dumisake.progress;

import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.progress.domain.OutputTargetRules;
import id.go.jambiprov.dumisake.progress.internal.OutputTargetService;
import id.go.jambiprov.dumisake.progress.internal.ProgressQueries;
import id.go.jambiprov.dumisake.progress.internal.ProgressReportService;
import id.go.jambiprov.dumisake.progress.internal.ProgressTakeOver;
import id.go.jambiprov.dumisake.progress.internal.TrancheProgressCheck;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import id.go.jambiprov.dumisake.shared.StaleVersionException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;

/**
 * What the pages, the API, the demo and other capabilities ask of the monitoring of allocations: their output
 * targets, their monthly progress reports, and whether a tranche may be submitted on the progress reported.
 * Every read is scoped as {@link Allocations#get} scopes it: an operator of another OPD gets "not found".
 */
@Service
public class ProgressReports {

    private final Allocations allocations;
    private final ProgressQueries queries;
    private final OutputTargetService outputTargets;
    private final ProgressReportService reports;
    private final TrancheProgressCheck tranches;
    private final ProgressTakeOver takeOver;

    ProgressReports(Allocations allocations, ProgressQueries queries, OutputTargetService outputTargets,
                    ProgressReportService reports, TrancheProgressCheck tranches, ProgressTakeOver takeOver) {
        this.allocations = allocations;
        this.queries = queries;
        this.outputTargets = outputTargets;
        this.reports = reports;
        this.tranches = tranches;
        this.takeOver = takeOver;
    }

    public List<OutputView> outputs(long allocationId) {
        allocations.get(allocationId);
        return queries.outputs(allocationId);
    }

    /** Replaces the list of output targets (admin or the allocation's OPD, open year): 422 OUTPUT_TARGETS_INVALID. */
    public List<OutputView> setOutputs(long allocationId, List<OutputTarget> targets) {
        return outputTargets.replace(allocationId, targets);
    }

    /** What would be wrong with these output targets (an import checks its rows before writing any); none: fine. */
    public List<OutputTargetViolation> checkOutputTargets(List<OutputTarget> targets) {
        return OutputTargetRules.check(targets);
    }

    /** The allocation's reports, latest month first. */
    public List<ProgressReportView> reports(long allocationId) {
        allocations.get(allocationId);
        return queries.reports(allocationId);
    }

    public ProgressReportView report(long reportId) {
        long allocationId = queries.allocationOf(reportId)
                .orElseThrow(() -> new NotFoundException("progress.report.notFound", reportId));
        allocations.get(allocationId);
        return queries.reports(allocationId).stream().filter(r -> r.id() == reportId).findFirst()
                .orElseThrow(() -> new NotFoundException("progress.report.notFound", reportId));
    }

    /**
     * Writes a month's report. Without a version it is the month's first report: when the month already has one
     * (also when two first saves race, which the table's unique key decides) the answer is 409, never a second
     * report or a silent overwrite. With the version that was read it changes the month's report.
     */
    public SavedReport save(long allocationId, ReportRequest request) {
        ProgressReportService.Saved saved;
        try {
            saved = reports.save(allocationId, request);
        } catch (DataIntegrityViolationException e) {
            if (e.getMessage() != null && e.getMessage().contains("progress_report_one_per_month")) {
                throw new StaleVersionException("ProgressReport", allocationId + "/" + request.month());
            }
            throw e;
        }
        return new SavedReport(report(saved.reportId()), saved.created());
    }

    /** The monitoring of one allocation at a glance, with the early warning when no output target is set. */
    public LatestProgress latest(long allocationId) {
        AllocationView allocation = allocations.get(allocationId);
        var latest = queries.latest(allocationId);
        return new LatestProgress(allocationId, allocation.year(),
                latest.map(ProgressQueries.Latest::month).orElse(null),
                latest.map(ProgressQueries.Latest::physicalPercent).orElse(null),
                queries.reportCount(allocationId), !queries.hasOutputs(allocationId));
    }

    /** For exports: the output targets and latest physical progress of a year's allocations, by allocation id. */
    public Map<Long, MonitoringFigures> figures(int year) {
        return queries.figures(year);
    }

    /** Whether any allocation of the year in the caller's scope has an output target or a report yet. */
    public boolean anyOfYear(int year) {
        return queries.anyOfYear(year);
    }

    /**
     * The early warning "target keluaran belum diisi": a page of the year's active allocations in the caller's
     * scope (and the kabupaten/kota, when given) that have no output target, with their number.
     */
    public Page<MissingOutputTarget> withoutOutputTargets(int year, String kabupatenKotaCode, Pageable pageable) {
        return queries.withoutOutputTargets(year, kabupatenKotaCode, pageable);
    }

    /**
     * Before tranche 2 or later of the allocation is submitted: its latest report must show the programme's
     * minimum physical progress, else 422 {@code PROGRESS_TOO_LOW} naming the report and what is missing.
     */
    public void requireProgressForTranche(long allocationId, int tranche) {
        tranches.require(allocationId, tranche);
    }

    /**
     * Output targets and reports kept before (or the demo's), for allocations without any yet: each meets the rules
     * of one entered by hand and is audited; all or nothing.
     *
     * @return how many reports were taken over
     */
    public int takeOver(List<PastProgress> past) {
        return takeOver.takeOver(past);
    }
}
