package id.go.jambiprov.dumisake.disbursement.web;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.disbursement.internal.DisbursementQueries;
import id.go.jambiprov.dumisake.disbursement.internal.DisbursementService;
import id.go.jambiprov.dumisake.disbursement.DisbursementStatus;
import id.go.jambiprov.dumisake.disbursement.DisbursementView;
import id.go.jambiprov.dumisake.disbursement.internal.EvidenceFile;
import id.go.jambiprov.dumisake.disbursement.internal.NewDisbursement;
import id.go.jambiprov.dumisake.disbursement.internal.QueueFilter;
import id.go.jambiprov.dumisake.disbursement.internal.StoredEvidence;
import id.go.jambiprov.dumisake.disbursement.internal.WorkListFilter;
import id.go.jambiprov.dumisake.audit.AuditLog;
import id.go.jambiprov.dumisake.opd.OpdService;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.FiscalYearView;
import id.go.jambiprov.dumisake.region.RegionService;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.money.MoneyInput;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** The operator's work list and disbursement forms, the admin's verification queue. */
@Controller
class DisbursementController {

    private final DisbursementService disbursements;
    private final DisbursementQueries queries;
    private final Allocations allocations;
    private final FiscalYearService fiscalYears;
    private final RegionService regions;
    private final OpdService opds;
    private final MessageSource messages;
    private final AuditLog auditLog;

    DisbursementController(DisbursementService disbursements, DisbursementQueries queries, Allocations allocations,
                           FiscalYearService fiscalYears, RegionService regions, OpdService opds,
                           MessageSource messages, AuditLog auditLog) {
        this.disbursements = disbursements;
        this.queries = queries;
        this.allocations = allocations;
        this.fiscalYears = fiscalYears;
        this.regions = regions;
        this.opds = opds;
        this.messages = messages;
        this.auditLog = auditLog;
    }

    @GetMapping("/pencairan")
    String workList(@RequestParam(required = false) Integer year, @RequestParam(required = false) String opd,
                    @RequestParam(required = false) String kecamatan,
                    @RequestParam(required = false) DisbursementStatus status,
                    @PageableDefault(size = 50) Pageable pageable, Model model) {
        List<FiscalYearView> years = fiscalYears.all();
        Integer selectedYear = year != null ? year : years.stream().findFirst().map(FiscalYearView::year).orElse(null);
        WorkListFilter filter = new WorkListFilter(selectedYear, opd, kecamatan, status);
        model.addAttribute("filter", filter);
        model.addAttribute("page", queries.workList(filter, pageable));
        model.addAttribute("years", years);
        model.addAttribute("kecamatanList", regions.kecamatan(null, null, Pageable.unpaged(Sort.by("code"))));
        model.addAttribute("opds", opds.all());
        model.addAttribute("statuses", DisbursementStatus.values());
        model.addAttribute("scopedOpd", CurrentUser.opdScope());
        return "disbursement/worklist";
    }

    /** The disbursements of one allocation, for its page (loaded by htmx). */
    @GetMapping("/alokasi/{allocationId}/pencairan")
    String ofAllocation(@PathVariable("allocationId") long id, Model model) {
        AllocationView allocation = allocations.get(id);
        model.addAttribute("allocation", allocation);
        model.addAttribute("disbursements", queries.ofAllocation(id));
        model.addAttribute("mayRecord", allocation.active() && allocation.opdCode().equals(CurrentUser.opdScope()));
        return "disbursement/of-allocation :: disbursements";
    }

    @GetMapping("/alokasi/{allocationId}/pencairan/baru")
    @PreAuthorize("hasRole('OPD_OPERATOR')")
    String newForm(@PathVariable("allocationId") long id, Model model) {
        DisbursementForm form = new DisbursementForm();
        form.setRequestKey(UUID.randomUUID().toString());
        long tranches = queries.ofAllocation(id).size();
        form.setTranche((int) Math.min(12, tranches + 1));
        return form(id, form, model);
    }

    @PostMapping("/alokasi/{allocationId}/pencairan")
    @PreAuthorize("hasRole('OPD_OPERATOR')")
    String create(@PathVariable("allocationId") long id, @Valid @ModelAttribute("disbursementForm") DisbursementForm form,
                  BindingResult result, @RequestParam(defaultValue = "save") String action, Model model,
                  RedirectAttributes redirect) {
        BigDecimal amount = MoneyInput.parse(form.getAmount(), "amount", result);
        if (result.hasErrors()) {
            return form(id, form, model);
        }
        try {
            DisbursementView created = disbursements.create(id, command(form, amount), evidence(form));
            if ("submit".equals(action)) {
                created = disbursements.submit(created.id());
            }
            flash(redirect, created.status() == DisbursementStatus.SUBMITTED ? "disbursement.submittedNow"
                    : "disbursement.saved", Rupiah.format(created.amount()));
            return "redirect:/pencairan/" + created.id();
        } catch (BusinessRuleException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return form(id, form, model);
        }
    }

