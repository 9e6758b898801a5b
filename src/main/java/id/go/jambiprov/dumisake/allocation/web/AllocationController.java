package id.go.jambiprov.dumisake.allocation.web;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.allocation.AllocationFilter;
import id.go.jambiprov.dumisake.allocation.AllocationService;
import id.go.jambiprov.dumisake.allocation.AllocationStatus;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.allocation.NewAllocation;
import id.go.jambiprov.dumisake.allocation.PerDesaAllocation;
import id.go.jambiprov.dumisake.allocation.PerDesaResult;
import id.go.jambiprov.dumisake.allocation.PerDesaShortfallException;
import id.go.jambiprov.dumisake.audit.AuditLog;
import id.go.jambiprov.dumisake.opd.OpdService;
import id.go.jambiprov.dumisake.programme.EnvelopeService;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.FiscalYearView;
import id.go.jambiprov.dumisake.programme.ProgrammeService;
import id.go.jambiprov.dumisake.region.RegionService;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import id.go.jambiprov.dumisake.shared.money.MoneyFormatException;
import id.go.jambiprov.dumisake.shared.money.MoneyInput;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
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
import java.util.List;

/** Allocation pages: the list (scoped to the operator's OPD), the detail, and the admin's forms. */
@Controller
class AllocationController {

    private final AllocationService allocations;
    private final FiscalYearService fiscalYears;
    private final EnvelopeService envelopes;
    private final ProgrammeService programmes;
    private final RegionService regions;
    private final OpdService opds;
    private final MessageSource messages;
    private final AuditLog auditLog;

    AllocationController(AllocationService allocations, FiscalYearService fiscalYears, EnvelopeService envelopes,
                         ProgrammeService programmes, RegionService regions, OpdService opds,
                         MessageSource messages, AuditLog auditLog) {
        this.allocations = allocations;
        this.fiscalYears = fiscalYears;
        this.envelopes = envelopes;
        this.programmes = programmes;
        this.regions = regions;
        this.opds = opds;
        this.messages = messages;
        this.auditLog = auditLog;
    }

