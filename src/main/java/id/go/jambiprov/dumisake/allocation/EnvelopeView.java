package id.go.jambiprov.dumisake.allocation;

import id.go.jambiprov.dumisake.allocation.domain.Envelope;
import id.go.jambiprov.dumisake.programme.FiscalYearStatus;

import java.math.BigDecimal;

/**
 * One kecamatan's envelope in one fiscal year as the pages show it: its pagu, what is allocated and realised.
 * What is left, and whether an amount fits, are the {@link Envelope}'s answers as of this read (without its
 * lock: a preview; the write asks again under the lock).
 */
public record EnvelopeView(int year, String kecamatanCode, String kecamatanName, String kabupatenKotaCode,
                           String kabupatenKotaName, BigDecimal pagu, BigDecimal allocated, BigDecimal realised,
                           FiscalYearStatus yearStatus) {

    public BigDecimal remaining() {
        return envelope().remaining();
    }

    public boolean canTake(BigDecimal amount) {
        return envelope().canTake(amount);
    }

    private Envelope envelope() {
        return new Envelope(year, kecamatanCode, kecamatanName, pagu, allocated, realised);
    }
}
