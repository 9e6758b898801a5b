package id.go.jambiprov.dumisake.shared.money;

import org.springframework.validation.Errors;

import java.math.BigDecimal;

/** Reads a money field of a form; a refusal becomes an error on that field, in the user's language. */
public final class MoneyInput {

    private MoneyInput() {
    }

    /** The amount, or {@code null} with a field error when the text is not a valid amount. */
    public static BigDecimal parse(String text, String field, Errors errors) {
        try {
            return Rupiah.parse(text);
        } catch (MoneyFormatException e) {
            errors.rejectValue(field, e.messageKey());
            return null;
        }
    }
}
