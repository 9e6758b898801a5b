package id.go.jambiprov.dumisake.disbursement.web;

import id.go.jambiprov.dumisake.disbursement.internal.DisbursementQueries;
import id.go.jambiprov.dumisake.disbursement.internal.DisbursementService;
import id.go.jambiprov.dumisake.disbursement.internal.QueueFilter;
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

/** The admin's verification queue and decisions. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class VerificationController {

    private final DisbursementService disbursements;
    private final DisbursementQueries queries;
    private final DisbursementPages pages;

    VerificationController(DisbursementService disbursements, DisbursementQueries queries, DisbursementPages pages) {
        this.disbursements = disbursements;
        this.queries = queries;
        this.pages = pages;
    }

    @GetMapping("/pencairan/antrean")
    String queue(@RequestParam(required = false) String opd, @RequestParam(required = false) String kabupatenKota,
                 @PageableDefault(size = 50) Pageable pageable, Model model) {
        model.addAttribute("page", queries.queue(new QueueFilter(opd, kabupatenKota), pageable));
        model.addAttribute("opd", opd);
        model.addAttribute("kabupatenKota", kabupatenKota);
        pages.addQueueChoices(model);
        return "disbursement/queue";
    }

    @PostMapping("/pencairan/{disbursementId}/verifikasi")
    String verify(@PathVariable("disbursementId") long id, RedirectAttributes redirect) {
        return pages.act(id, redirect, () -> disbursements.verify(id), "disbursement.verifiedNow");
    }

    @PostMapping("/pencairan/{disbursementId}/tolak")
    String reject(@PathVariable("disbursementId") long id, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect) {
        return pages.act(id, redirect, () -> disbursements.reject(id, reason), "disbursement.rejectedNow");
    }
}
