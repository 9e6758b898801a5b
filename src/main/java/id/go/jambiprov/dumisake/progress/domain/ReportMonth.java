package id.go.jambiprov.dumisake.progress.domain;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;

/**
 * A report month as a message argument, so that the bundles write it as {@code {0,date,MMMM yyyy}} in the reader's
 * language ("Juli 2026", "July 2026"). Noon of the 15th in UTC: the same month in the zone of any server.
 */
public final class ReportMonth {

    private ReportMonth() {
    }

    public static Date of(int year, int month) {
        return Date.from(LocalDateTime.of(year, month, 15, 12, 0).toInstant(ZoneOffset.UTC));
    }

    /** {@code 2026-07}, for machines (problem details, audit states). */
    public static String code(int year, int month) {
        return "%d-%02d".formatted(year, month);
    }
}
