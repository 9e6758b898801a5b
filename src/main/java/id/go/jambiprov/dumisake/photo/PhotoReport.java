package id.go.jambiprov.dumisake.photo;

import java.time.YearMonth;

/**
 * A progress report as the photos see it: its month, and what the photo rules need of its allocation.
 *
 * @param yearClosed whether the report's fiscal year is closed (nothing is added to it any more)
 */
public record PhotoReport(long reportId, long allocationId, String allocationTitle, int fiscalYear, int month,
                          String kecamatanCode, String kecamatanName, String opdCode, String opdName,
                          boolean yearClosed) {

    public YearMonth reportMonth() {
        return YearMonth.of(fiscalYear, month);
    }
}
