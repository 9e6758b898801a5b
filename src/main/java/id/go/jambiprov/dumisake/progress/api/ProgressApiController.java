package id.go.jambiprov.dumisake.progress.api;

import id.go.jambiprov.dumisake.progress.AchievedOutput;
import id.go.jambiprov.dumisake.progress.OutputTarget;
import id.go.jambiprov.dumisake.progress.OutputView;
import id.go.jambiprov.dumisake.progress.ProgressReportView;
import id.go.jambiprov.dumisake.progress.ProgressReports;
import id.go.jambiprov.dumisake.progress.ReportRequest;
import id.go.jambiprov.dumisake.progress.SavedReport;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

/**
 * Output targets and monthly progress reports of an allocation. A POST without {@code version} writes the month's
 * first report (201; 409 when the month already has one); with the version that was read it changes the month's
 * open report (200; 409 when it changed meanwhile), replacing all of it: outputs, narrative and reason left out are
 * cleared.
 */
@RestController
@RequestMapping("/api/v1/allocations/{allocationId}")
class ProgressApiController {

    private final ProgressReports progress;

    ProgressApiController(ProgressReports progress) {
        this.progress = progress;
    }

    @GetMapping("/outputs")
    List<OutputView> outputs(@PathVariable("allocationId") long allocationId) {
        return progress.outputs(allocationId);
    }

    @PutMapping("/outputs")
    List<OutputView> setOutputs(@PathVariable("allocationId") long allocationId,
                                @RequestBody List<OutputRequest> outputs) {
        return progress.setOutputs(allocationId, outputs.stream()
                .map(o -> new OutputTarget(o.id(), o.name(), o.unit(), o.target(), o.version()))
                .toList());
    }

    @GetMapping("/progress-reports")
    List<ProgressReportView> reports(@PathVariable("allocationId") long allocationId) {
        return progress.reports(allocationId);
    }

    @GetMapping("/progress-reports/{reportId}")
    ProgressReportView report(@PathVariable("allocationId") long allocationId, @PathVariable("reportId") long reportId) {
        ProgressReportView report = progress.report(reportId);
        if (report.allocationId() != allocationId) {
            throw new NotFoundException("progress.report.notFound", reportId);
        }
        return report;
    }

    @PostMapping("/progress-reports")
    ResponseEntity<ProgressReportView> save(@PathVariable("allocationId") long allocationId,
                                            @Valid @RequestBody ReportBody body) {
        SavedReport saved = progress.save(allocationId, new ReportRequest(body.month(), body.physicalPercent(),
                body.outputs() == null ? List.of() : body.outputs().stream()
                        .map(o -> new AchievedOutput(o.outputId(), o.achieved())).toList(),
                body.narrative(), body.correctionReason(), body.version()));
        if (!saved.created()) {
            return ResponseEntity.ok(saved.report());
        }
        return ResponseEntity.created(URI.create("/api/v1/allocations/" + allocationId + "/progress-reports/"
                + saved.report().id())).body(saved.report());
    }

    record OutputRequest(Long id, String name, String unit, BigDecimal target, Long version) {
    }

    record ReportBody(@NotNull Integer month, @NotNull BigDecimal physicalPercent, List<@Valid OutputBody> outputs,
                      String narrative, String correctionReason, Long version) {
    }

    record OutputBody(@NotNull Long outputId, @NotNull BigDecimal achieved) {
    }
}
