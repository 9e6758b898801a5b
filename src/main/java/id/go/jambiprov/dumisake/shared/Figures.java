package id.go.jambiprov.dumisake.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Figures as a reader reads them in his language: {@code 12,5} or {@code 12.5}, {@code 1.234} or {@code 1,234}.
 * NumberFormat is not thread-safe, and a page formats hundreds of figures: each format is made once per thread
 * and language, not once per cell.
 */
public final class Figures {

    private static final ThreadLocal<Map<Locale, NumberFormat>> ONE_DECIMAL = ThreadLocal.withInitial(HashMap::new);
    private static final ThreadLocal<Map<Locale, NumberFormat>> WHOLE = ThreadLocal.withInitial(HashMap::new);
    private static final ThreadLocal<Map<Locale, NumberFormat>> PLAIN = ThreadLocal.withInitial(HashMap::new);

    private Figures() {
    }

    /** One decimal, rounded half up, e.g. {@code 12,5}; a dash for none. */
    public static String oneDecimal(BigDecimal value, Locale locale) {
        if (value == null) {
            return "–";
        }
        return ONE_DECIMAL.get().computeIfAbsent(locale, l -> {
            NumberFormat format = NumberFormat.getNumberInstance(l);
            format.setMinimumFractionDigits(1);
            format.setMaximumFractionDigits(1);
            format.setRoundingMode(RoundingMode.HALF_UP);
            return format;
        }).format(value);
    }

    /** A count with its thousands grouped, e.g. {@code 1.234}, as a message's {@code {0}} shows it. */
    public static String whole(long value, Locale locale) {
        return WHOLE.get().computeIfAbsent(locale, NumberFormat::getIntegerInstance).format(value);
    }

    /**
     * A number with the decimals it has and no grouping, e.g. {@code 8,36} or {@code 2026}: for years, ids and
     * shares, which read wrong grouped.
     */
    public static String plain(BigDecimal value, Locale locale) {
        NumberFormat format = PLAIN.get().computeIfAbsent(locale, l -> {
            NumberFormat f = NumberFormat.getNumberInstance(l);
            f.setGroupingUsed(false);
            return f;
        });
        format.setMaximumFractionDigits(Math.max(0, value.stripTrailingZeros().scale()));
        return format.format(value);
    }
}
