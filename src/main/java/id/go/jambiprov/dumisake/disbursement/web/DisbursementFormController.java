package id.go.jambiprov.dumisake.disbursement.web;

import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.disbursement.DisbursementStatus;
import id.go.jambiprov.dumisake.disbursement.DisbursementView;
import id.go.jambiprov.dumisake.disbursement.internal.DisbursementQueries;
import id.go.jambiprov.dumisake.disbursement.internal.DisbursementService;
import id.go.jambiprov.dumisake.disbursement.internal.EvidenceFile;
import id.go.jambiprov.dumisake.disbursement.internal.NewDisbursement;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.FormRefusal;
import id.go.jambiprov.dumisake.shared.money.MoneyInput;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import jakarta.validation.Valid;
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
import java.util.Map;
import java.util.UUID;

/** The operator's disbursement form (record, change, and optionally submit at once) and the submit button. */
@Controller
@PreAuthorize("hasRole('OPD_OPERATOR')")
class DisbursementFormController {

    /** The field each refusal of a disbursement concerns; the others (a cancelled allocation, …) concern the form. */
    private static final Map<String, String> FIELDS = Map.of("ALLOCATION_EXCEEDED", "amount",
            "SP2D_DUPLICATE", "sp2dNumber", "SP2D_DATE_OUTSIDE_YEAR", "sp2dDate", "SP2D_DATE_IN_FUTURE", "sp2dDate",
            "PROGRESS_TOO_LOW", "tranche", "EVIDENCE_TOO_LARGE", "evidence", "EVIDENCE_TYPE", "evidence");

    private final DisbursementService disbursements;
    private final DisbursementQueries queries;
    private final Allocations allocations;
    private final DisbursementPages pages;

    DisbursementFormController(DisbursementService disbursements, DisbursementQueries queries, Allocations allocations,
                               DisbursementPages pages) {
        this.disbursements = disbursements;
        this.queries = queries;
        this.allocations = allocations;
        this.pages = pages;
    }

    @GetMapping("/alokasi/{allocationId}/pencairan/baru")
    String newForm(@PathVariable("allocationId") long id, Model model) {
        DisbursementForm form = new DisbursementForm();
        form.setRequestKey(UUID.randomUUID().toString());
        long tranches = queries.ofAllocation(id).size();
        form.setTranche((int) Math.min(12, tranches + 1));
        return form(id, form, model);
    }

    @PostMapping("/alokasi/{allocationId}/pencairan")
    String create(@PathVariable("allocationId") long id, @Valid @ModelAttribute("disbursementForm") DisbursementForm form,
                  BindingResult result, @RequestParam(defaultValue = "save") String action, Model model,
                  RedirectAttributes redirect) {
        BigDecimal amount = MoneyInput.parse(form.getAmount(), "amount", result);
        if (result.hasErrors()) {
            return form(id, form, model);
        }
        try {
            DisbursementView created = disbursements.create(id, command(form, amount), evidence(form));
            return saved("submit".equals(action) ? disbursements.submit(created.id()) : created, redirect);
        } catch (BusinessRuleException e) {
            FormRefusal.reject(result, e, FIELDS);
            return form(id, form, model);
        }
    }

    @GetMapping("/pencairan/{disbursementId}/ubah")
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
    String edit(@PathVariable("disbursementId") long id, @Valid @ModelAttribute("disbursementForm") DisbursementForm form,
                BindingResult result, @RequestParam(defaultValue = "save") String action, Model model,
                RedirectAttributes redirect) {
        DisbursementView d = queries.get(id);
        BigDecimal amount = MoneyInput.parse(form.getAmount(), "amount", result);
        if (!result.hasErrors()) {
            try {
                DisbursementView edited = disbursements.edit(id, command(form, amount), evidence(form), form.getVersion());
                return saved("submit".equals(action) ? disbursements.submit(id) : edited, redirect);
            } catch (BusinessRuleException e) {
                FormRefusal.reject(result, e, FIELDS);
            }
        }
        model.addAttribute("disbursement", d);
        return form(d.allocationId(), form, model);
    }

    @PostMapping("/pencairan/{disbursementId}/ajukan")
    String submit(@PathVariable("disbursementId") long id, RedirectAttributes redirect) {
        return pages.act(id, redirect, () -> disbursements.submit(id), "disbursement.submittedNow");
    }

    private String saved(DisbursementView saved, RedirectAttributes redirect) {
        pages.flash(redirect, saved.status() == DisbursementStatus.SUBMITTED ? "disbursement.submittedNow"
                : "disbursement.saved", Rupiah.format(saved.amount()));
        return "redirect:/pencairan/" + saved.id();
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
}
