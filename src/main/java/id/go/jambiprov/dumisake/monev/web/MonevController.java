package id.go.jambiprov.dumisake.monev.web;

import id.go.jambiprov.dumisake.monev.GroupBy;
import id.go.jambiprov.dumisake.monev.TrafficLight;
import id.go.jambiprov.dumisake.monev.domain.TrafficLightPolicy;
import id.go.jambiprov.dumisake.monev.internal.DeviationService;
import id.go.jambiprov.dumisake.monev.internal.StalledService;
import id.go.jambiprov.dumisake.monev.internal.ThresholdService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The deviation page with its traffic light and map, and "Kenapa belum jalan?". Every role may open them: an
 * operator's figures are its OPD's (the services scope every query).
 */
@Controller
class MonevController {

    private final DeviationService deviations;
    private final StalledService stalled;
    private final ThresholdService thresholds;

    MonevController(DeviationService deviations, StalledService stalled, ThresholdService thresholds) {
        this.deviations = deviations;
        this.stalled = stalled;
        this.thresholds = thresholds;
    }

    @GetMapping("/monev")
    String deviation(@ModelAttribute("year") int year, @ModelAttribute("kabupatenKota") String kabupatenKota,
                     @RequestParam(defaultValue = "opd") String groupBy, Model model) {
        GroupBy group = GroupBy.of(groupBy).orElse(GroupBy.OPD);
        model.addAttribute("groupBy", group);
        model.addAttribute("groupBys", GroupBy.values());
        model.addAttribute("rows", deviations.rows(year, kabupatenKota, group));
        model.addAttribute("month", deviations.measuredMonth(year));
        model.addAttribute("thresholds", thresholds.current());
        model.addAttribute("missingRedPercent", TrafficLightPolicy.MISSING_REPORT_RED_PERCENT);
        model.addAttribute("lights", TrafficLight.values());
        return "monev/deviation";
    }

    @GetMapping("/monev/belum-jalan")
    String stalled(@ModelAttribute("year") int year, @ModelAttribute("kabupatenKota") String kabupatenKota,
                   Model model) {
        model.addAttribute("view", stalled.of(year, kabupatenKota));
        model.addAttribute("thresholds", thresholds.current());
        return "monev/stalled";
    }
}
