package id.go.jambiprov.dumisake.obstacle.web;

import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.obstacle.NewObstacle;
import id.go.jambiprov.dumisake.obstacle.ObstacleCategory;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;

/** The operator's "report an obstacle" form, opened from an allocation or from one of its progress reports. */
@Controller
@PreAuthorize("hasRole('OPD_OPERATOR')")
class NewObstacleController {

    private final Obstacles obstacles;
    private final Allocations allocations;
    private final ObstaclePages pages;
    private final Clock clock;

    NewObstacleController(Obstacles obstacles, Allocations allocations, ObstaclePages pages, Clock clock) {
        this.obstacles = obstacles;
        this.allocations = allocations;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/kendala/baru")
    String form(@RequestParam long allocationId, @RequestParam(required = false) Long reportId, Model model) {
        ObstacleForm form = new ObstacleForm();
        form.setAllocationId(allocationId);
        form.setReportId(reportId);
        form.setSince(LocalDate.now(clock));
        return page(form, model);
    }

    @PostMapping("/kendala/baru")
    String raise(@Valid @ModelAttribute("obstacleForm") ObstacleForm form, BindingResult result, Model model,
                 RedirectAttributes redirect) {
        if (form.getAllocationId() == null) {
            return "redirect:/kendala";
        }
        if (!result.hasErrors()) {
            try {
                ObstacleDetails raised = obstacles.raise(new NewObstacle(form.getAllocationId(), form.getCategory(),
                        form.getDescription(), form.getSince(), form.getReportId()));
                pages.success(redirect, "obstacle.raised");
                return "redirect:/kendala/" + raised.id();
            } catch (BusinessRuleException e) {
                pages.reject(result, e);
            }
        }
        return page(form, model);
    }

    private String page(ObstacleForm form, Model model) {
        model.addAttribute("allocation", allocations.get(form.getAllocationId()));
        model.addAttribute("obstacleForm", form);
        model.addAttribute("categories", ObstacleCategory.values());
        model.addAttribute("today", LocalDate.now(clock));
        return "obstacle/form";
    }
}
