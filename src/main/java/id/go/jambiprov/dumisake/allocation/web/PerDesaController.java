package id.go.jambiprov.dumisake.allocation.web;

import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.allocation.PerDesaShortfallException;
import id.go.jambiprov.dumisake.allocation.domain.WholeRupiah;
import id.go.jambiprov.dumisake.allocation.internal.PerDesaAllocation;
import id.go.jambiprov.dumisake.allocation.internal.PerDesaAllocations;
import id.go.jambiprov.dumisake.allocation.internal.PerDesaResult;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.FormRefusal;
import id.go.jambiprov.dumisake.shared.money.MoneyInput;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** "Amount X to every desa of a kecamatan, a kabupaten/kota or the province": the admin's form. */
@Controller
@RequestMapping("/alokasi/per-desa")
@PreAuthorize("hasRole('ADMIN')")
class PerDesaController {

    private static final Map<String, String> FIELDS = Map.of(WholeRupiah.CODE, "amountPerDesa",
            "SCOPE_REQUIRED", "scope", "NO_DESA", "scope", "FISCAL_YEAR_CLOSED", "year",
            "OPD_UNKNOWN", "opdCode", "OPD_INACTIVE", "opdCode", "PROGRAMME_UNKNOWN", "programmeCode",
            "PROGRAMME_INACTIVE", "programmeCode");

    private final PerDesaAllocations allocations;
    private final AllocationPages pages;

    PerDesaController(PerDesaAllocations allocations, AllocationPages pages) {
        this.allocations = allocations;
        this.pages = pages;
    }

    @GetMapping
    String form(Model model) {
        PerDesaForm form = new PerDesaForm();
        pages.openYears().stream().findFirst().ifPresent(y -> form.setYear(y.year()));
        form.setTitle(pages.message("allocation.perDesa.defaultTitle"));
        return form(form, model);
    }

    @PostMapping
    String allocate(@Valid @ModelAttribute("perDesaForm") PerDesaForm form, BindingResult result, Model model,
                    RedirectAttributes redirect) {
        BigDecimal amount = MoneyInput.parse(form.getAmountPerDesa(), "amountPerDesa", result);
        if (result.hasErrors()) {
            return form(form, model);
        }
        try {
            PerDesaResult written = allocations.allocate(new PerDesaAllocation(form.getYear(), form.codeOf("kec"),
                    form.codeOf("kab"), PerDesaForm.PROVINCE.equals(form.getScope()), form.isOnlyDesa(),
                    form.getOpdCode(), form.getProgrammeCode(), form.getTitle(), amount, form.getPlannedMonth(),
                    form.isIncludeExisting(), form.isFitOnly()));
            redirect.addFlashAttribute("perDesaResult", written);
            redirect.addFlashAttribute("perDesaList", listOf(form));
            return "redirect:/alokasi/per-desa";
        } catch (PerDesaShortfallException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            model.addAttribute("shortfalls", e.shortfalls());
        } catch (BusinessRuleException e) {
            FormRefusal.reject(result, e, FIELDS);
        }
        return form(form, model);
    }

    /** The allocation list filtered to what this run wrote (and what the same programme already held there). */
    private static String listOf(PerDesaForm form) {
        return UriComponentsBuilder.fromPath("/alokasi").queryParam("year", form.getYear())
                .queryParam("programme", form.getProgrammeCode()).queryParam("opd", form.getOpdCode())
                .queryParam("mechanism", Mechanism.BANTUAN_KEUANGAN_DESA)
                .queryParamIfPresent("kabupatenKota", Optional.ofNullable(form.codeOf("kab")))
                .queryParamIfPresent("kecamatan", Optional.ofNullable(form.codeOf("kec")))
                .encode().toUriString();
    }

    private String form(PerDesaForm form, Model model) {
        model.addAttribute("perDesaForm", form);
        model.addAttribute("years", pages.openYears());
        pages.addFormChoices(model);
        return "allocation/per-desa";
    }
}
