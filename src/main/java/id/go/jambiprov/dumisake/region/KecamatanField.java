package id.go.jambiprov.dumisake.region;

import java.util.List;

/**
 * A list's kecamatan filter as its page shows it. {@code choices} are the kecamatan a select offers when they are
 * few (one kabupaten/kota's, or a province's); {@code null} when they are too many for one (the country's 7,144), and
 * the page shows a text field that takes a code or a name, with suggestions as one types. {@code chosen} is the
 * kecamatan the list is narrowed to; {@code problemKey} names the message under the field when {@code entered}
 * named none or several (the list is then not narrowed).
 */
public record KecamatanField(KecamatanSummary chosen, String entered, List<KecamatanSummary> choices,
                             String problemKey) {

    /** The code the list filters by; null for every kecamatan. */
    public String code() {
        return chosen == null ? null : chosen.code();
    }

    /** What the text field shows: the chosen kecamatan as a suggestion names it, else what was entered. */
    public String text() {
        return chosen == null ? entered : KecamatanFields.asSuggested(chosen);
    }
}
