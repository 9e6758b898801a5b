package id.go.jambiprov.dumisake.monev.api;

import id.go.jambiprov.dumisake.monev.DeviationRow;
import id.go.jambiprov.dumisake.monev.GroupBy;
import id.go.jambiprov.dumisake.monev.TrafficLight;
import id.go.jambiprov.dumisake.monev.internal.DeviationService;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.util.List;

/**
 * The deviation table as JSON, the same rows as the monev page. A groupBy or year that is not one is a 400
 * (problem+json); a year that was never opened is a 404, as on the other dashboard endpoints.
 */
@RestController
class DeviationApiController {

    private final DeviationService deviations;
    private final FiscalYearService fiscalYears;

    DeviationApiController(DeviationService deviations, FiscalYearService fiscalYears) {
        this.deviations = deviations;
        this.fiscalYears = fiscalYears;
    }

    /** {@code groupBy} as the API spells it ({@code kabupaten-kota}); anything else fails to bind: 400. */
    @InitBinder
    void groupByValues(WebDataBinder binder) {
        binder.registerCustomEditor(GroupBy.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(GroupBy.of(text).orElseThrow(() -> new IllegalArgumentException("groupBy " + text)));
            }
        });
    }

    @GetMapping("/api/v1/dashboard/deviation")
    List<DeviationItem> deviation(@RequestParam @Min(2000) @Max(2100) int year,
                                  @RequestParam(required = false) String kabupatenKota,
                                  @RequestParam(defaultValue = "opd") GroupBy groupBy) {
        fiscalYears.get(year);
        return deviations.rows(year, kabupatenKota, groupBy).stream().map(DeviationItem::of).toList();
    }

    record DeviationItem(String code, String name, BigDecimal plannedPercent, BigDecimal physicalPercent,
                         BigDecimal financialPercent, BigDecimal deviation, TrafficLight status, BigDecimal amount,
                         long allocations, BigDecimal missingReportPercent) {
        static DeviationItem of(DeviationRow r) {
            return new DeviationItem(r.code(), r.name(), r.plannedPercent(), r.physicalPercent(), r.financialPercent(),
                    r.deviation(), r.status(), r.amount(), r.allocations(), r.missingReportPercent());
        }
    }
}