    @GetMapping("/alokasi")
    String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) String kabupatenKota,
                @RequestParam(required = false) String kecamatan, @RequestParam(required = false) String opd,
                @RequestParam(required = false) String programme, @RequestParam(required = false) Mechanism mechanism,
                @RequestParam(required = false) AllocationStatus status,
                @PageableDefault(size = 50) Pageable pageable, Model model) {
        List<FiscalYearView> years = fiscalYears.all();
        Integer selectedYear = year != null ? year : years.stream().findFirst().map(FiscalYearView::year).orElse(null);
        AllocationFilter filter = new AllocationFilter(selectedYear, kabupatenKota, kecamatan, opd, programme,
                mechanism, status);
        model.addAttribute("filter", filter);
        model.addAttribute("page", allocations.search(filter, pageable));
        model.addAttribute("totals", allocations.totals(filter));
        model.addAttribute("years", years);
        model.addAttribute("kabupatenKotaList", regions.kabupatenKota());
        model.addAttribute("kecamatanList", regions.kecamatan(kabupatenKota, null, Pageable.unpaged(Sort.by("code"))));
        model.addAttribute("opds", opds.all());
        model.addAttribute("programmes", programmes.all());
        model.addAttribute("mechanisms", Mechanism.values());
        model.addAttribute("statuses", AllocationStatus.values());
        model.addAttribute("scopedOpd", CurrentUser.opdScope());
        return "allocation/list";
    }

    @GetMapping("/alokasi/{allocationId}")
    String detail(@PathVariable("allocationId") long id, Model model) {
        model.addAttribute("allocation", allocations.get(id));
        model.addAttribute("history", auditLog.history("Allocation", id));
        return "allocation/detail";
    }

    @GetMapping("/alokasi/baru")
    @PreAuthorize("hasRole('ADMIN')")
    String newForm(@RequestParam(required = false) Integer year, @RequestParam(required = false) String kecamatan,
                   Model model) {
        AllocationForm form = new AllocationForm();
        form.setYear(year);
        form.setKecamatanCode(kecamatan);
        form.setMechanism(Mechanism.BELANJA_OPD);
        return form(form, model);
    }

    @PostMapping("/alokasi")
    @PreAuthorize("hasRole('ADMIN')")
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
            flash(redirect, "allocation.created", created.id(), Rupiah.format(created.amount()),
                    created.kecamatanName());
            return "redirect:/tahun-anggaran/" + created.year() + "/kecamatan/" + created.kecamatanCode();
        } catch (BusinessRuleException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return form(form, model);
        }
    }

    /** The part of the form that follows the chosen envelope: what is left in it and its desa (htmx). */
    @GetMapping("/alokasi/konteks")
    @PreAuthorize("hasRole('ADMIN')")
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

    @PostMapping("/alokasi/{allocationId}/jumlah")
    @PreAuthorize("hasRole('ADMIN')")
    String revise(@PathVariable("allocationId") long id, @RequestParam String amount, @RequestParam long version,
                  RedirectAttributes redirect) {
        try {
            AllocationView revised = allocations.revise(id, Rupiah.parse(amount), version);
            flash(redirect, "allocation.revised", Rupiah.format(revised.amount()));
        } catch (MoneyFormatException e) {
            redirect.addFlashAttribute("actionError", message(e.messageKey()));
            redirect.addFlashAttribute("typedAmount", amount);
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("actionError", message(e.messageKey(), e.arguments()));
            redirect.addFlashAttribute("typedAmount", amount);
        }
        return "redirect:/alokasi/" + id;
    }

    @PostMapping("/alokasi/{allocationId}/batal")
    @PreAuthorize("hasRole('ADMIN')")
    String cancel(@PathVariable("allocationId") long id, @RequestParam(required = false) String reason, @RequestParam long version,
                  RedirectAttributes redirect) {
        try {
            allocations.cancel(id, reason, version);
            flash(redirect, "allocation.cancelledNow", id);
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("actionError", message(e.messageKey(), e.arguments()));
        }
        return "redirect:/alokasi/" + id;
    }

    @GetMapping("/alokasi/per-desa")
    @PreAuthorize("hasRole('ADMIN')")
    String perDesaForm(Model model) {
        PerDesaForm form = new PerDesaForm();
        fiscalYears.all().stream().filter(FiscalYearView::open).findFirst().ifPresent(y -> form.setYear(y.year()));
        form.setTitle(messages.getMessage("allocation.perDesa.defaultTitle", null, LocaleContextHolder.getLocale()));
        return perDesaForm(form, model);
    }

    @PostMapping("/alokasi/per-desa")
    @PreAuthorize("hasRole('ADMIN')")
    String perDesa(@Valid @ModelAttribute("perDesaForm") PerDesaForm form, BindingResult result, Model model,
                   RedirectAttributes redirect) {
        BigDecimal amount = MoneyInput.parse(form.getAmountPerDesa(), "amountPerDesa", result);
        if (result.hasErrors()) {
            return perDesaForm(form, model);
        }
        boolean kecamatanScope = form.getScope().startsWith("kec:");
        String code = form.getScope().substring(form.getScope().indexOf(':') + 1);
        try {
            PerDesaResult written = allocations.allocatePerDesa(new PerDesaAllocation(form.getYear(),
                    kecamatanScope ? code : null, kecamatanScope ? null : code, form.isOnlyDesa(), form.getOpdCode(),
                    form.getProgrammeCode(), form.getTitle(), amount, form.getPlannedMonth()));
            flash(redirect, "allocation.perDesa.done", written.allocations(), written.kecamatan(),
                    Rupiah.format(written.total()));
            return "redirect:/tahun-anggaran/" + form.getYear();
        } catch (PerDesaShortfallException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            model.addAttribute("shortfalls", e.shortfalls());
        } catch (BusinessRuleException e) {
            result.reject(e.messageKey(), e.arguments(), null);
        }
        return perDesaForm(form, model);
    }

    @GetMapping("/tahun-anggaran/{year}/kecamatan/{code}")
    @PreAuthorize("hasAnyRole('ADMIN', 'EXPERT')")
    String kecamatan(@PathVariable int year, @PathVariable String code,
                     @PageableDefault(size = 100, sort = "id", direction = Sort.Direction.ASC) Pageable pageable,
                     Model model) {
        model.addAttribute("envelope", envelopes.get(year, code));
        AllocationFilter filter = AllocationFilter.ofEnvelope(year, code);
        model.addAttribute("page", allocations.search(filter, pageable));
        model.addAttribute("totals", allocations.totals(filter));
        return "allocation/kecamatan";
    }

    private String form(AllocationForm form, Model model) {
        model.addAttribute("allocationForm", form);
        List<FiscalYearView> openYears = fiscalYears.all().stream().filter(FiscalYearView::open).toList();
        if (form.getYear() == null && !openYears.isEmpty()) {
            form.setYear(openYears.get(0).year());
        }
        model.addAttribute("years", openYears);
        model.addAttribute("kabupatenKotaList", regions.kabupatenKota());
        model.addAttribute("kecamatanList", regions.kecamatan(null, null, Pageable.unpaged(Sort.by("code"))));
        model.addAttribute("opds", opds.all().stream().filter(o -> o.active()).toList());
        model.addAttribute("programmes", programmes.all().stream().filter(p -> p.active()).toList());
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

    private String perDesaForm(PerDesaForm form, Model model) {
        model.addAttribute("perDesaForm", form);
        model.addAttribute("years", fiscalYears.all().stream().filter(FiscalYearView::open).toList());
        model.addAttribute("kabupatenKotaList", regions.kabupatenKota());
        model.addAttribute("kecamatanList", regions.kecamatan(null, null, Pageable.unpaged(Sort.by("code"))));
        model.addAttribute("opds", opds.all().stream().filter(o -> o.active()).toList());
        model.addAttribute("programmes", programmes.all().stream().filter(p -> p.active()).toList());
        return "allocation/per-desa";
    }

    private void flash(RedirectAttributes redirect, String key, Object... arguments) {
        redirect.addFlashAttribute("flashSuccess", message(key, arguments));
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
