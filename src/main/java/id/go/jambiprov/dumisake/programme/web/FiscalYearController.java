package id.go.jambiprov.dumisake.programme.web;

import id.go.jambiprov.dumisake.programme.EnvelopeService;
import id.go.jambiprov.dumisake.programme.EnvelopeView;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.FiscalYearView;
import id.go.jambiprov.dumisake.programme.domain.FiscalYear;
import id.go.jambiprov.dumisake.region.RegionService;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.money.MoneyInput;
import id.go.jambiprov.dumisake.shared.money.MoneyFormatException;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import lombok.Data;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Fiscal years and the envelope overview of a year. */
@Controller
@RequestMapping("/tahun-anggaran")
@PreAuthorize("hasAnyRole('ADMIN', 'EXPERT')")
class FiscalYearController {

    private static final Map<String, Comparator<EnvelopeView>> SORTS = Map.of(
            "kecamatan", Comparator.comparing(EnvelopeView::kecamatanName),
            "kabupatenKota", Comparator.comparing(EnvelopeView::kabupatenKotaName)
                    .thenComparing(EnvelopeView::kecamatanCode),
            "code", Comparator.comparing(EnvelopeView::kecamatanCode),
            "pagu", Comparator.comparing(EnvelopeView::pagu),
            "allocated", Comparator.comparing(EnvelopeView::allocated),
            "remaining", Comparator.comparing(EnvelopeView::remaining),
            "percent", Comparator.comparing(FiscalYearController::share),
            "realised", Comparator.comparing(EnvelopeView::realised));

    private final FiscalYearService fiscalYears;
    private final EnvelopeService envelopes;
    private final RegionService regions;
    private final MessageSource messages;

    FiscalYearController(FiscalYearService fiscalYears, EnvelopeService envelopes, RegionService regions,
                         MessageSource messages) {
        this.fiscalYears = fiscalYears;
        this.envelopes = envelopes;
        this.regions = regions;
        this.messages = messages;
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
                result.reject(e.messageKey(), e.arguments(), null);
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
            redirect.addFlashAttribute("yearError", message(e.messageKey()));
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("yearError", message(e.messageKey(), e.arguments()));
        }
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
            redirect.addFlashAttribute("yearError", message(e.messageKey(), e.arguments()));
            redirect.addFlashAttribute("errorYear", year);
        }
        return "redirect:/tahun-anggaran";
    }

    @GetMapping("/{year}")
    String envelopes(@PathVariable int year, @RequestParam(required = false) String kabupatenKota,
                     @RequestParam(defaultValue = "code,asc") String sort, Model model) {
        FiscalYearView fiscalYear = fiscalYears.get(year);
        String[] sortParts = sort.split(",");
        Comparator<EnvelopeView> order = SORTS.getOrDefault(sortParts[0], SORTS.get("code"));
        if (sortParts.length > 1 && sortParts[1].equalsIgnoreCase("desc")) {
            order = order.reversed();
        }
        List<EnvelopeView> rows = envelopes.overview(year, kabupatenKota).stream().sorted(order).toList();
        model.addAttribute("fiscalYear", fiscalYear);
        model.addAttribute("envelopes", rows);
        model.addAttribute("kabupatenKotaList", regions.kabupatenKota());
        model.addAttribute("kabupatenKota", kabupatenKota);
        model.addAttribute("totalPagu", rows.stream().map(EnvelopeView::pagu).reduce(BigDecimal.ZERO, BigDecimal::add));
        model.addAttribute("totalAllocated",
                rows.stream().map(EnvelopeView::allocated).reduce(BigDecimal.ZERO, BigDecimal::add));
        model.addAttribute("totalRealised",
                rows.stream().map(EnvelopeView::realised).reduce(BigDecimal.ZERO, BigDecimal::add));
        return "programme/envelopes";
    }

    private static BigDecimal share(EnvelopeView envelope) {
        return envelope.allocated().divide(envelope.pagu(), 6, RoundingMode.HALF_UP);
    }

    private void flash(RedirectAttributes redirect, String key, Object... arguments) {
        redirect.addFlashAttribute("flashSuccess", message(key, arguments));
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    @Data
    static class OpenYearForm {
        private Integer year;
        private String pagu;
    }
}
