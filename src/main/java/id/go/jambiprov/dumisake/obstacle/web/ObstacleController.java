package id.go.jambiprov.dumisake.obstacle.web;

import id.go.jambiprov.dumisake.obstacle.NewFollowUp;
import id.go.jambiprov.dumisake.obstacle.ObstacleDetails;
import id.go.jambiprov.dumisake.obstacle.Obstacles;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
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

import java.util.function.Supplier;

/**
 * One obstacle's page and what may be done on it: follow up, escalate, resolve (the OPD; resolving also an admin),
 * comment (everybody). A refused form comes back with the message at its field.
 */
@Controller
class ObstacleController {

    private final Obstacles obstacles;
    private final ObstaclePages pages;

    ObstacleController(Obstacles obstacles, ObstaclePages pages) {
        this.obstacles = obstacles;
        this.pages = pages;
    }

    @GetMapping("/kendala/{obstacleId}")
    String detail(@PathVariable("obstacleId") long id, Model model) {
        return page(obstacles.get(id), model);
    }

    @PostMapping("/kendala/{obstacleId}/tindak-lanjut")
    @PreAuthorize("hasRole('OPD_OPERATOR')")
    String followUp(@PathVariable("obstacleId") long id, @Valid @ModelAttribute("followUpForm") FollowUpForm form,
                    BindingResult result, Model model, RedirectAttributes redirect) {
        return act(id, result, model, redirect, "obstacle.followedUp", () -> obstacles.followUp(id,
                new NewFollowUp(form.getAction(), form.getResponsible(), form.getDueDate()), form.getVersion()));
    }

    @PostMapping("/kendala/{obstacleId}/eskalasi")
    @PreAuthorize("hasRole('OPD_OPERATOR')")
    String escalate(@PathVariable("obstacleId") long id, @RequestParam(required = false) Long version,
                    RedirectAttributes redirect) {
        try {
            obstacles.escalate(id, version);
            pages.success(redirect, "obstacle.escalatedNow");
        } catch (BusinessRuleException e) {
            pages.error(redirect, e.messageKey(), e.arguments());
        }
        return "redirect:/kendala/" + id;
    }

    @PostMapping("/kendala/{obstacleId}/selesai")
    @PreAuthorize("hasAnyRole('OPD_OPERATOR', 'ADMIN')")
    String resolve(@PathVariable("obstacleId") long id, @Valid @ModelAttribute("resolveForm") ResolveForm form,
                   BindingResult result, Model model, RedirectAttributes redirect) {
        return act(id, result, model, redirect, "obstacle.resolvedNow",
                () -> obstacles.resolve(id, form.getResolution(), form.getVersion()));
    }

    @PostMapping("/kendala/{obstacleId}/komentar")
    String comment(@PathVariable("obstacleId") long id, @Valid @ModelAttribute("commentForm") CommentForm form,
                   BindingResult result, Model model, RedirectAttributes redirect) {
        return act(id, result, model, redirect, "obstacle.commented", () -> obstacles.comment(id, form.getText()));
    }

    /** Applies a valid form and goes back to the page, or shows the page again with the form's errors. */
    private String act(long id, BindingResult result, Model model, RedirectAttributes redirect, String done,
                       Supplier<ObstacleDetails> change) {
        if (!result.hasErrors()) {
            try {
                change.get();
                pages.success(redirect, done);
                return "redirect:/kendala/" + id;
            } catch (BusinessRuleException e) {
                pages.reject(result, e);
            }
        }
        return page(obstacles.get(id), model);
    }

    private String page(ObstacleDetails obstacle, Model model) {
        model.addAttribute("obstacle", obstacle);
        model.addAttribute("yearOpen", pages.yearOpen(obstacle.year()));
        if (!model.containsAttribute("followUpForm")) {
            model.addAttribute("followUpForm", new FollowUpForm());
        }
        if (!model.containsAttribute("resolveForm")) {
            model.addAttribute("resolveForm", new ResolveForm());
        }
        if (!model.containsAttribute("commentForm")) {
            model.addAttribute("commentForm", new CommentForm());
        }
        return "obstacle/detail";
    }
}
