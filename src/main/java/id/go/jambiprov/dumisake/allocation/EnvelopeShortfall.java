package id.go.jambiprov.dumisake.allocation;

import java.io.Serializable;
import java.math.BigDecimal;

/** A kecamatan whose envelope cannot take what a per-desa allocation asks of it (serializable: a page's flash). */
public record EnvelopeShortfall(String kecamatanCode, String kecamatanName, BigDecimal required,
                                BigDecimal remaining) implements Serializable {

    public BigDecimal lacking() {
        return required.subtract(remaining);
    }
}
