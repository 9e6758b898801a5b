package id.go.jambiprov.dumisake.web;

import id.go.jambiprov.dumisake.shared.Figures;
import id.go.jambiprov.dumisake.shared.JambiTime;
import id.go.jambiprov.dumisake.shared.SystemAuthentication;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * Formats for the pages, used in templates as {@code ${#fmt.rupiah(amount)}}: money always as
 * {@code Rp 2.000.000.000}, dates as {@code 28 Nov 2026} with month names in the page's language, times in
 * Jambi's time as {@code 28 Nov 2026 12:12 WIB} ({@link JambiTime}) whatever the server's zone.
 */
@Component
public class DisplayFormats {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");
    private static final ThreadLocal<NumberFormat> INTEGER =
            ThreadLocal.withInitial(() -> NumberFormat.getIntegerInstance(INDONESIAN));

    private final Clock clock;
    private final MessageSource messages;

    public DisplayFormats(Clock clock, MessageSource messages) {
        this.clock = clock;
        this.messages = messages;
    }

    /** Who did something, by username; "Sistem" for the application's own work (demo data, scheduled jobs). */
    public String person(String username) {
        return SystemAuthentication.USERNAME.equals(username)
                ? messages.getMessage("audit.actor.system", null, LocaleContextHolder.getLocale())
                : username;
    }

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
        return decimal(share) + "%";
    }

    /** A figure with one decimal in the page's language, e.g. {@code 12,5}; a dash for none. */
    public String decimal(BigDecimal value) {
        return Figures.oneDecimal(value, LocaleContextHolder.getLocale());
    }

    public String date(LocalDate date) {
        return JambiTime.date(date, LocaleContextHolder.getLocale());
    }

    public String dateTime(OffsetDateTime dateTime) {
        return JambiTime.dateTime(dateTime, LocaleContextHolder.getLocale());
    }

    /** The current year in Jambi, for the year choices of a page: at 1 January 03:00 WIB it is already the new one. */
    public int thisYear() {
        return LocalDate.ofInstant(clock.instant(), JambiTime.ZONE).getYear();
    }
}
