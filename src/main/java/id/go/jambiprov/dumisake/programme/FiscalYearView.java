package id.go.jambiprov.dumisake.programme;

import java.math.BigDecimal;

/** A fiscal year with the totals of its envelopes. */
public record FiscalYearView(int year, BigDecimal paguPerKecamatan, FiscalYearStatus status, int envelopeCount,
                             BigDecimal totalPagu, BigDecimal allocated, BigDecimal realised, long version) {

    public boolean open() {
        return status == FiscalYearStatus.OPEN;
    }

    public BigDecimal remaining() {
        return totalPagu.subtract(allocated);
    }
}
