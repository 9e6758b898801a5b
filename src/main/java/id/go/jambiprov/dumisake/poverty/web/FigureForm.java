package id.go.jambiprov.dumisake.poverty.web;

import id.go.jambiprov.dumisake.poverty.Indicator;
import id.go.jambiprov.dumisake.poverty.Period;
import id.go.jambiprov.dumisake.poverty.RegionFigures;
import id.go.jambiprov.dumisake.poverty.domain.FigurePolicy;
import id.go.jambiprov.dumisake.poverty.domain.Submission;
import id.go.jambiprov.dumisake.poverty.domain.Violation;
import lombok.Getter;
import lombok.Setter;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The figures of one region, year and period as typed. The form shows the values that count; only a value
 * that differs from it is submitted (with the source typed here), and a value that was there and is now
 * emptied is withdrawn: it no longer counts and stays visible as an alternative.
 */
@Getter
@Setter
public class FigureForm {

    private String povertyRate;
    private String poorPeople;
    private String population;
    private String povertyLine;
    private String p1;
    private String p2;
    private String extremePoor;
    private String extremeRate;
    private String source;
    private String sourceBody;
    private String note;

    /** The form as it opens: the values that count now, no source (one is typed for what changes). */
    static FigureForm of(RegionFigures region, Function<BigDecimal, String> input) {
        FigureForm form = new FigureForm();
        for (Indicator indicator : Indicator.values()) {
            form.set(indicator, input.apply(region.value(indicator)));
        }
        return form;
    }

    /** What changes against {@code region}; texts that are no number are added to {@code violations}. */
    Submission submission(RegionFigures region, Period period, List<Violation> violations) {
        Map<Indicator, BigDecimal> values = new EnumMap<>(Indicator.class);
        Set<Indicator> withdrawn = EnumSet.noneOf(Indicator.class);
        for (Indicator indicator : Indicator.values()) {
            BigDecimal typed = FigurePolicy.parse(0, indicator, get(indicator), violations);
            BigDecimal now = region.value(indicator);
            boolean empty = get(indicator) == null || get(indicator).isBlank();
            if (typed != null && (now == null || typed.compareTo(now) != 0)) {
                values.put(indicator, typed);
            } else if (empty && now != null) {
                withdrawn.add(indicator);
            }
        }
        return new Submission(0, region.year(), region.code(), period, values, withdrawn, source, sourceBody, note);
    }

    String get(Indicator indicator) {
        return switch (indicator) {
            case POVERTY_RATE -> povertyRate;
            case POOR_PEOPLE -> poorPeople;
            case POPULATION -> population;
            case POVERTY_LINE -> povertyLine;
            case P1 -> p1;
            case P2 -> p2;
            case EXTREME_POOR -> extremePoor;
            case EXTREME_RATE -> extremeRate;
        };
    }

    private void set(Indicator indicator, String value) {
        switch (indicator) {
            case POVERTY_RATE -> povertyRate = value;
            case POOR_PEOPLE -> poorPeople = value;
            case POPULATION -> population = value;
            case POVERTY_LINE -> povertyLine = value;
            case P1 -> p1 = value;
            case P2 -> p2 = value;
            case EXTREME_POOR -> extremePoor = value;
            case EXTREME_RATE -> extremeRate = value;
        }
    }
}
