package id.go.jambiprov.dumisake.poverty;

/**
 * One kind of official poverty figure, with the name it has in the API and the import file and the kind of
 * number it is (which decides the rules it must follow and how it is shown).
 */
public enum Indicator {
    POVERTY_RATE("povertyRate", "persen_miskin", Kind.RATE),
    POOR_PEOPLE("poorPeople", "jumlah_miskin", Kind.COUNT),
    POPULATION("population", "penduduk", Kind.COUNT),
    POVERTY_LINE("povertyLine", "garis_kemiskinan", Kind.RUPIAH),
    P1("p1", "p1", Kind.INDEX),
    P2("p2", "p2", Kind.INDEX),
    EXTREME_POOR("extremePoor", "miskin_ekstrem", Kind.COUNT),
    EXTREME_RATE("extremeRate", "persen_ekstrem", Kind.RATE);

    /** Percentages (0–100), people (whole, ≥ 0), rupiah per capita per month (whole, ≥ 0), indices P1/P2 (≥ 0). */
    public enum Kind { RATE, COUNT, RUPIAH, INDEX }

    private final String field;
    private final String column;
    private final Kind kind;

    Indicator(String field, String column, Kind kind) {
        this.field = field;
        this.column = column;
        this.kind = kind;
    }

    /** The JSON field and form field name, e.g. {@code povertyRate}. */
    public String field() {
        return field;
    }

    /** The column of the import template, e.g. {@code persen_miskin}. */
    public String column() {
        return column;
    }

    public Kind kind() {
        return kind;
    }

    public static Indicator ofField(String field) {
        for (Indicator indicator : values()) {
            if (indicator.field.equals(field)) {
                return indicator;
            }
        }
        throw new IllegalArgumentException("No indicator " + field);
    }
}
