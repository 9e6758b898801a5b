package id.go.jambiprov.dumisake.allocation.web;

import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.allocation.NewAllocation;
import id.go.jambiprov.dumisake.allocation.domain.WholeRupiah;
import id.go.jambiprov.dumisake.allocation.internal.AllocationService;
import id.go.jambiprov.dumisake.allocation.internal.EnvelopeQueries;
import id.go.jambiprov.dumisake.programme.FiscalYearView;
import id.go.jambiprov.dumisake.region.RegionService;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.FormRefusal;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import id.go.jambiprov.dumisake.shared.money.MoneyInput;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import jakarta.validation.Valid;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The admin's form for one new allocation, with what the chosen envelope has left. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class NewAllocationController {

    /** The field each refusal of a new allocation concerns. */
    private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry(WholeRupiah.CODE, "amount"),
            Map.entry("ENVELOPE_EXCEEDED", "amount"), Map.entry("FISCAL_YEAR_CLOSED", "year"),
            Map.entry("KECAMATAN_UNKNOWN", "kecamatanCode"), Map.entry("OPD_UNKNOWN", "opdCode"),
            Map.entry("OPD_INACTIVE", "opdCode"), Map.entry("PROGRAMME_UNKNOWN", "programmeCode"),
            Map.entry("PROGRAMME_INACTIVE", "programmeCode"), Map.entry("DESA_UNKNOWN", "desaCode"),
            Map.entry("DESA_REQUIRED", "desaCode"), Map.entry("DESA_NOT_ALLOWED", "desaCode"),
            Map.entry("DESA_OUTSIDE_KECAMATAN", "desaCode"));

    private final AllocationService allocations;
    private final EnvelopeQueries envelopes;
    private final RegionService regions;
    private final AllocationPages pages;

    NewAllocationController(AllocationService allocations, EnvelopeQueries envelopes, RegionService regions,
                            AllocationPages pages) {
        this.allocations = allocations;
        this.envelopes = envelopes;
        this.regions = regions;
        this.pages = pages;
    }

    @GetMapping("/alokasi/baru")
    String newForm(@RequestParam(required = false) Integer year, @RequestParam(required = false) String kecamatan,
                   Model model) {
        AllocationForm form = new AllocationForm();
        form.setYear(year);
        form.setKecamatanCode(kecamatan);
        form.setMechanism(Mechanism.BELANJA_OPD);
        return form(form, model);
    }

    @PostMapping("/alokasi")
    String create(@Valid @ModelAttribute("allocationForm") AllocationForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        BigDecimal amount = MoneyInput.parse(form.getAmount(), "amount", result);
        if (result.hasErrors()) {
            return form(form, model);
        }
        try {
            AllocationView created = allocations.create(new NewAllocation(form.getYear(), form.getKecamatanCode(),
                    form.getOpdCode(), form.getProgrammeCode(), form.getMechanism(), form.getDesaCode(),
                    form.getTitle(), amount, form.getPlannedMonth()));
            pages.flash(redirect, "allocation.created", created.id(), Rupiah.format(created.amount()),
                    created.kecamatanName());
            return "redirect:/tahun-anggaran/" + created.year() + "/kecamatan/" + created.kecamatanCode();
        } catch (BusinessRuleException e) {
            FormRefusal.reject(result, e, FIELDS);
            if ("desaCode".equals(FIELDS.get(e.code()))) {
                // the desa select belongs to the htmx fragment, which is rendered without the form's binding
                model.addAttribute("desaError", pages.message(e.messageKey(), e.arguments()));
            }
            return form(form, model);
        }
    }

    /** The part of the form that follows the chosen envelope: what is left in it and its desa (htmx). */
    @GetMapping("/alokasi/konteks")
    String envelopeContext(@RequestParam(required = false) Integer year,
                           @RequestParam(required = false) String kecamatanCode,
                           @RequestParam(required = false) String desaCode, Model model) {
        AllocationForm form = new AllocationForm();
        form.setYear(year);
        form.setKecamatanCode(kecamatanCode);
        form.setDesaCode(desaCode);
        addEnvelopeContext(form, model);
        return "allocation/form :: envelopeContext";
    }

    private String form(AllocationForm form, Model model) {
        model.addAttribute("allocationForm", form);
        List<FiscalYearView> openYears = pages.openYears();
        if (form.getYear() == null && !openYears.isEmpty()) {
            form.setYear(openYears.get(0).year());
        }
        model.addAttribute("years", openYears);
        pages.addFormChoices(model);
        model.addAttribute("mechanisms", Mechanism.values());
        addEnvelopeContext(form, model);
        return "allocation/form";
    }

    private void addEnvelopeContext(AllocationForm form, Model model) {
        model.addAttribute("allocationForm", form);
        if (form.getYear() != null && form.getKecamatanCode() != null && !form.getKecamatanCode().isBlank()) {
            try {
                model.addAttribute("envelope", envelopes.get(form.getYear(), form.getKecamatanCode()));
                model.addAttribute("desaList", regions.desa(null, form.getKecamatanCode(), null,
                        Pageable.unpaged(Sort.by("code"))).getContent());
            } catch (NotFoundException e) {
                // a code typed into the request by hand: the form's own message says it is unknown
            }
        }
    }
}
