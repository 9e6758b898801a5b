package id.go.jambiprov.dumisake.report.internal;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * What an import does to one envelope: what it has left now, what the file adds, what would remain, and
 * whether the envelope takes it ({@link id.go.jambiprov.dumisake.allocation.EnvelopeView#canTake}).
 */
public record KecamatanEffect(int year, String kecamatanCode, String kecamatanName, int rows,
                              BigDecimal remainingBefore, BigDecimal inFile, boolean fits) implements Serializable {

    public BigDecimal remainingAfter() {
        return remainingBefore.subtract(inFile);
    }
}
