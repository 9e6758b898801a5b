package id.go.jambiprov.dumisake.programme.web;

import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.FiscalYearView;
import id.go.jambiprov.dumisake.programme.domain.FiscalYear;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.Flash;
import id.go.jambiprov.dumisake.shared.FormRefusal;
import id.go.jambiprov.dumisake.shared.StaleVersionException;
import id.go.jambiprov.dumisake.shared.money.MoneyFormatException;
import id.go.jambiprov.dumisake.shared.money.MoneyInput;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import lombok.Data;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.util.Map;

/** Fiscal years: opening, the pagu, closing (the envelopes of a year are the allocation pages'). */
@Controller
@RequestMapping("/tahun-anggaran")
@PreAuthorize("hasAnyRole('ADMIN', 'EXPERT')")
class FiscalYearController {

    /** The field each refusal of opening a year concerns. */
    private static final Map<String, String> OPEN_FIELDS = Map.of("FISCAL_YEAR_EXISTS", "year",
            "FISCAL_YEAR_INVALID", "year", "SEN_NOT_ALLOWED", "pagu");

    private final FiscalYearService fiscalYears;
    private final Flash flash;

    FiscalYearController(FiscalYearService fiscalYears, Flash flash) {
        this.fiscalYears = fiscalYears;
        this.flash = flash;
    }

    @GetMapping
    String list(Model model) {
        if (!model.containsAttribute("openForm")) {
            OpenYearForm form = new OpenYearForm();
            form.setPagu(Rupiah.format(FiscalYear.DEFAULT_PAGU));
            model.addAttribute("openForm", form);
        }
        model.addAttribute("years", fiscalYears.all());
        return "programme/fiscal-years";
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    String open(@ModelAttribute("openForm") OpenYearForm form, BindingResult result, Model model,
                RedirectAttributes redirect) {
        if (form.getYear() == null) {
            result.rejectValue("year", "NotNull");
        }
        BigDecimal pagu = MoneyInput.parse(form.getPagu(), "pagu", result);
        if (!result.hasErrors()) {
            try {
                FiscalYearView opened = fiscalYears.open(form.getYear(), pagu);
                flash(redirect, "fiscalYear.opened", opened.year(), opened.envelopeCount());
                return "redirect:/tahun-anggaran/" + opened.year();
            } catch (BusinessRuleException e) {
                FormRefusal.reject(result, e, OPEN_FIELDS);
            }
        }
        return list(model);
    }

    @PostMapping("/{year}/pagu")
    @PreAuthorize("hasRole('ADMIN')")
    String changePagu(@PathVariable int year, @RequestParam String pagu, @RequestParam long version,
                      RedirectAttributes redirect) {
        try {
            BigDecimal newPagu = Rupiah.parse(pagu);
            fiscalYears.changePagu(year, newPagu, version);
            flash(redirect, "fiscalYear.paguChanged", year, Rupiah.format(newPagu));
            return "redirect:/tahun-anggaran";
        } catch (MoneyFormatException e) {
            redirect.addFlashAttribute("paguError", flash.text(e.messageKey()));
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("paguError", flash.text("problem.staleVersion"));
        } catch (BusinessRuleException e) {
            Object over = e.details().get("kecamatan");
            // a long refusal (the kecamatan that hold more than the new pagu) becomes a table, not a sentence
            redirect.addFlashAttribute("paguError", over == null ? flash.text(e.messageKey(), e.arguments())
                    : flash.text("fiscalYear.paguBelowAllocatedShort", e.arguments()));
            redirect.addFlashAttribute("paguOver", over);
        }
        redirect.addFlashAttribute("typedPagu", pagu);
        redirect.addFlashAttribute("errorYear", year);
        return "redirect:/tahun-anggaran";
    }

    @PostMapping("/{year}/tutup")
    @PreAuthorize("hasRole('ADMIN')")
    String close(@PathVariable int year, @RequestParam long version, RedirectAttributes redirect) {
        try {
            fiscalYears.close(year, version);
            flash(redirect, "fiscalYear.closedNow", year);
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("closeError", flash.text(e.messageKey(), e.arguments()));
            redirect.addFlashAttribute("errorYear", year);
        } catch (StaleVersionException e) {
            // said under the year's close button, not on a page of its own
            redirect.addFlashAttribute("closeError", flash.text("problem.staleVersion"));
            redirect.addFlashAttribute("errorYear", year);
        }
        return "redirect:/tahun-anggaran";
    }

    private void flash(RedirectAttributes redirect, String key, Object... arguments) {
        flash.success(redirect, key, arguments);
    }


    @Data
    static class OpenYearForm {
        private Integer year;
        private String pagu;
    }
}
