package id.go.jambiprov.dumisake.disbursement.web;

import id.go.jambiprov.dumisake.disbursement.DisbursementView;
import id.go.jambiprov.dumisake.opd.OpdService;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.FiscalYearChoice;
import id.go.jambiprov.dumisake.region.KecamatanField;
import id.go.jambiprov.dumisake.region.KecamatanFields;
import id.go.jambiprov.dumisake.region.RegionService;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.Flash;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.function.Supplier;

/**
 * What the disbursement pages share: the pick-lists of the work list and the verification queue, the flash
 * messages, and the one-click actions of the detail page. An advice of this package's controllers (it adds
 * nothing to their models by itself), so that it comes with them wherever they are loaded, web-slice tests
 * included.
 */
@ControllerAdvice(basePackageClasses = DisbursementPages.class)
class DisbursementPages {

    private final FiscalYearService fiscalYears;
    private final RegionService regions;
    private final KecamatanFields kecamatanFields;
    private final OpdService opds;
    private final Flash flash;

    DisbursementPages(FiscalYearService fiscalYears, RegionService regions, KecamatanFields kecamatanFields,
                      OpdService opds, Flash flash) {
        this.fiscalYears = fiscalYears;
        this.regions = regions;
        this.kecamatanFields = kecamatanFields;
        this.opds = opds;
        this.flash = flash;
    }

    /** The years the work list filters by, newest first (without the envelope totals a year's page adds up). */
    List<FiscalYearChoice> years() {
        return fiscalYears.choices();
    }

    /** The work list's kecamatan filter for what was entered: a code, or a name. */
    KecamatanField kecamatanField(String kecamatan) {
        return kecamatanFields.field(null, kecamatan);
    }

    /** The agencies and kecamatan the operator's work list filters by. */
    void addWorkListChoices(Model model, KecamatanField kecamatanField) {
        model.addAttribute("kecamatanField", kecamatanField);
        model.addAttribute("opds", opds.all());
    }

    /** The agencies and kabupaten/kota the verification queue filters by. */
    void addQueueChoices(Model model) {
        model.addAttribute("opds", opds.all());
        model.addAttribute("kabupatenKotaList", regions.kabupatenKota());
    }

    /**
     * A button of the detail page: does {@code action} and goes back to the disbursement, with the success
     * message or the rule it broke.
     */
    String act(long id, RedirectAttributes redirect, Supplier<DisbursementView> action, String successKey) {
        try {
            DisbursementView done = action.get();
            flash(redirect, successKey, Rupiah.format(done.amount()));
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("actionError", flash.text(e.messageKey(), e.arguments()));
        }
        return "redirect:/pencairan/" + id;
    }

    void flash(RedirectAttributes redirect, String key, Object... arguments) {
        flash.success(redirect, key, arguments);
    }

}
