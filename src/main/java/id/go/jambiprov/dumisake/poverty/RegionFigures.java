package id.go.jambiprov.dumisake.poverty;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The figures of one region (a kabupaten/kota or the province, code {@code "15"}) for one year and period: the
 * chosen figure per indicator where one was published, and the other versions where sources disagree. An
 * indicator without a chosen figure was not published (or was withdrawn): its value is {@code null}, never 0.
 */
public record RegionFigures(String code, String name, int year, Period period, Map<Indicator, Figure> chosen,
                            List<Figure> alternatives) {

    public static final String PROVINCE = "15";

    public RegionFigures {
        chosen = Map.copyOf(chosen);
        alternatives = List.copyOf(alternatives);
    }

    public boolean province() {
        return PROVINCE.equals(code);
    }

    /** The value that counts, or {@code null} when none was published. */
    public BigDecimal value(Indicator indicator) {
        Figure figure = chosen.get(indicator);
        return figure == null ? null : figure.value();
    }

    public Figure figure(Indicator indicator) {
        return chosen.get(indicator);
    }

    public List<Figure> alternatives(Indicator indicator) {
        return alternatives.stream().filter(a -> a.indicator() == indicator).toList();
    }

    public BigDecimal povertyRate() {
        return value(Indicator.POVERTY_RATE);
    }

    public BigDecimal poorPeople() {
        return value(Indicator.POOR_PEOPLE);
    }
}
