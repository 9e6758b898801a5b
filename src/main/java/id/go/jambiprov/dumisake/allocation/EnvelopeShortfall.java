package id.go.jambiprov.dumisake.allocation;

import java.math.BigDecimal;

/** A kecamatan whose envelope cannot take what a per-desa allocation asks of it. */
public record EnvelopeShortfall(String kecamatanCode, String kecamatanName, BigDecimal required,
                                BigDecimal remaining) {

    public BigDecimal lacking() {
        return required.subtract(remaining);
    }
}
