package id.go.jambiprov.dumisake.progress.web;

import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.progress.ProgressReportView;
import id.go.jambiprov.dumisake.progress.ProgressReports;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.List;

/**
 * The progress of an allocation month by month, with its outputs against their targets; the short summary the
 * allocation's page loads; and the address of one report (audit trail, other capabilities' links).
 */
@Controller
class ProgressController {

    private final ProgressReports progress;
    private final ProgressPages pages;

    ProgressController(ProgressReports progress, ProgressPages pages) {
        this.progress = progress;
        this.pages = pages;
    }

    @GetMapping("/alokasi/{allocationId}/kemajuan")
    String reports(@PathVariable("allocationId") long allocationId, Model model) {
        AllocationView allocation = pages.allocation(allocationId, model);
        List<ProgressReportView> reports = progress.reports(allocationId);
        model.addAttribute("reports", reports);
        model.addAttribute("outputs", progress.outputs(allocationId));
        model.addAttribute("newMonths", pages.newReportMonths(allocation.year(), reports));
        model.addAttribute("currentMonth", pages.currentMonth(allocation.year()));
        return "progress/reports";
    }

    @GetMapping("/alokasi/{allocationId}/kemajuan/ringkasan")
    String summary(@PathVariable("allocationId") long allocationId, Model model) {
        model.addAttribute("summary", progress.latest(allocationId));
        return "progress/fragments :: summary";
    }

    @GetMapping("/laporan-kemajuan/{reportId}")
    String report(@PathVariable("reportId") long reportId) {
        ProgressReportView report = progress.report(reportId);
        return "redirect:/alokasi/" + report.allocationId() + "/kemajuan#laporan-" + report.id();
    }
}
