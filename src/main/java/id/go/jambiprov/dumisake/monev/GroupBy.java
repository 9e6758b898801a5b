package id.go.jambiprov.dumisake.monev;

import java.util.Arrays;
import java.util.Optional;

/** What the deviation rows are grouped by; {@link #value} is how the API and the page name it. */
public enum GroupBy {
    OPD("opd"),
    KECAMATAN("kecamatan"),
    KABUPATEN_KOTA("kabupaten-kota"),
    PROGRAMME("programme"),
    ALLOCATION("allocation");

    private final String value;

    GroupBy(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<GroupBy> of(String value) {
        return Arrays.stream(values()).filter(g -> g.value.equals(value)).findFirst();
    }
}
