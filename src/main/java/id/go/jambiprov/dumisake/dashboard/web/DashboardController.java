package id.go.jambiprov.dumisake.dashboard.web;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.allocation.AllocationFilter;
import id.go.jambiprov.dumisake.allocation.AllocationService;
import id.go.jambiprov.dumisake.dashboard.DashboardService;
import id.go.jambiprov.dumisake.dashboard.RegionRow;
import id.go.jambiprov.dumisake.dashboard.ReviewNoteService;
import id.go.jambiprov.dumisake.dashboard.ReviewTarget;
import id.go.jambiprov.dumisake.opd.OpdService;
import id.go.jambiprov.dumisake.programme.EnvelopeService;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.FiscalYearView;
import id.go.jambiprov.dumisake.region.RegionService;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/** The monitoring dashboard: province → kabupaten/kota → kecamatan, by OPD, programme and mechanism. */
@Controller
class DashboardController {

    private final DashboardService dashboard;
    private final ReviewNoteService notes;
    private final FiscalYearService fiscalYears;
    private final EnvelopeService envelopes;
    private final AllocationService allocations;
    private final RegionService regions;
    private final OpdService opds;

    DashboardController(DashboardService dashboard, ReviewNoteService notes, FiscalYearService fiscalYears,
                        EnvelopeService envelopes, AllocationService allocations, RegionService regions,
                        OpdService opds) {
        this.dashboard = dashboard;
        this.notes = notes;
        this.fiscalYears = fiscalYears;
        this.envelopes = envelopes;
        this.allocations = allocations;
        this.regions = regions;
        this.opds = opds;
    }

    @GetMapping("/dasbor")
    String dashboard(@RequestParam(required = false) Integer year, @RequestParam(required = false) String kabupatenKota,
                     Model model) {
        int selected = year(year, model);
        model.addAttribute("summary", dashboard.summary(selected, kabupatenKota));
        if (kabupatenKota != null && !kabupatenKota.isBlank()) {
            model.addAttribute("parent", regions.kabupatenKota(kabupatenKota));
            model.addAttribute("rows", dashboard.byKecamatan(selected, kabupatenKota));
        } else {
            model.addAttribute("rows", dashboard.byKabupatenKota(selected));
        }
        model.addAttribute("kabupatenKota", kabupatenKota);
        model.addAttribute("kabupatenKotaList", regions.kabupatenKota());
        model.addAttribute("byOpd", dashboard.byOpd(selected, kabupatenKota));
        model.addAttribute("byProgramme", dashboard.byProgramme(selected, kabupatenKota));
        model.addAttribute("byMechanism", dashboard.byMechanism(selected, kabupatenKota));
        model.addAttribute("laggards", dashboard.laggards(selected, kabupatenKota));
        model.addAttribute("openNotes", notes.open().size());
        model.addAttribute("scopedOpd", CurrentUser.opdScope());
        return "dashboard/dashboard";
    }

    @GetMapping("/dasbor/kecamatan/{code}")
    String kecamatan(@PathVariable String code, @RequestParam(required = false) Integer year,
                     @PageableDefault(size = 100, sort = "id", direction = Sort.Direction.ASC) Pageable pageable,
                     HttpServletRequest request, Model model) {
        int selected = year(year, model);
        // a kecamatan code starts with its kabupaten/kota code: ask for that one kabupaten/kota's rows only
        String kabupatenKota = code.length() >= 5 ? code.substring(0, 5) : code;
        List<RegionRow> row = dashboard.byKecamatan(selected, kabupatenKota).stream()
                .filter(r -> r.code().equals(code)).toList();
        if (row.isEmpty()) {
            throw new NotFoundException("envelope.notFound", code, selected);
        }
        model.addAttribute("row", row.get(0));
        model.addAttribute("envelope", envelopes.get(selected, code));
        AllocationFilter filter = AllocationFilter.ofEnvelope(selected, code);
        model.addAttribute("page", allocations.search(filter, pageable));
        model.addAttribute("totals", allocations.totals(filter));
        model.addAttribute("notes", notes.on(ReviewTarget.KECAMATAN, code));
        model.addAttribute("target", ReviewTarget.KECAMATAN);
        model.addAttribute("targetCode", code);
        model.addAttribute("returnTo", pathOf(request));
        return "dashboard/kecamatan";
    }

    @GetMapping("/dasbor/opd/{code}")
    String opd(@PathVariable String code, @RequestParam(required = false) Integer year,
               @PageableDefault(size = 100, sort = "kecamatan") Pageable pageable, HttpServletRequest request,
               Model model) {
        String scope = CurrentUser.opdScope();
        if (scope != null && !scope.equals(code)) {
            throw new NotFoundException("opd.notFound", code);
        }
        int selected = year(year, model);
        model.addAttribute("opd", opds.get(code));
        model.addAttribute("row", dashboard.byOpd(selected, null).stream().filter(r -> r.code().equals(code)).findFirst()
                .orElse(null));
        AllocationFilter filter = new AllocationFilter(selected, null, null, code, null, null, null);
        model.addAttribute("page", allocations.search(filter, pageable));
        model.addAttribute("totals", allocations.totals(filter));
        model.addAttribute("notes", notes.on(ReviewTarget.OPD, code));
        model.addAttribute("target", ReviewTarget.OPD);
        model.addAttribute("targetCode", code);
        model.addAttribute("returnTo", pathOf(request));
        return "dashboard/opd";
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    }

    private int year(Integer requested, Model model) {
        List<FiscalYearView> years = fiscalYears.all();
        int selected = requested != null ? requested
                : years.stream().filter(FiscalYearView::open).findFirst().or(() -> years.stream().findFirst())
                .map(FiscalYearView::year).orElseThrow(() -> new NotFoundException("fiscalYear.none"));
        fiscalYears.get(selected);
        model.addAttribute("years", years);
        model.addAttribute("year", selected);
        return selected;
    }
}
