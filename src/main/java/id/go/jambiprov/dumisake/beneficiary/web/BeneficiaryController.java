package id.go.jambiprov.dumisake.beneficiary.web;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.allocation.AllocationService;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.beneficiary.AidView;
import id.go.jambiprov.dumisake.beneficiary.BeneficiaryService;
import id.go.jambiprov.dumisake.beneficiary.BeneficiaryView;
import id.go.jambiprov.dumisake.beneficiary.NewAid;
import id.go.jambiprov.dumisake.beneficiary.NewBeneficiary;
import id.go.jambiprov.dumisake.beneficiary.Nik;
import id.go.jambiprov.dumisake.beneficiary.NikCheck;
import id.go.jambiprov.dumisake.beneficiary.RecordedAid;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.StaleVersionException;
import id.go.jambiprov.dumisake.shared.TooManyRequestsException;
import id.go.jambiprov.dumisake.shared.money.MoneyInput;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Data;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Beneficiary search, registration and detail; the aid of an allocation and its form. */
@Controller
class BeneficiaryController {

    private static final int NAME_RESULTS = 50;

    private final BeneficiaryService beneficiaries;
    private final AllocationService allocations;
    private final MessageSource messages;

    BeneficiaryController(BeneficiaryService beneficiaries, AllocationService allocations, MessageSource messages) {
        this.beneficiaries = beneficiaries;
        this.allocations = allocations;
        this.messages = messages;
    }

