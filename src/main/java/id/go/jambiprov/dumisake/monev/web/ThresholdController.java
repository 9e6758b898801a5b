package id.go.jambiprov.dumisake.monev.web;

import id.go.jambiprov.dumisake.monev.Thresholds;
import id.go.jambiprov.dumisake.monev.internal.ThresholdService;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.Flash;
import id.go.jambiprov.dumisake.shared.StaleVersionException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import lombok.Data;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.util.Map;

/** The traffic light's thresholds, for admins; the rule itself is {@code TrafficLightPolicy}'s. */
@Controller
@RequestMapping("/monev/ambang")
@PreAuthorize("hasRole('ADMIN')")
class ThresholdController {

    /** Which field a refusal of the policy belongs to. */
    private static final Map<String, String> FIELD_OF = Map.of("GREEN_NEGATIVE", "greenMax",
            "YELLOW_BELOW_GREEN", "yellowMax", "YELLOW_ABOVE_100", "yellowMax");

    private final ThresholdService thresholds;
    private final Flash flash;

    ThresholdController(ThresholdService thresholds, Flash flash) {
        this.thresholds = thresholds;
        this.flash = flash;
    }

    @GetMapping
    String form(Model model) {
        Thresholds current = thresholds.current();
        if (!model.containsAttribute("form")) {
            ThresholdForm form = new ThresholdForm();
            form.setGreenMax(current.greenMaxDeviation());
            form.setYellowMax(current.yellowMaxDeviation());
            form.setVersion(current.version());
            model.addAttribute("form", form);
        }
        model.addAttribute("thresholds", current);
        return "monev/thresholds";
    }

    @PostMapping
    String change(@Valid @ModelAttribute("form") ThresholdForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                thresholds.change(form.getGreenMax(), form.getYellowMax(), form.getVersion());
                flash.success(redirect, "monev.threshold.saved");
                return "redirect:/monev/ambang";
            } catch (BusinessRuleException e) {
                String field = FIELD_OF.get(e.code());
                if (field == null) {
                    result.reject(e.messageKey(), e.arguments(), null);
                } else {
                    result.rejectValue(field, e.messageKey(), e.arguments(), null);
                }
            } catch (StaleVersionException e) {
                // the admin sees the other change below the form and may save again over it, knowingly
                form.setVersion(thresholds.current().version());
                result.reject("monev.threshold.stale");
            }
        }
        return form(model);
    }

    @Data
    static class ThresholdForm {
        @NotNull
        private BigDecimal greenMax;
        @NotNull
        private BigDecimal yellowMax;
        @NotNull
        private Long version;
    }
}
