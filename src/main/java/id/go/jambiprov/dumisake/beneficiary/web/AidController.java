package id.go.jambiprov.dumisake.beneficiary.web;

import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.beneficiary.AidView;
import id.go.jambiprov.dumisake.beneficiary.internal.AidQueries;
import id.go.jambiprov.dumisake.beneficiary.internal.AidService;
import id.go.jambiprov.dumisake.beneficiary.internal.NewAid;
import id.go.jambiprov.dumisake.beneficiary.internal.RecordedAid;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.FormRefusal;
import id.go.jambiprov.dumisake.shared.Flash;
import id.go.jambiprov.dumisake.shared.StaleVersionException;
import id.go.jambiprov.dumisake.shared.TooManyRequestsException;
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

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The aid of an allocation, its form, and cancelling an aid record. */
@Controller
class AidController {

    /** The field each refusal of aid concerns; the others (mechanism, cancelled allocation) concern the form. */
    private static final Map<String, String> FIELDS = Map.of("BENEFICIARY_UNKNOWN", "nik",
            "DECILE_NOT_ELIGIBLE", "nik", "DOUBLE_RECEIPT", "nik", "DESA_OUTSIDE_KECAMATAN", "nik",
            "AID_DATE_OUTSIDE_YEAR", "date", "ALLOCATION_EXCEEDED", "amount");

    private final AidService aidService;
    private final AidQueries aidQueries;
    private final Allocations allocations;
    private final Flash flash;

    AidController(AidService aidService, AidQueries aidQueries, Allocations allocations,
                  Flash flash) {
        this.aidService = aidService;
        this.aidQueries = aidQueries;
        this.allocations = allocations;
        this.flash = flash;
    }

    /**
     * Cancels an aid record with its reason and goes back to the page the button was on: the aid of the
     * allocation, or the beneficiary ({@code from=penerima}).
     */
    @PostMapping("/bantuan/{aidId}/batal")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPD_OPERATOR')")
    String cancelAid(@PathVariable long aidId, @RequestParam(required = false) String reason,
                     @RequestParam(required = false) Long version, @RequestParam(required = false) String from,
                     @RequestParam(required = false) Long fromId, RedirectAttributes redirect) {
        String back = fromId == null ? "redirect:/penerima"
                : "penerima".equals(from) ? "redirect:/penerima/" + fromId : "redirect:/alokasi/" + fromId + "/bantuan";
        try {
            AidView cancelled = aidService.cancelAid(aidId, reason, version);
            flash.success(redirect, "aid.cancelledNow", cancelled.beneficiaryName(),
                    Rupiah.format(cancelled.amount()));
        } catch (BusinessRuleException e) {
            flash.error(redirect, e.messageKey(), e.arguments());
        } catch (StaleVersionException e) {
            flash.error(redirect, "problem.staleVersion");
        }
        return back;
    }

    @GetMapping("/alokasi/{allocationId}/bantuan")
    String aidOfAllocation(@PathVariable long allocationId, Model model) {
        if (!model.containsAttribute("aidForm")) {
            model.addAttribute("aidForm", new AidForm());
        }
        return aidPage(allocationId, model);
    }

    @PostMapping("/alokasi/{allocationId}/bantuan")
    @PreAuthorize("hasRole('OPD_OPERATOR')")
    String recordAid(@PathVariable long allocationId, @Valid @ModelAttribute("aidForm") AidForm form,
                     BindingResult result, Model model, RedirectAttributes redirect) {
        BigDecimal amount = MoneyInput.parse(form.getAmount(), "amount", result);
        if (result.hasErrors()) {
            return aidPage(allocationId, model);
        }
        try {
            RecordedAid recorded = aidService.recordAid(allocationId, new NewAid(form.getNik(), amount,
                    form.getDate(), form.getDescription()));
            flash.success(redirect, "aid.recorded", recorded.aid().beneficiaryName(),
                    Rupiah.format(recorded.aid().amount()));
            if (!recorded.otherProgrammes().isEmpty()) {
                redirect.addFlashAttribute("aidWarning", flash.text("aid.otherProgrammes",
                        recorded.aid().beneficiaryName(), String.join(", ", recorded.otherProgrammes())));
            }
            return "redirect:/alokasi/" + allocationId + "/bantuan";
        } catch (BusinessRuleException e) {
            FormRefusal.reject(result, e, FIELDS);
            return aidPage(allocationId, model);
        } catch (TooManyRequestsException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return aidPage(allocationId, model);
        }
    }

    private String aidPage(long allocationId, Model model) {
        AllocationView allocation = allocations.get(allocationId);
        model.addAttribute("allocation", allocation);
        List<AidView> aid = aidQueries.aidOfAllocation(allocationId);
        model.addAttribute("aid", aid);
        model.addAttribute("cancellable", aidService.cancellable(aid));
        model.addAttribute("mayRecord", aidService.mayRecord(allocation));
        return "beneficiary/of-allocation";
    }

}
