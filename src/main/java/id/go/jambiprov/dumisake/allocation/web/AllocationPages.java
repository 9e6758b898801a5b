package id.go.jambiprov.dumisake.allocation.web;

import id.go.jambiprov.dumisake.opd.OpdService;
import id.go.jambiprov.dumisake.programme.FiscalYearChoice;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.FiscalYearView;
import id.go.jambiprov.dumisake.programme.ProgrammeService;
import id.go.jambiprov.dumisake.region.KecamatanField;
import id.go.jambiprov.dumisake.region.KecamatanFields;
import id.go.jambiprov.dumisake.region.RegionService;
import id.go.jambiprov.dumisake.shared.Flash;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/**
 * What the allocation pages share: the pick-lists of their forms and filters, and the flash messages. An advice
 * of this package's controllers (it adds nothing to their models by itself), so that it comes with them wherever
 * they are loaded, web-slice tests included.
 */
@ControllerAdvice(basePackageClasses = AllocationPages.class)
class AllocationPages {

    private final FiscalYearService fiscalYears;
    private final ProgrammeService programmes;
    private final RegionService regions;
    private final KecamatanFields kecamatanFields;
    private final OpdService opds;
    private final Flash flash;

    AllocationPages(FiscalYearService fiscalYears, ProgrammeService programmes, RegionService regions,
                    KecamatanFields kecamatanFields, OpdService opds, Flash flash) {
        this.fiscalYears = fiscalYears;
        this.programmes = programmes;
        this.regions = regions;
        this.kecamatanFields = kecamatanFields;
        this.opds = opds;
        this.flash = flash;
    }

    /** The years a list filters by, newest first (without the envelope totals a year's page adds up). */
    List<FiscalYearChoice> years() {
        return fiscalYears.choices();
    }

    /** The years that take allocations, newest first. */
    List<FiscalYearView> openYears() {
        return fiscalYears.all().stream().filter(FiscalYearView::open).toList();
    }

    /** The places, agencies and programmes a form offers: only active agencies and programmes. */
    void addFormChoices(Model model) {
        model.addAttribute("kabupatenKotaList", regions.kabupatenKota());
        model.addAttribute("kecamatanList", regions.kecamatan(null, null, Pageable.unpaged(Sort.by("code"))));
        model.addAttribute("opds", opds.all().stream().filter(o -> o.active()).toList());
        model.addAttribute("programmes", programmes.all().stream().filter(p -> p.active()).toList());
    }

    /** The list's kecamatan filter for what was entered: a code, or a name of the chosen kabupaten/kota's. */
    KecamatanField kecamatanField(String kabupatenKota, String kecamatan) {
        return kecamatanFields.field(kabupatenKota, kecamatan);
    }

    /** The places, agencies and programmes a list filters by: all of them, kecamatan of the chosen kabupaten/kota. */
    void addFilterChoices(Model model, KecamatanField kecamatanField) {
        model.addAttribute("kabupatenKotaList", regions.kabupatenKota());
        model.addAttribute("kecamatanField", kecamatanField);
        model.addAttribute("opds", opds.all());
        model.addAttribute("programmes", programmes.all());
    }

    void flash(RedirectAttributes redirect, String key, Object... arguments) {
        flash.success(redirect, key, arguments);
    }

    String message(String key, Object... arguments) {
        return flash.text(key, arguments);
    }
}
