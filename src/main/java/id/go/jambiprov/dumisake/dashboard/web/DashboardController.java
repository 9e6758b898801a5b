package id.go.jambiprov.dumisake.dashboard.web;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.allocation.AllocationFilter;
import id.go.jambiprov.dumisake.allocation.AllocationTotals;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.dashboard.internal.DashboardService;
import id.go.jambiprov.dumisake.dashboard.internal.ReviewNoteService;
import id.go.jambiprov.dumisake.dashboard.internal.ReviewTarget;
import id.go.jambiprov.dumisake.opd.OpdService;
import id.go.jambiprov.dumisake.region.KabupatenKotaSummary;
import id.go.jambiprov.dumisake.region.RegionService;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import id.go.jambiprov.dumisake.shared.Pageables;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The monitoring dashboard: province → kabupaten/kota → kecamatan, by OPD, programme and mechanism. */
@Controller
class DashboardController {

    /** What the cached parts of the pages read (dashboard.web.RenderedFragments): the page's parameters below. */
    private static final List<String> OVERVIEW_PARAMETERS = List.of("year", "kabupatenKota");
    /** The columns the kecamatan's allocation table sorts by (its links), and its order without one. */
    private static final Set<String> KECAMATAN_SORTABLE = Set.of("id", "kecamatan", "opd", "programme", "title",
            "amount", "plannedMonth", "disbursed", "status");
    private static final Sort KECAMATAN_ORDER = Sort.by(Sort.Direction.ASC, "id");
    private static final int KECAMATAN_PAGE_SIZE = 100;

    private final DashboardService dashboard;
    private final ReviewNoteService notes;
    private final Allocations allocations;
    private final RegionService regions;
    private final OpdService opds;
    private final RenderedFragments fragments;

    /** The year and the pick-lists come from {@link DashboardChoices}. */
    DashboardController(DashboardService dashboard, ReviewNoteService notes, Allocations allocations,
                        RegionService regions, OpdService opds, RenderedFragments fragments) {
        this.dashboard = dashboard;
        this.notes = notes;
        this.allocations = allocations;
        this.regions = regions;
        this.opds = opds;
        this.fragments = fragments;
    }

    @GetMapping("/dasbor")
    String dashboard(@ModelAttribute("year") int selected, @RequestParam(required = false) String kabupatenKota,
                     HttpServletRequest request, HttpServletResponse response, Model model) {
        String scopedOpd = CurrentUser.opdScope();
        KabupatenKotaSummary parent = kabupatenKota == null || kabupatenKota.isBlank() ? null
                : regions.kabupatenKota(kabupatenKota);
        model.addAttribute("parent", parent);
        model.addAttribute("kabupatenKota", kabupatenKota);
        model.addAttribute("scopedOpd", scopedOpd);
        model.addAttribute("figures", fragments.render("dashboard/overview-figures", OVERVIEW_PARAMETERS, request,
                response, () -> {
            DashboardService.Overview overview = dashboard.overview(selected, kabupatenKota);
            Map<String, Object> figures = new HashMap<>();
            figures.put("year", selected);
            figures.put("kabupatenKota", kabupatenKota);
            figures.put("parent", parent);
            figures.put("scopedOpd", scopedOpd);
            figures.put("summary", overview.summary());
            figures.put("rows", overview.rows());
            figures.put("byOpd", overview.byOpd());
            figures.put("byProgramme", overview.byProgramme());
            figures.put("byMechanism", overview.byMechanism());
            figures.put("laggards", overview.laggards());
            figures.put("openNotes", notes.openCount(kabupatenKota));
            return figures;
        }));
        return "dashboard/dashboard";
    }

    @GetMapping("/dasbor/kecamatan/{code}")
    String kecamatan(@PathVariable String code, @ModelAttribute("year") int selected,
                     @PageableDefault(size = KECAMATAN_PAGE_SIZE, sort = "id", direction = Sort.Direction.ASC)
                     Pageable pageable, HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("row", dashboard.kecamatan(selected, code));
        model.addAttribute("scopedOpd", CurrentUser.opdScope());
        AllocationFilter filter = AllocationFilter.ofEnvelope(selected, code);
        Pageable offered = Pageables.offered(pageable, KECAMATAN_SORTABLE, KECAMATAN_ORDER, KECAMATAN_PAGE_SIZE);
        // the first page always exists; a further one is counted so that pages past the end share the last; the
        // totals are read once, and only when such a page or a rendering needs them
        SingletonSupplier<AllocationTotals> totals = SingletonSupplier.of(() -> allocations.totals(filter));
        Pageable paging = offered.getPageNumber() == 0 ? offered
                : Pageables.withinRows(offered, totals.obtain().allocations());
        model.addAttribute("allocationTable", fragments.render("dashboard/kecamatan-allocations",
                kecamatanParameters(selected, paging), request, response, () -> Map.of(
                        "page", allocations.rows(filter, paging, totals.obtain().allocations()),
                        "totals", totals.obtain())));
        model.addAttribute("notes", notes.on(ReviewTarget.KECAMATAN, code));
        model.addAttribute("target", ReviewTarget.KECAMATAN);
        model.addAttribute("targetCode", code);
        model.addAttribute("returnTo", pathOf(request));
        return "dashboard/kecamatan";
    }

    @GetMapping("/dasbor/opd/{code}")
    String opd(@PathVariable String code, @ModelAttribute("year") int selected,
               @PageableDefault(size = 100, sort = "kecamatan") Pageable pageable, HttpServletRequest request,
               Model model) {
        String scope = CurrentUser.opdScope();
        if (scope != null && !scope.equals(code)) {
            throw new NotFoundException("opd.notFound", code);
        }
        model.addAttribute("opd", opds.get(code));
        model.addAttribute("row", dashboard.opd(selected, code).orElse(null));
        AllocationFilter filter = new AllocationFilter(selected, null, null, code, null, null, null);
        AllocationTotals totals = allocations.totals(filter);
        model.addAttribute("page", allocations.rows(filter, pageable, totals.allocations()));
        model.addAttribute("totals", totals);
        model.addAttribute("notes", notes.on(ReviewTarget.OPD, code));
        model.addAttribute("target", ReviewTarget.OPD);
        model.addAttribute("targetCode", code);
        model.addAttribute("returnTo", pathOf(request));
        return "dashboard/opd";
    }

    /** The parameters of a kecamatan's cached table, as parsed: only those that differ from the defaults. */
    private static Map<String, String> kecamatanParameters(int year, Pageable paging) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("year", Integer.toString(year));
        parameters.put("page", paging.getPageNumber() == 0 ? null : Integer.toString(paging.getPageNumber()));
        parameters.put("size", paging.getPageSize() == KECAMATAN_PAGE_SIZE ? null
                : Integer.toString(paging.getPageSize()));
        Sort.Order order = paging.getSort().iterator().next();
        parameters.put("sort", paging.getSort().equals(KECAMATAN_ORDER) ? null
                : order.getProperty() + "," + order.getDirection().name().toLowerCase(Locale.ROOT));
        return parameters;
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    }
}
