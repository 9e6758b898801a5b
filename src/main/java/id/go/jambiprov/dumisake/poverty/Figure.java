package id.go.jambiprov.dumisake.poverty;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * One published figure as one source gives it.
 *
 * @param source     one or more URLs or document names, separated by {@code " | "}
 * @param sourceBody who published or was quoted (e.g. "BPS Prov. Jambi"), when known
 * @param chosen     whether this is the value that counts; the others are alternatives
 */
public record Figure(long id, String regionCode, int year, Period period, Indicator indicator, BigDecimal value,
                     String source, String sourceBody, String note, boolean chosen, String updatedBy,
                     OffsetDateTime updatedAt) {

    /** The single sources, in the order given. */
    public List<String> sources() {
        return Arrays.stream(source.split("\\s*\\|\\s*")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
