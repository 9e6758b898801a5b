package id.go.jambiprov.dumisake.programme;

import java.math.BigDecimal;

/**
 * A fiscal year was opened with this pagu per kecamatan. Published inside the opening transaction; whoever keeps
 * the envelopes handles it synchronously in that transaction, so that the year and its envelopes commit together.
 */
public record FiscalYearOpened(int year, BigDecimal paguPerKecamatan) {
}
