package id.go.jambiprov.dumisake.allocation.web;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.allocation.AllocationFilter;
import id.go.jambiprov.dumisake.allocation.AllocationStatus;
import id.go.jambiprov.dumisake.allocation.AllocationTotals;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.allocation.internal.AllocationQueries;
import id.go.jambiprov.dumisake.allocation.internal.AllocationService;
import id.go.jambiprov.dumisake.audit.AuditLog;
import id.go.jambiprov.dumisake.programme.FiscalYearChoice;
import id.go.jambiprov.dumisake.region.KecamatanField;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.money.MoneyFormatException;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/** Allocation pages: the list (scoped to the operator's OPD), the detail, and the admin's changes to one. */
@Controller
class AllocationController {

    private final AllocationService allocations;
    private final AllocationQueries queries;
    private final AllocationPages pages;
    private final AuditLog auditLog;

    AllocationController(AllocationService allocations, AllocationQueries queries, AllocationPages pages,
                         AuditLog auditLog) {
        this.allocations = allocations;
        this.queries = queries;
        this.pages = pages;
        this.auditLog = auditLog;
    }

    @GetMapping("/alokasi")
    String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) String kabupatenKota,
                @RequestParam(required = false) String kecamatan, @RequestParam(required = false) String opd,
                @RequestParam(required = false) String programme, @RequestParam(required = false) Mechanism mechanism,
                @RequestParam(required = false) AllocationStatus status,
                @PageableDefault(size = 50) Pageable pageable, Model model) {
        List<FiscalYearChoice> years = pages.years();
        Integer selectedYear = year != null ? year : years.stream().findFirst().map(FiscalYearChoice::year).orElse(null);
        KecamatanField kecamatanField = pages.kecamatanField(kabupatenKota, kecamatan);
        AllocationFilter filter = new AllocationFilter(selectedYear, kabupatenKota, kecamatanField.code(), opd,
                programme, mechanism, status);
        model.addAttribute("filter", filter);
        // the footer's totals count the rows too: the page needs no count of its own
        AllocationTotals totals = queries.totals(filter);
        model.addAttribute("page", queries.rows(filter, pageable, totals.allocations()));
        model.addAttribute("totals", totals);
        model.addAttribute("years", years);
        pages.addFilterChoices(model, kecamatanField);
        model.addAttribute("mechanisms", Mechanism.values());
        model.addAttribute("statuses", AllocationStatus.values());
        model.addAttribute("scopedOpd", CurrentUser.opdScope());
        return "allocation/list";
    }

    @GetMapping("/alokasi/{allocationId}")
    String detail(@PathVariable("allocationId") long id, Model model) {
        model.addAttribute("allocation", queries.get(id));
        model.addAttribute("history", auditLog.history("Allocation", id));
        return "allocation/detail";
    }

    @PostMapping("/alokasi/{allocationId}/jumlah")
    @PreAuthorize("hasRole('ADMIN')")
    String revise(@PathVariable("allocationId") long id, @RequestParam String amount, @RequestParam long version,
                  RedirectAttributes redirect) {
        try {
            AllocationView revised = allocations.revise(id, Rupiah.parse(amount), version);
            pages.flash(redirect, "allocation.revised", Rupiah.format(revised.amount()));
        } catch (MoneyFormatException e) {
            redirect.addFlashAttribute("amountError", pages.message(e.messageKey()));
            redirect.addFlashAttribute("typedAmount", amount);
        } catch (BusinessRuleException e) {
            // every refusal of a revision is about the amount typed: it is shown under that field
            redirect.addFlashAttribute("amountError", pages.message(e.messageKey(), e.arguments()));
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
            pages.flash(redirect, "allocation.cancelledNow", id);
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("cancelError", pages.message(e.messageKey(), e.arguments()));
        }
        return "redirect:/alokasi/" + id;
    }
}
