package id.go.jambiprov.dumisake.obstacle.web;

import id.go.jambiprov.dumisake.obstacle.ObstacleCategory;
import id.go.jambiprov.dumisake.obstacle.ObstacleStatus;
import id.go.jambiprov.dumisake.opd.OpdService;
import id.go.jambiprov.dumisake.programme.FiscalYearChoice;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.region.KecamatanField;
import id.go.jambiprov.dumisake.region.KecamatanFields;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.Flash;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;

/**
 * What the obstacle pages share: the pick-lists of the filters, whether a year still takes changes, the flash
 * messages, and a rule's refusal shown at the field it concerns. An advice of this package's controllers only.
 */
@ControllerAdvice(basePackageClasses = ObstaclePages.class)
class ObstaclePages {

    /** The field of the forms a refusal is about, by the start of its code; other refusals concern the whole form. */
    private static final Map<String, String> FIELDS = Map.of(
            "CATEGORY_", "category",
            "DESCRIPTION_", "description",
            "SINCE_", "since",
            "ACTION_", "action",
            "RESPONSIBLE_", "responsible",
            "DUE_", "dueDate",
            "RESOLUTION_", "resolution",
            "COMMENT_", "text");

    private final FiscalYearService fiscalYears;
    private final KecamatanFields kecamatanFields;
    private final OpdService opds;
    private final Flash flash;

    ObstaclePages(FiscalYearService fiscalYears, KecamatanFields kecamatanFields, OpdService opds, Flash flash) {
        this.fiscalYears = fiscalYears;
        this.kecamatanFields = kecamatanFields;
        this.opds = opds;
        this.flash = flash;
    }

    List<FiscalYearChoice> years() {
        return fiscalYears.choices();
    }

    boolean yearOpen(int year) {
        return fiscalYears.choices().stream().anyMatch(choice -> choice.year() == year && choice.open());
    }

    /** The list's kecamatan filter for what was entered: a code, or a name. */
    KecamatanField kecamatanField(String kecamatan) {
        return kecamatanFields.field(null, kecamatan);
    }

    void addFilterChoices(Model model, KecamatanField kecamatanField) {
        model.addAttribute("years", years());
        model.addAttribute("kecamatanField", kecamatanField);
        model.addAttribute("opds", opds.all());
        model.addAttribute("statuses", ObstacleStatus.values());
        model.addAttribute("categories", ObstacleCategory.values());
    }

    /** The refusal under its field (which is marked invalid), or above the form when it concerns no field of it. */
    void reject(BindingResult result, BusinessRuleException refusal) {
        String field = FIELDS.entrySet().stream().filter(entry -> refusal.code().startsWith(entry.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (field != null && result.getTarget() != null
                && new BeanWrapperImpl(result.getTarget()).isReadableProperty(field)) {
            result.rejectValue(field, refusal.messageKey(), refusal.arguments(), null);
        } else {
            result.reject(refusal.messageKey(), refusal.arguments(), null);
        }
    }

    void success(RedirectAttributes redirect, String key, Object... arguments) {
        flash.success(redirect, key, arguments);
    }

    void error(RedirectAttributes redirect, String key, Object... arguments) {
        flash.error(redirect, key, arguments);
    }
}
