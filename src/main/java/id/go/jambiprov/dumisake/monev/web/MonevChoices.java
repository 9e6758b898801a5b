package id.go.jambiprov.dumisake.monev.web;

import id.go.jambiprov.dumisake.programme.FiscalYearChoice;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.region.KabupatenKotaSummary;
import id.go.jambiprov.dumisake.region.RegionService;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/**
 * The filters of the monev pages, as on the dashboard: the year picked by {@link FiscalYearChoice#select}, and
 * the kabupaten/kota to choose from.
 */
@ControllerAdvice(assignableTypes = MonevController.class)
class MonevChoices {

    private final FiscalYearService fiscalYears;
    private final RegionService regions;

    MonevChoices(FiscalYearService fiscalYears, RegionService regions) {
        this.fiscalYears = fiscalYears;
        this.regions = regions;
    }

    @ModelAttribute("year")
    int year(@RequestParam(required = false) Integer year, Model model) {
        List<FiscalYearChoice> years = fiscalYears.choices();
        int selected = FiscalYearChoice.select(year, years);
        model.addAttribute("years", years);
        return selected;
    }

    @ModelAttribute("kabupatenKotaList")
    List<KabupatenKotaSummary> kabupatenKota() {
        return regions.kabupatenKota();
    }

    /** The chosen kabupaten/kota, blank for the whole province. */
    @ModelAttribute("kabupatenKota")
    String kabupatenKotaCode(@RequestParam(required = false) String kabupatenKota) {
        return kabupatenKota == null || kabupatenKota.isBlank() ? null : kabupatenKota;
    }
}
