package id.go.jambiprov.dumisake.shared;

import java.util.Locale;

/**
 * Turns what a person typed into a search box into a LIKE pattern that matches it literally:
 * {@code %} and {@code _} typed by the user are data, not wildcards. Use with {@code ESCAPE '\'}.
 */
public final class SearchText {

    private SearchText() {
    }

    /** {@code null} when there is nothing to search for, otherwise {@code %text%} in lower case. */
    public static String containsPattern(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String escaped = text.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
