package id.go.jambiprov.dumisake.disbursement.web;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.audit.AuditLog;
import id.go.jambiprov.dumisake.disbursement.DisbursementStatus;
import id.go.jambiprov.dumisake.disbursement.DisbursementView;
import id.go.jambiprov.dumisake.disbursement.internal.DisbursementQueries;
import id.go.jambiprov.dumisake.disbursement.internal.WorkListFilter;
import id.go.jambiprov.dumisake.programme.FiscalYearChoice;
import id.go.jambiprov.dumisake.region.KecamatanField;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/** The operator's work list, the disbursements of one allocation and the page of one disbursement. */
@Controller
class WorkListController {

    private final DisbursementQueries disbursements;
    private final Allocations allocations;
    private final AuditLog auditLog;
    private final DisbursementPages pages;

    WorkListController(DisbursementQueries disbursements, Allocations allocations, AuditLog auditLog,
                       DisbursementPages pages) {
        this.disbursements = disbursements;
        this.allocations = allocations;
        this.auditLog = auditLog;
        this.pages = pages;
    }

    @GetMapping("/pencairan")
    String workList(@RequestParam(required = false) Integer year, @RequestParam(required = false) String opd,
                    @RequestParam(required = false) String kecamatan,
                    @RequestParam(required = false) DisbursementStatus status,
                    @PageableDefault(size = 50) Pageable pageable, Model model) {
        List<FiscalYearChoice> years = pages.years();
        Integer selectedYear = year != null ? year : years.stream().findFirst().map(FiscalYearChoice::year).orElse(null);
        KecamatanField kecamatanField = pages.kecamatanField(kecamatan);
        WorkListFilter filter = new WorkListFilter(selectedYear, opd, kecamatanField.code(), status);
        model.addAttribute("filter", filter);
        model.addAttribute("page", disbursements.workList(filter, pageable));
        model.addAttribute("years", years);
        pages.addWorkListChoices(model, kecamatanField);
        model.addAttribute("statuses", DisbursementStatus.values());
        model.addAttribute("scopedOpd", CurrentUser.opdScope());
        return "disbursement/worklist";
    }

    /** The disbursements of one allocation, for its page (loaded by htmx). */
    @GetMapping("/alokasi/{allocationId}/pencairan")
    String ofAllocation(@PathVariable("allocationId") long id, Model model) {
        AllocationView allocation = allocations.get(id);
        model.addAttribute("allocation", allocation);
        model.addAttribute("disbursements", disbursements.ofAllocation(id));
        model.addAttribute("mayRecord", allocation.active() && allocation.opdCode().equals(CurrentUser.opdScope()));
        return "disbursement/of-allocation :: disbursements";
    }

    @GetMapping("/pencairan/{disbursementId}")
    String detail(@PathVariable("disbursementId") long id, Model model) {
        DisbursementView disbursement = disbursements.get(id);
        model.addAttribute("disbursement", disbursement);
        model.addAttribute("history", auditLog.history("Disbursement", id));
        model.addAttribute("ownOpd", disbursement.opdCode().equals(CurrentUser.opdScope()));
        model.addAttribute("mayDecide", disbursement.status() == DisbursementStatus.SUBMITTED
                && !CurrentUser.username().equals(disbursement.submittedBy()));
        return "disbursement/detail";
    }
}
