package id.go.jambiprov.dumisake.web;

import id.go.jambiprov.dumisake.MessageBundles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/** Every time a person reads is Jambi's (WIB) and says so, whatever the zone of the JVM or of the value. */
class DisplayFormatsTest {

    private static final TimeZone JVM_ZONE = TimeZone.getDefault();
    /** 05:12 UTC is 12:12 in Jambi; 00:30 in New York. */
    private static final OffsetDateTime EVENT = OffsetDateTime.of(2026, 11, 28, 5, 12, 0, 0, ZoneOffset.UTC);

    @AfterEach
    void restore() {
        TimeZone.setDefault(JVM_ZONE);
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void timesAreWibWhateverTheJvmZone() {
        for (String zone : new String[] {"UTC", "America/New_York", "Asia/Jakarta", "Pacific/Kiritimati"}) {
            TimeZone.setDefault(TimeZone.getTimeZone(zone));
            DisplayFormats fmt = new DisplayFormats(Clock.systemDefaultZone(), messages());
            LocaleContextHolder.setLocale(Locale.forLanguageTag("id"));
            assertThat(fmt.dateTime(EVENT)).as(zone).isEqualTo("28 Nov 2026 12:12 WIB");
            assertThat(fmt.dateTime(EVENT.withOffsetSameInstant(ZoneOffset.ofHours(-5)))).as(zone)
                    .isEqualTo("28 Nov 2026 12:12 WIB");
            LocaleContextHolder.setLocale(Locale.ENGLISH);
            assertThat(fmt.dateTime(EVENT)).as(zone).isEqualTo("28 Nov 2026 12:12 WIB");
        }
    }

    @Test
    void aLateUtcEveningIsTheNextDayInJambi() {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        LocaleContextHolder.setLocale(Locale.forLanguageTag("id"));
        OffsetDateTime evening = OffsetDateTime.of(2026, 8, 16, 20, 5, 0, 0, ZoneOffset.UTC);
        assertThat(new DisplayFormats(Clock.systemUTC(), messages()).dateTime(evening)).isEqualTo("17 Agu 2026 03:05 WIB");
    }

    @Test
    void datesAreNotShiftedAndNothingIsEmpty() {
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
        LocaleContextHolder.setLocale(Locale.forLanguageTag("id"));
        DisplayFormats fmt = new DisplayFormats(Clock.systemUTC(), messages());
        assertThat(fmt.date(LocalDate.of(2026, 11, 2))).isEqualTo("2 Nov 2026");
        assertThat(fmt.date(null)).isEmpty();
        assertThat(fmt.dateTime(null)).isEmpty();
    }

    /** At 1 January 03:00 WIB it is still 31 December in UTC and in New York; the year choices are Jambi's. */
    @Test
    void thisYearIsJambisYear() {
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
        Clock newYearInJambi = Clock.fixed(Instant.parse("2026-12-31T20:00:00Z"), ZoneOffset.UTC);
        assertThat(new DisplayFormats(newYearInJambi, messages()).thisYear()).isEqualTo(2027);
    }

    @Test
    void figuresAndSharesHaveOneDecimalInThePagesLanguage() {
        DisplayFormats fmt = new DisplayFormats(Clock.systemUTC(), messages());
        LocaleContextHolder.setLocale(Locale.forLanguageTag("id"));
        assertThat(fmt.decimal(new BigDecimal("12.5"))).isEqualTo("12,5");
        assertThat(fmt.decimal(new BigDecimal("-3.25"))).isEqualTo("-3,3");
        assertThat(fmt.decimal(new BigDecimal("1234"))).isEqualTo("1.234,0");
        assertThat(fmt.decimal(null)).isEqualTo("–");
        assertThat(fmt.percent(BigDecimal.ONE, new BigDecimal("3"))).isEqualTo("33,3%");
        assertThat(fmt.percent(BigDecimal.ONE, BigDecimal.ZERO)).isEqualTo("–");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(fmt.decimal(new BigDecimal("12.5"))).isEqualTo("12.5");
        assertThat(fmt.percent(BigDecimal.ONE, new BigDecimal("3"))).isEqualTo("33.3%");
        assertThat(fmt.decimal(new BigDecimal("1234"))).isEqualTo("1,234.0");
    }

    @Test
    void theApplicationsOwnWorkIsSistemInThePagesLanguage() {
        DisplayFormats fmt = new DisplayFormats(Clock.systemUTC(), messages());
        LocaleContextHolder.setLocale(Locale.forLanguageTag("id"));
        assertThat(fmt.person("system")).isEqualTo("Sistem");
        assertThat(fmt.person("op-disdik")).isEqualTo("op-disdik");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(fmt.person("system")).isEqualTo("System");
    }

    /** The application's default bundle, Indonesian without a locale of its own. */
    static MessageSource messages() {
        return MessageBundles.of("messages");
    }
}
