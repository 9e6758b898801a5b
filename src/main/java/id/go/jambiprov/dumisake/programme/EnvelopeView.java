package id.go.jambiprov.dumisake.programme;

import java.math.BigDecimal;

/** One kecamatan's envelope in one fiscal year: its pagu, what is allocated and what is realised. */
public record EnvelopeView(int year, String kecamatanCode, String kecamatanName, String kabupatenKotaCode,
                           String kabupatenKotaName, BigDecimal pagu, BigDecimal allocated, BigDecimal realised,
                           FiscalYearStatus yearStatus) {

    public BigDecimal remaining() {
        return pagu.subtract(allocated);
    }
}
