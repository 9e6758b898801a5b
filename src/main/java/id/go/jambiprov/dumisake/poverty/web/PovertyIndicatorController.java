package id.go.jambiprov.dumisake.poverty.web;

import id.go.jambiprov.dumisake.poverty.Indicator;
import id.go.jambiprov.dumisake.poverty.PovertyFigures;
import id.go.jambiprov.dumisake.poverty.internal.FiguresRefusedException;
import id.go.jambiprov.dumisake.poverty.internal.PovertyFigureService;
import id.go.jambiprov.dumisake.poverty.internal.ViolationMessages;
import id.go.jambiprov.dumisake.shared.Flash;
import id.go.jambiprov.dumisake.shared.JambiTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

/**
 * The table of official figures per kabupaten/kota and the province for a year, read by everyone signed in;
 * admins also switch the value that counts to an alternative here.
 */
@Controller
class PovertyIndicatorController {

    private final PovertyFigures figures;
    private final PovertyFigureService changes;
    private final ViolationMessages violations;
    private final Flash flash;
    private final Clock clock;

    PovertyIndicatorController(PovertyFigures figures, PovertyFigureService changes, ViolationMessages violations,
                               Flash flash, Clock clock) {
        this.figures = figures;
        this.changes = changes;
        this.violations = violations;
        this.flash = flash;
        this.clock = clock;
    }

    @GetMapping("/kemiskinan/indikator")
    String table(@RequestParam(required = false) Integer year, Model model) {
        List<Integer> years = figures.years();
        int thisYear = LocalDate.now(clock.withZone(JambiTime.ZONE)).getYear();
        int shown = year != null ? year : years.isEmpty() ? thisYear : years.get(years.size() - 1);
        TreeSet<Integer> choices = new TreeSet<>(years);
        choices.add(shown);
        choices.add(thisYear);
        model.addAttribute("year", shown);
        model.addAttribute("years", choices.descendingSet());
        model.addAttribute("regions", figures.ofYear(shown));
        model.addAttribute("september", figures.provinceSeptember(shown));
        model.addAttribute("indicators", Indicator.values());
        return "poverty/indicators";
    }

    @PostMapping("/kemiskinan/indikator/pilih/{figureId}")
    String choose(@PathVariable long figureId, @RequestParam(required = false) Integer year,
                  RedirectAttributes redirect) {
        try {
            changes.choose(figureId);
            flash.success(redirect, "poverty.chosen");
        } catch (FiguresRefusedException e) {
            redirect.addFlashAttribute("flashError", violations.message(e.violations().get(0)));
        }
        return year == null ? "redirect:/kemiskinan/indikator" : "redirect:/kemiskinan/indikator?year=" + year;
    }
}