    /**
     * Search by a part of the name, for everybody, with masked NIKs; or by exact NIK, for admins and operators
     * (the expert team gets 403): another OPD's person is only said to be registered. Past the account's
     * limit of NIK searches the page says so, with 429.
     */
    @GetMapping("/penerima")
    String search(@RequestParam(required = false) String nik, @RequestParam(required = false) String name,
                  Model model, HttpServletResponse response) {
        model.addAttribute("nik", nik);
        model.addAttribute("name", name);
        if (nik != null && !nik.isBlank()) {
            try {
                NikCheck check = beneficiaries.checkNik(nik);
                model.addAttribute("check", check);
                if (check.beneficiary() != null) {
                    model.addAttribute("results", List.of(check.beneficiary()));
                }
            } catch (BusinessRuleException e) {
                model.addAttribute("nikError", message(e.messageKey(), e.arguments()));
            } catch (TooManyRequestsException e) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                model.addAttribute("nikError", message(e.messageKey(), e.arguments()));
            }
        } else if (name != null && !name.isBlank()) {
            model.addAttribute("results", beneficiaries.searchByName(name, NAME_RESULTS));
        }
        model.addAttribute("searched", model.containsAttribute("results"));
        return "beneficiary/search";
    }

    @GetMapping("/penerima/baru")
    String newForm(Model model) {
        model.addAttribute("beneficiaryForm", new BeneficiaryForm());
        return "beneficiary/form";
    }

    @PostMapping("/penerima")
    String register(@Valid @ModelAttribute("beneficiaryForm") BeneficiaryForm form, BindingResult result,
                    RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return "beneficiary/form";
        }
        try {
            BeneficiaryView created = beneficiaries.register(new NewBeneficiary(form.getNik(), form.getName(),
                    form.getSex(), form.getDateOfBirth(), form.getDesaCode(), form.getAddress(), form.getPhone(),
                    form.getWelfareDecile()));
            redirect.addFlashAttribute("flashSuccess", message("beneficiary.registered", created.name()));
            return "redirect:/penerima/" + created.id();
        } catch (BusinessRuleException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return "beneficiary/form";
        } catch (TooManyRequestsException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return "beneficiary/form";
        }
    }

    @GetMapping("/penerima/{beneficiaryId}")
    String detail(@PathVariable long beneficiaryId, Model model) {
        model.addAttribute("beneficiary", beneficiaries.get(beneficiaryId));
        List<AidView> aid = beneficiaries.aidOf(beneficiaryId);
        model.addAttribute("aid", aid);
        model.addAttribute("cancellable", cancellable(aid));
        model.addAttribute("scopedOpd", CurrentUser.opdScope());
        return "beneficiary/detail";
    }

    /** People with aid from more than one programme in one year: allowed, but the expert team looks at them. */
    @GetMapping("/penerima/ganda")
    String multiProgramme(@RequestParam(required = false) Integer year, Model model) {
        int selected = year != null ? year : LocalDate.now().getYear();
        model.addAttribute("year", selected);
        model.addAttribute("rows", beneficiaries.multiProgramme(selected));
        return "beneficiary/multi-programme";
    }

    /**
     * Beneficiaries with aid in a year per desa of one kecamatan, or per kecamatan when none is given: a
     * fragment the dashboards load with htmx.
     */
    @GetMapping("/penerima/jumlah")
    String counts(@RequestParam int year, @RequestParam(required = false) String kecamatan, Model model) {
        boolean perDesa = kecamatan != null && !kecamatan.isBlank();
        model.addAttribute("perDesa", perDesa);
        model.addAttribute("counts", perDesa ? beneficiaries.countsPerDesa(year, kecamatan)
                : beneficiaries.countsPerKecamatan(year));
        return "beneficiary/counts :: counts";
    }

    /**
     * The beneficiary section of the province dashboard, which loads it with htmx: counts per kabupaten/kota,
     * per kecamatan of one, or per desa of one kecamatan, each row leading one level down.
     */
    @GetMapping("/penerima/jumlah/ringkasan")
    String countsSummary(@RequestParam int year, @RequestParam(required = false) String kabupatenKota,
                         @RequestParam(required = false) String kecamatan, Model model) {
        model.addAttribute("summary", beneficiaries.countsSummary(year, kabupatenKota, kecamatan));
        return "beneficiary/counts :: summary";
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
            AidView cancelled = beneficiaries.cancelAid(aidId, reason, version);
            redirect.addFlashAttribute("flashSuccess", message("aid.cancelledNow", cancelled.beneficiaryName(),
                    Rupiah.format(cancelled.amount())));
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("flashError", message(e.messageKey(), e.arguments()));
        } catch (StaleVersionException e) {
            redirect.addFlashAttribute("flashError", message("problem.staleVersion"));
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
            RecordedAid recorded = beneficiaries.recordAid(allocationId, new NewAid(form.getNik(), amount,
                    form.getDate(), form.getDescription()));
            redirect.addFlashAttribute("flashSuccess", message("aid.recorded", recorded.aid().beneficiaryName(),
                    Rupiah.format(recorded.aid().amount())));
            if (!recorded.otherProgrammes().isEmpty()) {
                redirect.addFlashAttribute("aidWarning", message("aid.otherProgrammes",
                        recorded.aid().beneficiaryName(), String.join(", ", recorded.otherProgrammes())));
            }
            return "redirect:/alokasi/" + allocationId + "/bantuan";
        } catch (BusinessRuleException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return aidPage(allocationId, model);
        } catch (TooManyRequestsException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return aidPage(allocationId, model);
        }
    }

    private String aidPage(long allocationId, Model model) {
        AllocationView allocation = allocations.get(allocationId);
        model.addAttribute("allocation", allocation);
        List<AidView> aid = beneficiaries.aidOfAllocation(allocationId);
        model.addAttribute("aid", aid);
        model.addAttribute("cancellable", cancellable(aid));
        model.addAttribute("mayRecord", allocation.active() && allocation.mechanism() == Mechanism.BELANJA_OPD
                && allocation.opdCode().equals(CurrentUser.opdScope()));
        return "beneficiary/of-allocation";
    }

    /** The ids of the aid records the caller may cancel, for the buttons of the aid table. */
    private Set<Long> cancellable(List<AidView> aid) {
        return aid.stream().filter(beneficiaries::mayCancel).map(AidView::id).collect(Collectors.toSet());
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    @Data
    static class BeneficiaryForm {
        @NotBlank
        @Size(max = 16)
        private String nik;
        @NotBlank
        @Size(max = 200)
        private String name;
        @NotNull
        private Nik.Sex sex;
        @NotNull
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate dateOfBirth;
        @NotBlank
        private String desaCode;
        @NotBlank
        @Size(max = 500)
        private String address;
        @Size(max = 30)
        private String phone;
        @Min(1)
        @Max(10)
        private Integer welfareDecile;
    }

    @Data
    static class AidForm {
        @NotBlank
        @Size(max = 16)
        private String nik;
        private String amount;
        @NotNull
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate date;
        @Size(max = 500)
        private String description;
    }
}
