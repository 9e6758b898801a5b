package id.go.jambiprov.dumisake.allocation.web;

import id.go.jambiprov.dumisake.allocation.PerDesaShortfallException;
import id.go.jambiprov.dumisake.allocation.internal.AllocationService;
import id.go.jambiprov.dumisake.allocation.internal.PerDesaAllocation;
import id.go.jambiprov.dumisake.allocation.internal.PerDesaResult;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.money.MoneyInput;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
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

import java.math.BigDecimal;

/** "Amount X to every desa of a kecamatan or kabupaten/kota": the admin's form, all or nothing. */
@Controller
@RequestMapping("/alokasi/per-desa")
@PreAuthorize("hasRole('ADMIN')")
class PerDesaController {

    private final AllocationService allocations;
    private final AllocationPages pages;

    PerDesaController(AllocationService allocations, AllocationPages pages) {
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
        boolean kecamatanScope = form.getScope().startsWith("kec:");
        String code = form.getScope().substring(form.getScope().indexOf(':') + 1);
        try {
            PerDesaResult written = allocations.allocatePerDesa(new PerDesaAllocation(form.getYear(),
                    kecamatanScope ? code : null, kecamatanScope ? null : code, form.isOnlyDesa(), form.getOpdCode(),
                    form.getProgrammeCode(), form.getTitle(), amount, form.getPlannedMonth()));
            pages.flash(redirect, "allocation.perDesa.done", written.allocations(), written.kecamatan(),
                    Rupiah.format(written.total()));
            return "redirect:/tahun-anggaran/" + form.getYear();
        } catch (PerDesaShortfallException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            model.addAttribute("shortfalls", e.shortfalls());
        } catch (BusinessRuleException e) {
            result.reject(e.messageKey(), e.arguments(), null);
        }
        return form(form, model);
    }

    private String form(PerDesaForm form, Model model) {
        model.addAttribute("perDesaForm", form);
        model.addAttribute("years", pages.openYears());
        pages.addFormChoices(model);
        return "allocation/per-desa";
    }
}
