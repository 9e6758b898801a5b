package id.go.jambiprov.dumisake.monev.web;

import id.go.jambiprov.dumisake.programme.FiscalYearChoice;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.region.KabupatenKotaSummary;
import id.go.jambiprov.dumisake.region.RegionService;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/**
 * The filters of the monev pages, as on the dashboard: the year asked for, else the open one, else the latest
 * (a year that does not exist is not found), and the kabupaten/kota to choose from.
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
        int selected = year != null ? year
                : years.stream().filter(FiscalYearChoice::open).findFirst().or(() -> years.stream().findFirst())
                .map(FiscalYearChoice::year).orElseThrow(() -> new NotFoundException("fiscalYear.none"));
        if (years.stream().noneMatch(y -> y.year() == selected)) {
            throw new NotFoundException("fiscalYear.notFound", selected);
        }
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
