package id.go.jambiprov.dumisake.shared.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.regex.Pattern;

/**
 * Reading and writing amounts of rupiah the way Indonesian finance staff type and read them:
 * {@code Rp 2.000.000.000}, with a dot between thousands and a comma before the sen.
 */
public final class Rupiah {

    /** The largest amount a {@code NUMERIC(18,2)} column holds. */
    public static final BigDecimal MAX = new BigDecimal("9999999999999999.99");

    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(\\.\\d{3})+(,\\d+)?");
    private static final Pattern PLAIN = Pattern.compile("\\d+(,\\d+|\\.\\d{1,2})?");

    private Rupiah() {
    }

    /**
     * Parses what a person typed into a money field: {@code 2.000.000.000}, {@code 2000000000},
     * {@code Rp 2.000.000.000} or {@code 1.500,50}.
     *
     * @throws MoneyFormatException with the message key that explains the refusal
     */
    public static BigDecimal parse(String text) {
        if (text == null || text.isBlank()) {
            throw new MoneyFormatException("money.required");
        }
        String value = text.strip().replace('\u00a0', ' ');
        if (value.regionMatches(true, 0, "Rp", 0, 2)) {
            value = value.substring(2).strip();
            if (value.startsWith(".")) {
                value = value.substring(1).strip();
            }
        }
        if (value.startsWith("-")) {
            throw new MoneyFormatException("money.negative");
        }
        BigDecimal amount;
        if (GROUPED.matcher(value).matches()) {
            amount = new BigDecimal(value.replace(".", "").replace(',', '.'));
        } else if (PLAIN.matcher(value).matches()) {
            amount = new BigDecimal(value.replace(',', '.'));
        } else {
            throw new MoneyFormatException("money.format");
        }
        if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            throw new MoneyFormatException("money.decimals");
        }
        if (amount.signum() == 0) {
            throw new MoneyFormatException("money.positive");
        }
        if (amount.compareTo(MAX) > 0) {
            throw new MoneyFormatException("money.tooLarge");
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** The amount as a {@code NUMERIC(18,2)} column keeps it: PostgreSQL rounds half away from zero. */
    public static BigDecimal stored(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** {@code Rp 2.000.000.000}, or {@code Rp 1.500,50} when there are sen. */
    public static String format(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        return (amount.signum() < 0 ? "-Rp " : "Rp ") + number(amount.abs());
    }

    /** The number alone, {@code 2.000.000.000}, for table cells whose header says Rp. */
    public static String number(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        boolean whole = amount.stripTrailingZeros().scale() <= 0;
        return (whole ? WHOLE : WITH_SEN).get().format(amount);
    }

    // DecimalFormat is not thread-safe, and building one per amount was a visible share of a table page
    private static final ThreadLocal<DecimalFormat> WHOLE = ThreadLocal.withInitial(() -> format("#,##0"));
    private static final ThreadLocal<DecimalFormat> WITH_SEN = ThreadLocal.withInitial(() -> format("#,##0.00"));

    private static DecimalFormat format(String pattern) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign('-');
        return new DecimalFormat(pattern, symbols);
    }
}
