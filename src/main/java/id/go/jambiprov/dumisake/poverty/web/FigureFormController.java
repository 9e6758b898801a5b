package id.go.jambiprov.dumisake.poverty.web;

import id.go.jambiprov.dumisake.poverty.Indicator;
import id.go.jambiprov.dumisake.poverty.Period;
import id.go.jambiprov.dumisake.poverty.RegionFigures;
import id.go.jambiprov.dumisake.poverty.domain.Submission;
import id.go.jambiprov.dumisake.poverty.domain.Violation;
import id.go.jambiprov.dumisake.poverty.internal.FiguresRefusedException;
import id.go.jambiprov.dumisake.poverty.internal.PovertyFigureService;
import id.go.jambiprov.dumisake.poverty.internal.ViolationMessages;
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
import java.util.Set;

/** The admin's form for the figures of one region, year and period (the province also for September). */
@Controller
class FigureFormController {

    /** The form's own fields; any other violation (year, region, period, nothing given) concerns the form. */
    private static final Set<String> FIELDS = Set.of("povertyRate", "poorPeople", "population", "povertyLine", "p1",
            "p2", "extremePoor", "extremeRate", "source", "sourceBody", "note");

    private final PovertyFigureService changes;
    private final ViolationMessages messages;
    private final FigureFormats formats;
    private final Flash flash;

    FigureFormController(PovertyFigureService changes, ViolationMessages messages, FigureFormats formats,
                         Flash flash) {
        this.changes = changes;
        this.messages = messages;
        this.formats = formats;
        this.flash = flash;
    }

    @GetMapping("/kemiskinan/indikator/{year}/{code}")
    String form(@PathVariable int year, @PathVariable String code,
                @RequestParam(name = "periode", defaultValue = "MARET") Period period, Model model) {
        RegionFigures region = changes.forEditing(year, code, period);
        model.addAttribute("figureForm", FigureForm.of(region, formats::input));
        return page(region, model);
    }

    @PostMapping("/kemiskinan/indikator/{year}/{code}")
    String save(@PathVariable int year, @PathVariable String code,
                @RequestParam(name = "periode", defaultValue = "MARET") Period period,
                @ModelAttribute("figureForm") FigureForm form, BindingResult binding, Model model,
                RedirectAttributes redirect) {
        RegionFigures region = changes.forEditing(year, code, period);
        List<Violation> violations = new ArrayList<>();
        Submission submission = form.submission(region, period, violations);
        try {
            if (violations.isEmpty()) {
                int changed = changes.apply(List.of(submission));
                flash.success(redirect, "poverty.form.saved", changed);
                return "redirect:/kemiskinan/indikator?year=" + year;
            }
        } catch (FiguresRefusedException e) {
            violations.addAll(e.violations());
        }
        for (Violation violation : violations) {
            if (FIELDS.contains(violation.field())) {
                binding.rejectValue(violation.field(), violation.messageKey(), violation.arguments(),
                        messages.message(violation));
            } else {
                binding.reject(violation.messageKey(), violation.arguments(), messages.message(violation));
            }
        }
        return page(region, model);
    }

    private String page(RegionFigures region, Model model) {
        model.addAttribute("region", region);
        model.addAttribute("indicators", Indicator.values());
        return "poverty/form";
    }
}
