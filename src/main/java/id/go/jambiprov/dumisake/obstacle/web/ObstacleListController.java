package id.go.jambiprov.dumisake.obstacle.web;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.obstacle.ObstacleCategory;
import id.go.jambiprov.dumisake.obstacle.ObstacleFilter;
import id.go.jambiprov.dumisake.obstacle.ObstacleStatus;
import id.go.jambiprov.dumisake.obstacle.ObstacleSummary;
import id.go.jambiprov.dumisake.obstacle.Obstacles;
import id.go.jambiprov.dumisake.programme.FiscalYearChoice;
import id.go.jambiprov.dumisake.region.KecamatanField;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/** The obstacle list with its filters, and the obstacles of one allocation as a part of the allocation's page. */
@Controller
class ObstacleListController {

    private static final int MAX_PAGE_SIZE = 100;

    private final Obstacles obstacles;
    private final ObstaclePages pages;

    ObstacleListController(Obstacles obstacles, ObstaclePages pages) {
        this.obstacles = obstacles;
        this.pages = pages;
    }

    @GetMapping("/kendala")
    String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) String opd,
                @RequestParam(required = false) String kecamatan, @RequestParam(required = false) ObstacleStatus status,
                @RequestParam(required = false) ObstacleCategory category,
                @RequestParam(required = false) Boolean escalated, @PageableDefault(size = 50) Pageable pageable,
                Model model) {
        String scopedOpd = CurrentUser.opdScope();
        List<FiscalYearChoice> years = pages.years();
        Integer selectedYear = year != null ? year : years.stream().findFirst().map(FiscalYearChoice::year).orElse(null);
        KecamatanField kecamatanField = pages.kecamatanField(kecamatan);
        ObstacleFilter filter = new ObstacleFilter(selectedYear, scopedOpd != null ? null : opd, kecamatanField.code(),
                status, category, escalated);
        model.addAttribute("filter", filter);
        model.addAttribute("page", obstacles.search(filter,
                PageRequest.of(pageable.getPageNumber(), Math.min(pageable.getPageSize(), MAX_PAGE_SIZE))));
        model.addAttribute("scopedOpd", scopedOpd);
        pages.addFilterChoices(model, kecamatanField);
        return "obstacle/list";
    }

    /** The "Kendala" block of an allocation's page, loaded by htmx. */
    @GetMapping("/kendala/alokasi/{allocationId}")
    String ofAllocation(@PathVariable("allocationId") long allocationId, @RequestParam int year, Model model) {
        List<ObstacleSummary> list = obstacles.ofAllocation(allocationId);
        model.addAttribute("obstacles", list);
        model.addAttribute("openCount", list.stream().filter(o -> !o.status().resolved()).count());
        model.addAttribute("allocationId", allocationId);
        model.addAttribute("yearOpen", pages.yearOpen(year));
        return "obstacle/fragments :: ofAllocation";
    }
}
