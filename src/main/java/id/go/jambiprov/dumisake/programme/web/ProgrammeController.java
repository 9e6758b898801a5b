package id.go.jambiprov.dumisake.programme.web;

import id.go.jambiprov.dumisake.opd.OpdService;
import id.go.jambiprov.dumisake.programme.Pillar;
import id.go.jambiprov.dumisake.programme.ProgrammeService;
import id.go.jambiprov.dumisake.programme.ProgrammeView;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.FormRefusal;
import id.go.jambiprov.dumisake.shared.Flash;
import id.go.jambiprov.dumisake.shared.StaleVersionException;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.util.Map;

/** The programme catalogue; admins add, rename, move and deactivate programmes. */
@Controller
@RequestMapping("/program")
class ProgrammeController {

    /** The field each refusal of a new programme concerns. */
    private static final Map<String, String> NEW_FIELDS = Map.of("PROGRAMME_EXISTS", "code",
            "PROGRAMME_CODE_INVALID", "code", "PROGRAMME_NAME_TAKEN", "name", "NAME_REQUIRED", "name");

    private final ProgrammeService programmes;
    private final OpdService opds;
    private final Flash flash;

    ProgrammeController(ProgrammeService programmes, OpdService opds, Flash flash) {
        this.programmes = programmes;
        this.opds = opds;
        this.flash = flash;
    }

    @GetMapping
    String list(Model model) {
        if (!model.containsAttribute("programmeForm")) {
            model.addAttribute("programmeForm", new ProgrammeForm());
        }
        model.addAttribute("programmes", programmes.all());
        model.addAttribute("pillars", Pillar.values());
        model.addAttribute("opds", opds.all());
        return "programme/programmes";
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    String create(@Valid @ModelAttribute("programmeForm") ProgrammeForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                programmes.create(form.getCode(), form.getName(), form.getPillar(), form.getLeadOpdCode());
                flash.success(redirect, "programme.created", form.getName());
                return "redirect:/program";
            } catch (BusinessRuleException e) {
                FormRefusal.reject(result, e, NEW_FIELDS);
            }
        }
        return list(model);
    }

    @PostMapping("/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    String change(@PathVariable String code, @RequestParam String name, @RequestParam Pillar pillar,
                  @RequestParam String leadOpdCode, @RequestParam(defaultValue = "false") boolean active,
                  @RequestParam long version, RedirectAttributes redirect) {
        try {
            if (name.isBlank()) {
                throw new BusinessRuleException("NAME_REQUIRED", "programme.nameRequired");
            }
            programmes.change(code, name, pillar, leadOpdCode, active, version);
            flash.success(redirect, "programme.changed", name.strip());
        } catch (BusinessRuleException e) {
            refused(redirect, e, "NAME_REQUIRED".equals(e.code()) || "PROGRAMME_NAME_TAKEN".equals(e.code())
                    ? "name-" + code : "form-" + code);
        } catch (StaleVersionException e) {
            // changed by someone else since the page was read: said in the row's form, which shows the new values
            redirect.addFlashAttribute("programmeError", flash.text("problem.staleVersion"));
            redirect.addFlashAttribute("programmeErrorField", "form-" + code);
        }
        return "redirect:/program";
    }

    @PostMapping("/{code}/desil")
    @PreAuthorize("hasRole('ADMIN')")
    String limitDecile(@PathVariable String code, @RequestParam(required = false) Integer maxWelfareDecile,
                       RedirectAttributes redirect) {
        try {
            ProgrammeView changed = programmes.limitWelfareDecile(code, maxWelfareDecile);
            flash.success(redirect, "programme.changed", changed.name());
        } catch (BusinessRuleException e) {
            refused(redirect, e, "decile-" + code);
        }
        return "redirect:/program";
    }

    /** Tranches released on progress: the minimum physical progress before tranche 2; empty lifts it. */
    @PostMapping("/{code}/kemajuan-minimal")
    @PreAuthorize("hasRole('ADMIN')")
    String requireProgress(@PathVariable String code, @RequestParam(required = false) String minProgress,
                           RedirectAttributes redirect) {
        try {
            ProgrammeView changed = programmes.requireProgressForNextTranche(code, percent(minProgress));
            flash.success(redirect, "programme.changed", changed.name());
        } catch (BusinessRuleException e) {
            refused(redirect, e, "min-progress-input-" + code);
        }
        return "redirect:/program";
    }

    /** The refusal under the field of the row's form it concerns ({@code fieldId}), or atop that form ({@code form-}). */
    private void refused(RedirectAttributes redirect, BusinessRuleException e, String fieldId) {
        redirect.addFlashAttribute("programmeError", flash.text(e.messageKey(), e.arguments()));
        redirect.addFlashAttribute("programmeErrorField", fieldId);
    }

    /** "60", "62,5" or "62.5"; blank for none. */
    private static BigDecimal percent(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(typed.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new BusinessRuleException("MIN_PROGRESS_INVALID", "progress.programme.minProgressInvalid");
        }
    }
}
