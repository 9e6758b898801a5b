package id.go.jambiprov.dumisake.allocation.web;

import id.go.jambiprov.dumisake.allocation.AllocationFilter;
import id.go.jambiprov.dumisake.allocation.EnvelopeView;
import id.go.jambiprov.dumisake.allocation.AllocationTotals;
import id.go.jambiprov.dumisake.allocation.internal.AllocationQueries;
import id.go.jambiprov.dumisake.allocation.internal.EnvelopeQueries;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.region.RegionService;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The envelopes of a fiscal year, and one kecamatan's envelope with its allocations. */
@Controller
@RequestMapping("/tahun-anggaran/{year}")
@PreAuthorize("hasAnyRole('ADMIN', 'EXPERT')")
class EnvelopeController {

    private static final Map<String, Comparator<EnvelopeView>> SORTS = Map.of(
            "kecamatan", Comparator.comparing(EnvelopeView::kecamatanName),
            "kabupatenKota", Comparator.comparing(EnvelopeView::kabupatenKotaName)
                    .thenComparing(EnvelopeView::kecamatanCode),
            "code", Comparator.comparing(EnvelopeView::kecamatanCode),
            "pagu", Comparator.comparing(EnvelopeView::pagu),
            "allocated", Comparator.comparing(EnvelopeView::allocated),
            "remaining", Comparator.comparing(EnvelopeView::remaining),
            "percent", Comparator.comparing(EnvelopeController::share),
            "realised", Comparator.comparing(EnvelopeView::realised));

    private final FiscalYearService fiscalYears;
    private final EnvelopeQueries envelopes;
    private final AllocationQueries allocations;
    private final RegionService regions;

    EnvelopeController(FiscalYearService fiscalYears, EnvelopeQueries envelopes, AllocationQueries allocations,
                       RegionService regions) {
        this.fiscalYears = fiscalYears;
        this.envelopes = envelopes;
        this.allocations = allocations;
        this.regions = regions;
    }

    @GetMapping
    String envelopes(@PathVariable int year, @RequestParam(required = false) String kabupatenKota,
                     @RequestParam(defaultValue = "code,asc") String sort, Model model) {
        model.addAttribute("fiscalYear", fiscalYears.get(year));
        String[] sortParts = sort.split(",");
        Comparator<EnvelopeView> order = SORTS.getOrDefault(sortParts[0], SORTS.get("code"));
        if (sortParts.length > 1 && sortParts[1].equalsIgnoreCase("desc")) {
            order = order.reversed();
        }
        List<EnvelopeView> rows = envelopes.overview(year, kabupatenKota).stream().sorted(order).toList();
        model.addAttribute("envelopes", rows);
        model.addAttribute("kabupatenKotaList", regions.kabupatenKota());
        model.addAttribute("kabupatenKota", kabupatenKota);
        model.addAttribute("totalPagu", total(rows, EnvelopeView::pagu));
        model.addAttribute("totalAllocated", total(rows, EnvelopeView::allocated));
        model.addAttribute("totalRealised", total(rows, EnvelopeView::realised));
        return "allocation/envelopes";
    }

    @GetMapping("/kecamatan/{code}")
    String kecamatan(@PathVariable int year, @PathVariable String code,
                     @PageableDefault(size = 100, sort = "id", direction = Sort.Direction.ASC) Pageable pageable,
                     Model model) {
        model.addAttribute("envelope", envelopes.get(year, code));
        AllocationFilter filter = AllocationFilter.ofEnvelope(year, code);
        AllocationTotals totals = allocations.totals(filter);
        model.addAttribute("page", allocations.rows(filter, pageable, totals.allocations()));
        model.addAttribute("totals", totals);
        return "allocation/kecamatan";
    }

    private static BigDecimal total(List<EnvelopeView> rows, Function<EnvelopeView, BigDecimal> figure) {
        return rows.stream().map(figure).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal share(EnvelopeView envelope) {
        return envelope.allocated().divide(envelope.pagu(), 6, RoundingMode.HALF_UP);
    }
}
