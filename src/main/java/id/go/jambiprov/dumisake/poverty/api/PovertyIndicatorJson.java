package id.go.jambiprov.dumisake.poverty.api;

import id.go.jambiprov.dumisake.poverty.Figure;
import id.go.jambiprov.dumisake.poverty.Indicator;
import id.go.jambiprov.dumisake.poverty.RegionFigures;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One region's figures of a year as the API gives them: {@code null} where nothing was published (never 0),
 * {@code source} the sources of the values that count (joined by {@code " | "}), {@code sources} each value's
 * own source and note, and the other versions as {@code alternatives}. The province's element also carries its
 * September figures in {@code september}; the list itself stays one element per region (all March).
 */
record PovertyIndicatorJson(String kabupatenKotaCode, String name, int year, String period, BigDecimal povertyRate,
                            BigDecimal poorPeople, BigDecimal population, BigDecimal povertyLine, BigDecimal p1,
                            BigDecimal p2, BigDecimal extremePoor, BigDecimal extremeRate, String source,
                            Map<String, SourceJson> sources, List<AlternativeJson> alternatives,
                            PovertyIndicatorJson september) {

    record SourceJson(long id, String source, String sourceBody, String note) {
    }

    record AlternativeJson(long id, String field, BigDecimal value, String source, String sourceBody, String note) {
    }

    static PovertyIndicatorJson of(RegionFigures region, RegionFigures september) {
        Set<String> sources = new LinkedHashSet<>();
        Map<String, SourceJson> perField = new LinkedHashMap<>();
        for (Indicator indicator : Indicator.values()) {
            Figure figure = region.figure(indicator);
            if (figure != null) {
                sources.addAll(figure.sources());
                perField.put(indicator.field(), new SourceJson(figure.id(), figure.source(), figure.sourceBody(),
                        figure.note()));
            }
        }
        List<AlternativeJson> alternatives = region.alternatives().stream()
                .map(a -> new AlternativeJson(a.id(), a.indicator().field(), a.value(), a.source(), a.sourceBody(),
                        a.note()))
                .toList();
        return new PovertyIndicatorJson(region.code(), region.name(), region.year(), region.period().name(),
                region.value(Indicator.POVERTY_RATE), region.value(Indicator.POOR_PEOPLE),
                region.value(Indicator.POPULATION), region.value(Indicator.POVERTY_LINE), region.value(Indicator.P1),
                region.value(Indicator.P2), region.value(Indicator.EXTREME_POOR), region.value(Indicator.EXTREME_RATE),
                sources.isEmpty() ? null : String.join(" | ", sources), perField, alternatives,
                september == null ? null : of(september, null));
    }
}
