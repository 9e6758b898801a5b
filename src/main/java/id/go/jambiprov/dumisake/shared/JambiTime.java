package id.go.jambiprov.dumisake.shared;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Dates and times as people in Jambi read them: a moment is shown in Western Indonesian Time and labelled
 * {@code WIB} ({@code 28 Nov 2026 12:12 WIB}) whatever the zone of the server, the JVM or the stored value;
 * a date as {@code 28 Nov 2026}, with month names in the reader's language. The pages use it through
 * {@code #fmt}; audit sentences and exports call it directly, so every page prints one clock.
 */
public final class JambiTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");
    private static final String LABEL = " WIB";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");

    private JambiTime() {
    }

    /** {@code 28 Nov 2026 12:12 WIB}; empty for null. */
    public static String dateTime(OffsetDateTime time, Locale locale) {
        return time == null ? "" : format(time.atZoneSameInstant(ZONE), DATE_TIME, locale) + LABEL;
    }

    /** {@code 28 Nov 2026}; empty for null. */
    public static String date(LocalDate date, Locale locale) {
        return date == null ? "" : format(date, DATE, locale);
    }

    /** Some locales abbreviate months with a dot ("Sep."); the pages write them without. */
    private static String format(TemporalAccessor value, DateTimeFormatter formatter, Locale locale) {
        return formatter.withLocale(locale).format(value).replace(".", "");
    }
}
