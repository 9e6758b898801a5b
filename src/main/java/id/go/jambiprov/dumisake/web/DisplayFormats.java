package id.go.jambiprov.dumisake.web;

import id.go.jambiprov.dumisake.shared.money.Rupiah;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Formats for the pages, used in templates as {@code ${#fmt.rupiah(amount)}}: money always as
 * {@code Rp 2.000.000.000}, dates as {@code 28 Nov 2026} with month names in the page's language.
 */
@Component
public class DisplayFormats {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");
    // NumberFormat is not thread-safe; a dashboard page formats hundreds of shares
    private static final ThreadLocal<NumberFormat> PERCENT = ThreadLocal.withInitial(() -> {
        NumberFormat format = NumberFormat.getNumberInstance(INDONESIAN);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format;
    });
    private static final ThreadLocal<NumberFormat> INTEGER =
            ThreadLocal.withInitial(() -> NumberFormat.getIntegerInstance(INDONESIAN));

    public String rupiah(BigDecimal amount) {
        return Rupiah.format(amount);
    }

    public String number(long value) {
        return INTEGER.get().format(value);
    }

    /** {@code part} as a share of {@code whole}, one decimal, e.g. {@code 45,3%}; a dash when whole is zero. */
    public String percent(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() == 0) {
            return "–";
        }
        BigDecimal share = part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
        return PERCENT.get().format(share) + "%";
    }

    public String date(LocalDate date) {
        return format(date, "d MMM yyyy");
    }

    public String dateTime(OffsetDateTime dateTime) {
        return format(dateTime, "d MMM yyyy HH:mm");
    }

    private static String format(TemporalAccessor value, String pattern) {
        if (value == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        return DateTimeFormatter.ofPattern(pattern, locale).format(value).replace(".", "");
    }
}
