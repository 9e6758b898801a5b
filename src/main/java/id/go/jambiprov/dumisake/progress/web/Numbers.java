package id.go.jambiprov.dumisake.progress.web;

import java.math.BigDecimal;

/** Volumes and percentages as typed on the pages: "12", "12,5" or "12.5" — never with thousands separators. */
final class Numbers {

    private Numbers() {
    }

    /** @return null for a blank text; throws NumberFormatException for anything else that is not a number */
    static BigDecimal parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String text = typed.strip().replace(" ", "").replace(',', '.');
        if (!text.matches("\\d{1,12}(\\.\\d{1,2})?")) {
            throw new NumberFormatException(typed);
        }
        return new BigDecimal(text);
    }

    static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
