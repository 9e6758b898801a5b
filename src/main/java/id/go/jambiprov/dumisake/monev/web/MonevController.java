package id.go.jambiprov.dumisake.monev.web;

import id.go.jambiprov.dumisake.monev.DeviationRow;
import id.go.jambiprov.dumisake.monev.GroupBy;
import id.go.jambiprov.dumisake.monev.domain.TrafficLightPolicy;
import id.go.jambiprov.dumisake.monev.internal.DeviationService;
import id.go.jambiprov.dumisake.monev.internal.StalledService;
import id.go.jambiprov.dumisake.monev.internal.ThresholdService;
import id.go.jambiprov.dumisake.shared.Pageables;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The deviation page with its traffic light and map, and "Kenapa belum jalan?". Every role may open them: an
 * operator's figures are its OPD's (the services scope every query).
 */
@Controller
class MonevController {

    private static final int ALLOCATION_PAGE_SIZE = 50;
    private static final int KECAMATAN_PAGE_SIZE = 100;

    private final DeviationService deviations;
    private final StalledService stalled;
    private final ThresholdService thresholds;
    private final MessageSource messages;

    MonevController(DeviationService deviations, StalledService stalled, ThresholdService thresholds,
                    MessageSource messages) {
        this.deviations = deviations;
        this.stalled = stalled;
        this.thresholds = thresholds;
        this.messages = messages;
    }

    @GetMapping("/monev")
    String deviation(@ModelAttribute("year") int year, @ModelAttribute("kabupatenKota") String kabupatenKota,
                     @RequestParam(defaultValue = "opd") String groupBy, Pageable pageable,
                     @RequestParam(required = false) Integer size, Locale locale, Model model) {
        GroupBy group = GroupBy.of(groupBy).orElse(GroupBy.OPD);
        boolean perAllocation = group == GroupBy.ALLOCATION;
        model.addAttribute("groupBy", group);
        model.addAttribute("groupBys", GroupBy.values());
        model.addAttribute("perAllocation", perAllocation);
        List<DeviationRow> rows;
        if (perAllocation || group == GroupBy.KECAMATAN) {
            // a year has thousands of allocations, a country thousands of kecamatan: one table of them all is too
            // long to read, and rendered for several people at once it would not fit the server's memory
            int defaultSize = perAllocation ? ALLOCATION_PAGE_SIZE : KECAMATAN_PAGE_SIZE;
            Pageable asked = size == null ? PageRequest.of(pageable.getPageNumber(), defaultSize) : pageable;
            Page<DeviationRow> page = deviations.page(year, kabupatenKota, group,
                    Pageables.offered(asked, Set.of(), Sort.unsorted(), defaultSize));
            model.addAttribute("page", page);
            rows = page.getContent();
        } else {
            rows = deviations.rows(year, kabupatenKota, group);
        }
        model.addAttribute("rows", DeviationTable.of(rows, perAllocation, messages, locale));
        model.addAttribute("month", deviations.measuredMonth(year));
        model.addAttribute("thresholds", thresholds.current());
        model.addAttribute("missingRedPercent", TrafficLightPolicy.MISSING_REPORT_RED_PERCENT);
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
