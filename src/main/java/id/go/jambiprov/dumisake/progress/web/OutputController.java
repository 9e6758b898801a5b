package id.go.jambiprov.dumisake.progress.web;

import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.progress.OutputTarget;
import id.go.jambiprov.dumisake.progress.OutputTargetViolation;
import id.go.jambiprov.dumisake.progress.OutputUnits;
import id.go.jambiprov.dumisake.progress.ProgressReports;
import id.go.jambiprov.dumisake.progress.domain.OutputTargetsRefused;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.List;

/** The output targets (indikator keluaran) of an allocation: the list, and its form for the admin and the OPD. */
@Controller
class OutputController {

    private final ProgressReports progress;
    private final ProgressPages pages;
    private final Flash flash;

    OutputController(ProgressReports progress, ProgressPages pages, Flash flash) {
        this.progress = progress;
        this.pages = pages;
        this.flash = flash;
    }

    @GetMapping("/alokasi/{allocationId}/keluaran")
    String show(@PathVariable("allocationId") long allocationId, Model model) {
        pages.allocation(allocationId, model);
        model.addAttribute("outputsForm", OutputsForm.of(progress.outputs(allocationId)));
        return page(allocationId, model);
    }

    @PostMapping("/alokasi/{allocationId}/keluaran")
    String save(@PathVariable("allocationId") long allocationId, @ModelAttribute("outputsForm") OutputsForm form,
                BindingResult result, @RequestParam(defaultValue = "save") String action, Model model,
                RedirectAttributes redirect) {
        AllocationView allocation = pages.allocation(allocationId, model);
        if ("add".equals(action)) {
            form.addBlankRows();
            return page(allocationId, model);
        }
        List<OutputTarget> targets = new ArrayList<>();
        List<Integer> formRows = new ArrayList<>();
        for (int i = 0; i < form.getRows().size(); i++) {
            OutputsForm.Row row = form.getRows().get(i);
            if (row.isRemove() || row.blank()) {
                continue;
            }
            try {
                targets.add(new OutputTarget(row.getId(), row.getName(), row.getUnit(), Numbers.parse(row.getTarget()),
                        row.getVersion()));
                formRows.add(i);
            } catch (NumberFormatException e) {
                result.rejectValue("rows[" + i + "].target", "progress.output.targetInvalid");
            }
        }
        if (!result.hasErrors()) {
            try {
                progress.setOutputs(allocationId, targets);
                flash.success(redirect, "progress.output.saved", allocation.title());
                return "redirect:/alokasi/" + allocationId + "/keluaran";
            } catch (OutputTargetsRefused e) {
                for (OutputTargetViolation v : e.violations()) {
                    int row = v.row() < formRows.size() ? formRows.get(v.row()) : formRows.size() - 1;
                    result.rejectValue("rows[" + row + "]." + v.field(), v.messageKey(), v.arguments(), null);
                }
            } catch (BusinessRuleException e) {
                result.reject(e.messageKey(), e.arguments(), null);
            }
        }
        return page(allocationId, model);
    }

    private String page(long allocationId, Model model) {
        model.addAttribute("outputs", progress.outputs(allocationId));
        model.addAttribute("units", OutputUnits.OFFERED);
        return "progress/outputs";
    }
}
