package id.go.jambiprov.dumisake.poverty.api;

import id.go.jambiprov.dumisake.poverty.Indicator;
import id.go.jambiprov.dumisake.poverty.Period;
import id.go.jambiprov.dumisake.poverty.PovertyFigures;
import id.go.jambiprov.dumisake.poverty.RegionFigures;
import id.go.jambiprov.dumisake.poverty.domain.Submission;
import id.go.jambiprov.dumisake.poverty.internal.PovertyFigureService;
import id.go.jambiprov.dumisake.poverty.internal.PovertyImportService;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Official poverty figures for scripts and other systems. Reading is open to everyone signed in; setting,
 * choosing and importing are for admins (the services say so). In a PUT, a field left out or {@code null} stays
 * as it is; a figure that should no longer count is named in {@code withdraw} and stays as an alternative.
 */
@RestController
@RequestMapping("/api/v1/poverty-indicators")
class PovertyIndicatorApiController {

    private final PovertyFigures figures;
    private final PovertyFigureService changes;
    private final PovertyImportService imports;

    PovertyIndicatorApiController(PovertyFigures figures, PovertyFigureService changes, PovertyImportService imports) {
        this.figures = figures;
        this.changes = changes;
        this.imports = imports;
    }

    @GetMapping
    List<PovertyIndicatorJson> ofYear(@RequestParam int year) {
        RegionFigures september = figures.provinceSeptember(year);
        return figures.ofYear(year).stream()
                .map(region -> PovertyIndicatorJson.of(region, region.province() ? september : null))
                .toList();
    }

    @PutMapping("/{year}/{kabupatenKotaCode}")
    PovertyIndicatorJson put(@PathVariable int year, @PathVariable String kabupatenKotaCode,
                             @RequestBody(required = false) PutRequest body) {
        // no body changes nothing, and is refused by the service (after its role check) as such
        PutRequest request = body == null ? PutRequest.EMPTY : body;
        Period period = request.period() == null ? Period.MARET : request.period();
        changes.apply(List.of(new Submission(0, year, kabupatenKotaCode, period, request.values(), request.withdrawn(),
                request.source(), request.sourceBody(), request.note())));
        RegionFigures region = figures.of(year, kabupatenKotaCode, period);
        return PovertyIndicatorJson.of(region, null);
    }

    /** Makes an alternative (by the {@code id} the GET gives it) the value that counts. */
    @PostMapping("/figures/{figureId}/choose")
    void choose(@PathVariable long figureId) {
        changes.choose(figureId);
    }

    /** A multipart {@code file}; a request without one is refused by the service as an empty file. */
    @PostMapping("/import")
    Map<String, Integer> importFile(@RequestParam(required = false) MultipartFile file) {
        return Map.of("figures", imports.importFile(file == null ? null : file.getOriginalFilename(), file));
    }

    record PutRequest(Period period, BigDecimal povertyRate, BigDecimal poorPeople, BigDecimal population,
                      BigDecimal povertyLine, BigDecimal p1, BigDecimal p2, BigDecimal extremePoor,
                      BigDecimal extremeRate, String source, String sourceBody, String note, List<String> withdraw) {

        static final PutRequest EMPTY = new PutRequest(null, null, null, null, null, null, null, null, null, null,
                null, null, null);

        Map<Indicator, BigDecimal> values() {
            Map<Indicator, BigDecimal> values = new EnumMap<>(Indicator.class);
            put(values, Indicator.POVERTY_RATE, povertyRate);
            put(values, Indicator.POOR_PEOPLE, poorPeople);
            put(values, Indicator.POPULATION, population);
            put(values, Indicator.POVERTY_LINE, povertyLine);
            put(values, Indicator.P1, p1);
            put(values, Indicator.P2, p2);
            put(values, Indicator.EXTREME_POOR, extremePoor);
            put(values, Indicator.EXTREME_RATE, extremeRate);
            return values;
        }

        Set<Indicator> withdrawn() {
            Set<Indicator> withdrawn = EnumSet.noneOf(Indicator.class);
            for (String field : withdraw == null ? List.<String>of() : withdraw) {
                try {
                    withdrawn.add(Indicator.ofField(field));
                } catch (IllegalArgumentException e) {
                    throw new BusinessRuleException("POVERTY_FIELD_UNKNOWN", "poverty.rule.fieldUnknown", field);
                }
            }
            return withdrawn;
        }

        private static void put(Map<Indicator, BigDecimal> values, Indicator indicator, BigDecimal value) {
            if (value != null) {
                values.put(indicator, value);
            }
        }
    }
}
