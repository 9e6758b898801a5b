package id.go.jambiprov.dumisake.poverty.domain;

import id.go.jambiprov.dumisake.poverty.Indicator;
import id.go.jambiprov.dumisake.poverty.Period;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * Figures of one region, year and period from one source, as a form, the API or a row of an import gives
 * them. An indicator that is absent is left as it is; one in {@code withdrawn} no longer counts (its value
 * stays as an alternative). Nothing absent ever becomes 0.
 *
 * @param row the import file's row, 0 otherwise
 */
public record Submission(int row, Integer year, String code, Period period, Map<Indicator, BigDecimal> values,
                         Set<Indicator> withdrawn, String source, String sourceBody, String note) {

    public Submission {
        values = Map.copyOf(values);
        withdrawn = Set.copyOf(withdrawn);
        period = period == null ? Period.MARET : period;
        source = trimmed(source);
        sourceBody = trimmed(sourceBody);
        note = trimmed(note);
        code = trimmed(code);
    }

    /** Which figures this is about: region, year and period. */
    public String key() {
        return code + "/" + year + "/" + period;
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
