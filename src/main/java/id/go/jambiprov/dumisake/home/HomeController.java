package id.go.jambiprov.dumisake.home;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.allocation.AllocationFilter;
import id.go.jambiprov.dumisake.allocation.AllocationStatus;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.opd.OpdService;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.region.RegionService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Each role's start page: what the signed-in person has to do and see first. */
@Controller
class HomeController {

    private final RegionService regions;
    private final OpdService opds;
    private final FiscalYearService fiscalYears;
    private final Allocations allocations;

    HomeController(RegionService regions, OpdService opds, FiscalYearService fiscalYears,
                   Allocations allocations) {
        this.regions = regions;
        this.opds = opds;
        this.fiscalYears = fiscalYears;
        this.allocations = allocations;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal DumisakeUser user, Model model) {
        model.addAttribute("kabupatenKota", regions.kabupatenKota());
        fiscalYears.all().stream().findFirst().ifPresent(year -> {
            model.addAttribute("fiscalYear", year);
            model.addAttribute("allocationTotals", allocations.totals(
                    new AllocationFilter(year.year(), null, null, null, null, null, AllocationStatus.ACTIVE)));
        });
        if (user.opdCode() != null) {
            model.addAttribute("opd", opds.get(user.opdCode()));
        }
        return switch (user.role()) {
            case ADMIN -> "home/admin";
            case EXPERT -> "home/expert";
            case OPD_OPERATOR -> "home/operator";
        };
    }
}
