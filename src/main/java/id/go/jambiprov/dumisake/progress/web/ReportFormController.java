package id.go.jambiprov.dumisake.progress.web;

import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.progress.AchievedOutput;
import id.go.jambiprov.dumisake.progress.ProgressReportView;
import id.go.jambiprov.dumisake.progress.ProgressReports;
import id.go.jambiprov.dumisake.progress.ReportRequest;
import id.go.jambiprov.dumisake.progress.ReportedOutput;
import id.go.jambiprov.dumisake.progress.SavedReport;
import id.go.jambiprov.dumisake.progress.domain.ReportMonth;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.Flash;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The operator's monthly report form: a new month's report, or the change of the month's open report. */
@Controller
@PreAuthorize("hasRole('OPD_OPERATOR')")
class ReportFormController {

    /** Which field a refusal belongs to; anything else is shown above the form. */
    private static final Map<String, String> FIELDS = Map.of(
            "MONTH_INVALID", "month", "MONTH_IN_FUTURE", "month", "MONTH_CLOSED", "month",
            "PERCENT_INVALID", "physicalPercent", "PROGRESS_DECREASE_NEEDS_REASON", "correctionReason",
            "NARRATIVE_TOO_LONG", "narrative", "REASON_TOO_LONG", "correctionReason");

    private final ProgressReports progress;
    private final ProgressPages pages;
    private final Flash flash;

    ReportFormController(ProgressReports progress, ProgressPages pages, Flash flash) {
        this.progress = progress;
        this.pages = pages;
        this.flash = flash;
    }

    @GetMapping("/alokasi/{allocationId}/kemajuan/laporan")
    String form(@PathVariable("allocationId") long allocationId,
                @RequestParam(name = "bulan", required = false) Integer month, Model model) {
        AllocationView allocation = pages.allocation(allocationId, model);
        List<ProgressReportView> reports = progress.reports(allocationId);
        int chosen = month != null ? month : Optional.ofNullable(pages.currentMonth(allocation.year())).orElse(1);
        Optional<ProgressReportView> existing = reports.stream().filter(r -> r.month() == chosen).findFirst();
        Optional<ProgressReportView> previous = reports.stream().filter(r -> r.month() < chosen).findFirst();
        ReportForm form = ReportForm.of(chosen, existing.or(() -> previous).orElse(null), existing.isPresent(),
                indicators(allocationId));
        model.addAttribute("reportForm", form);
        return page(allocation, form, reports, model);
    }

    @PostMapping("/alokasi/{allocationId}/kemajuan/laporan")
    String save(@PathVariable("allocationId") long allocationId, @ModelAttribute("reportForm") ReportForm form,
                BindingResult result, Model model, RedirectAttributes redirect) {
        AllocationView allocation = pages.allocation(allocationId, model);
        BigDecimal percent = number(form.getPhysicalPercent(), "physicalPercent", "progress.rule.percentInvalid", result);
        List<AchievedOutput> achieved = new ArrayList<>();
        for (int i = 0; i < form.getOutputs().size(); i++) {
            ReportForm.Output output = form.getOutputs().get(i);
            BigDecimal value = number(output.getAchieved(), "outputs[" + i + "].achieved",
                    "progress.rule.achievedInvalid", result);
            if (value != null && output.getOutputId() != null) {
                achieved.add(new AchievedOutput(output.getOutputId(), value));
            }
        }
        if (percent == null && !result.hasFieldErrors("physicalPercent")) {
            result.rejectValue("physicalPercent", "progress.rule.percentRequired");
        }
        if (form.getMonth() == null) {
            result.rejectValue("month", "progress.rule.monthInvalid");
        }
        if (!result.hasErrors()) {
            try {
                SavedReport saved = progress.save(allocationId, new ReportRequest(form.getMonth(), percent, achieved,
                        form.getNarrative(), form.getCorrectionReason(), form.getVersion()));
                flash.success(redirect, "progress.report.saved", ReportMonth.of(saved.report().year(), saved.report().month()));
                return "redirect:/alokasi/" + allocationId + "/kemajuan#laporan-" + saved.report().id();
            } catch (BusinessRuleException e) {
                String field = FIELDS.get(e.code());
                if (field != null) {
                    result.rejectValue(field, e.messageKey(), e.arguments(), null);
                } else {
                    result.reject(e.messageKey(), e.arguments(), null);
                }
            }
        }
        return page(allocation, form, progress.reports(allocationId), model);
    }

    private static BigDecimal number(String typed, String field, String messageKey, BindingResult result) {
        try {
            return Numbers.parse(typed);
        } catch (NumberFormatException e) {
            result.rejectValue(field, messageKey);
            return null;
        }
    }

    private List<ReportedOutput> indicators(long allocationId) {
        return progress.outputs(allocationId).stream()
                .map(o -> new ReportedOutput(o.id(), o.name(), o.unit(), o.target(), o.achieved())).toList();
    }

    private String page(AllocationView allocation, ReportForm form, List<ProgressReportView> reports, Model model) {
        model.addAttribute("indicators", indicators(allocation.id()));
        model.addAttribute("newMonths", pages.newReportMonths(allocation.year(), reports));
        model.addAttribute("editing", form.getMonth() != null
                && reports.stream().anyMatch(r -> r.month() == form.getMonth()));
        return "progress/report-form";
    }
}