    @GetMapping("/pencairan/{disbursementId}")
    String detail(@PathVariable("disbursementId") long id, Model model) {
        DisbursementView disbursement = queries.get(id);
        model.addAttribute("disbursement", disbursement);
        model.addAttribute("history", auditLog.history("Disbursement", id));
        model.addAttribute("ownOpd", disbursement.opdCode().equals(CurrentUser.opdScope()));
        model.addAttribute("mayDecide", disbursement.status() == DisbursementStatus.SUBMITTED
                && !CurrentUser.username().equals(disbursement.submittedBy()));
        return "disbursement/detail";
    }

    @GetMapping("/pencairan/{disbursementId}/ubah")
    @PreAuthorize("hasRole('OPD_OPERATOR')")
    String editForm(@PathVariable("disbursementId") long id, Model model) {
        DisbursementView d = queries.get(id);
        DisbursementForm form = new DisbursementForm();
        form.setTranche(d.tranche());
        form.setAmount(Rupiah.format(d.amount()));
        form.setSp2dNumber(d.sp2dNumber());
        form.setSp2dDate(d.sp2dDate());
        form.setRemark(d.remark());
        form.setVersion(d.version());
        model.addAttribute("disbursement", d);
        return form(d.allocationId(), form, model);
    }

    @PostMapping("/pencairan/{disbursementId}/ubah")
    @PreAuthorize("hasRole('OPD_OPERATOR')")
    String edit(@PathVariable("disbursementId") long id, @Valid @ModelAttribute("disbursementForm") DisbursementForm form,
                BindingResult result, @RequestParam(defaultValue = "save") String action, Model model,
                RedirectAttributes redirect) {
        DisbursementView d = queries.get(id);
        BigDecimal amount = MoneyInput.parse(form.getAmount(), "amount", result);
        if (!result.hasErrors()) {
            try {
                DisbursementView edited = disbursements.edit(id, command(form, amount), evidence(form), form.getVersion());
                if ("submit".equals(action)) {
                    edited = disbursements.submit(id);
                }
                flash(redirect, edited.status() == DisbursementStatus.SUBMITTED ? "disbursement.submittedNow"
                        : "disbursement.saved", Rupiah.format(edited.amount()));
                return "redirect:/pencairan/" + id;
            } catch (BusinessRuleException e) {
                result.reject(e.messageKey(), e.arguments(), null);
            }
        }
        model.addAttribute("disbursement", d);
        return form(d.allocationId(), form, model);
    }

    @PostMapping("/pencairan/{disbursementId}/ajukan")
    @PreAuthorize("hasRole('OPD_OPERATOR')")
    String submit(@PathVariable("disbursementId") long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> disbursements.submit(id), "disbursement.submittedNow");
    }

    @PostMapping("/pencairan/{disbursementId}/verifikasi")
    @PreAuthorize("hasRole('ADMIN')")
    String verify(@PathVariable("disbursementId") long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> disbursements.verify(id), "disbursement.verifiedNow");
    }

    @PostMapping("/pencairan/{disbursementId}/tolak")
    @PreAuthorize("hasRole('ADMIN')")
    String reject(@PathVariable("disbursementId") long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, () -> disbursements.reject(id, reason), "disbursement.rejectedNow");
    }

    @GetMapping("/pencairan/{disbursementId}/bukti")
    ResponseEntity<byte[]> evidence(@PathVariable("disbursementId") long id) {
        StoredEvidence evidence = queries.evidence(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(evidence.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(evidence.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(evidence.content());
    }

    @GetMapping("/pencairan/antrean")
    @PreAuthorize("hasRole('ADMIN')")
    String queue(@RequestParam(required = false) String opd, @RequestParam(required = false) String kabupatenKota,
                 @PageableDefault(size = 50) Pageable pageable, Model model) {
        model.addAttribute("page", queries.queue(new QueueFilter(opd, kabupatenKota), pageable));
        model.addAttribute("opd", opd);
        model.addAttribute("kabupatenKota", kabupatenKota);
        model.addAttribute("opds", opds.all());
        model.addAttribute("kabupatenKotaList", regions.kabupatenKota());
        return "disbursement/queue";
    }

    private String act(long id, RedirectAttributes redirect, Supplier<DisbursementView> action,
                       String successKey) {
        try {
            DisbursementView done = action.get();
            flash(redirect, successKey, Rupiah.format(done.amount()));
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("actionError", message(e.messageKey(), e.arguments()));
        }
        return "redirect:/pencairan/" + id;
    }

    private String form(long allocationId, DisbursementForm form, Model model) {
        model.addAttribute("allocation", allocations.get(allocationId));
        model.addAttribute("disbursementForm", form);
        return "disbursement/form";
    }

    private static NewDisbursement command(DisbursementForm form, BigDecimal amount) {
        return new NewDisbursement(form.getTranche(), amount, form.getSp2dNumber(), form.getSp2dDate(),
                form.getRemark(), form.getRequestKey());
    }

    private static EvidenceFile evidence(DisbursementForm form) {
        if (form.getEvidence() == null || form.getEvidence().isEmpty()) {
            return null;
        }
        try {
            return new EvidenceFile(form.getEvidence().getOriginalFilename(), form.getEvidence().getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void flash(RedirectAttributes redirect, String key, Object... arguments) {
        redirect.addFlashAttribute("flashSuccess", message(key, arguments));
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
