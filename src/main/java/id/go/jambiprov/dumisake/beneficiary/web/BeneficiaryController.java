package id.go.jambiprov.dumisake.beneficiary.web;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.beneficiary.AidView;
import id.go.jambiprov.dumisake.beneficiary.internal.AidQueries;
import id.go.jambiprov.dumisake.beneficiary.internal.AidService;
import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryQueries;
import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryService;
import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryView;
import id.go.jambiprov.dumisake.beneficiary.internal.NewBeneficiary;
import id.go.jambiprov.dumisake.beneficiary.internal.NikCheck;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.FormRefusal;
import id.go.jambiprov.dumisake.shared.CrossSiteRequestException;
import id.go.jambiprov.dumisake.shared.Flash;
import id.go.jambiprov.dumisake.shared.JambiTime;
import id.go.jambiprov.dumisake.shared.TooManyRequestsException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Beneficiary search, registration and detail; the people with aid of several programmes; the counts. */
@Controller
class BeneficiaryController {

    /** The field each refusal of a new beneficiary concerns. */
    private static final Map<String, String> FIELDS = Map.of("BENEFICIARY_EXISTS", "nik",
            "NIK_BIRTH_DATE_MISMATCH", "dateOfBirth", "NIK_SEX_MISMATCH", "sex", "DESA_UNKNOWN", "desaCode",
            "DECILE_INVALID", "welfareDecile", "NAME_REQUIRED", "name");

    private static final int PAGE_SIZE = 50;

    private final BeneficiaryService beneficiaries;
    private final BeneficiaryQueries people;
    private final AidQueries aidQueries;
    private final AidService aidService;
    private final Flash flash;
    private final Clock clock;

    BeneficiaryController(BeneficiaryService beneficiaries, BeneficiaryQueries people, AidQueries aidQueries,
                          AidService aidService, Flash flash, Clock clock) {
        this.beneficiaries = beneficiaries;
        this.people = people;
        this.aidQueries = aidQueries;
        this.aidService = aidService;
        this.flash = flash;
        this.clock = clock;
    }

    /**
     * Search by a part of the name, for everybody, with masked NIKs; or by exact NIK, for admins and operators
     * (the expert team gets 403): another OPD's person is only said to be registered. Past the account's
     * limit of NIK searches the page says so, with 429. A NIK search that another site made the browser open
     * is refused (403) before it is counted: a GET, it would otherwise let any site use up the person's searches.
     */
    @GetMapping("/penerima")
    String search(@RequestParam(required = false) String nik, @RequestParam(required = false) String name,
                  @RequestParam(defaultValue = "0") int page,
                  @RequestHeader(name = "Sec-Fetch-Site", required = false) String site,
                  Model model, HttpServletResponse response) {
        model.addAttribute("nik", nik);
        model.addAttribute("name", name);
        if (nik != null && !nik.isBlank()) {
            CrossSiteRequestException.refuseFromAnotherSite(site, "nikSearch.crossSite");
            try {
                NikCheck check = beneficiaries.checkNik(nik);
                model.addAttribute("check", check);
                if (check.beneficiary() != null) {
                    model.addAttribute("results", List.of(check.beneficiary()));
                }
            } catch (BusinessRuleException e) {
                model.addAttribute("nikError", flash.text(e.messageKey(), e.arguments()));
            } catch (TooManyRequestsException e) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                model.addAttribute("nikError", flash.text(e.messageKey(), e.arguments()));
            }
        } else {
            // by name, or without one the latest registered: a page at a time with the number of all
            model.addAttribute("page", people.searchByName(name, PageRequest.of(Math.max(0, page), PAGE_SIZE)));
        }
        model.addAttribute("searched", nik != null && !nik.isBlank() || name != null && !name.isBlank());
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
            flash.success(redirect, "beneficiary.registered", created.name());
            return "redirect:/penerima/" + created.id();
        } catch (BusinessRuleException e) {
            FormRefusal.reject(result, e, FIELDS);
            return "beneficiary/form";
        } catch (TooManyRequestsException e) {
            result.reject(e.messageKey(), e.arguments(), null);
            return "beneficiary/form";
        }
    }

    @GetMapping("/penerima/{beneficiaryId}")
    String detail(@PathVariable long beneficiaryId, Model model) {
        model.addAttribute("beneficiary", beneficiaries.get(beneficiaryId));
        List<AidView> aid = aidQueries.aidOf(beneficiaryId);
        model.addAttribute("aid", aid);
        model.addAttribute("cancellable", aidService.cancellable(aid));
        model.addAttribute("scopedOpd", CurrentUser.opdScope());
        return "beneficiary/detail";
    }

    /** People with aid from more than one programme in one year: allowed, but the expert team looks at them. */
    @GetMapping("/penerima/ganda")
    String multiProgramme(@RequestParam(required = false) Integer year, Model model) {
        int selected = year != null ? year : LocalDate.ofInstant(clock.instant(), JambiTime.ZONE).getYear();
        model.addAttribute("year", selected);
        model.addAttribute("rows", aidQueries.multiProgramme(selected));
        return "beneficiary/multi-programme";
    }

}
