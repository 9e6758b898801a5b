package id.go.jambiprov.dumisake.dashboard.web;

import id.go.jambiprov.dumisake.programme.FiscalYearChoice;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.region.KabupatenKotaSummary;
import id.go.jambiprov.dumisake.region.RegionService;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.context.LazyContextVariable;

import java.util.List;

/**
 * The pick-lists of the dashboard pages, loaded in one place: every page chooses its fiscal year (picked by
 * {@link FiscalYearChoice#select}), the province page also its kabupaten/kota.
 */
@ControllerAdvice(assignableTypes = {DashboardController.class, WarningListController.class})
class DashboardChoices {

    private final FiscalYearService fiscalYears;
    private final RegionService regions;

    DashboardChoices(FiscalYearService fiscalYears, RegionService regions) {
        this.fiscalYears = fiscalYears;
        this.regions = regions;
    }

    /** The chosen year, with the years to choose from as {@code years}; a year that does not exist is not found. */
    @ModelAttribute("year")
    int year(@RequestParam(required = false) Integer year, Model model) {
        List<FiscalYearChoice> years = fiscalYears.choices();
        int selected = FiscalYearChoice.select(year, years);
        model.addAttribute("years", years);
        return selected;
    }

    /**
     * The kabupaten/kota to filter the province page by, read only when a page shows the list, so that the
     * other pages cost no statement for it.
     */
    @ModelAttribute("kabupatenKotaList")
    LazyContextVariable<List<KabupatenKotaSummary>> kabupatenKota() {
        return new LazyContextVariable<>() {
            @Override
            protected List<KabupatenKotaSummary> loadValue() {
                return regions.kabupatenKota();
            }
        };
    }
}
