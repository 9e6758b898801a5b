package id.go.jambiprov.dumisake.report;

import java.io.Serializable;
import java.math.BigDecimal;

/** What an import does to one envelope: what it has left now, what the file adds, what would remain. */
public record KecamatanEffect(int year, String kecamatanCode, String kecamatanName, int rows,
                              BigDecimal remainingBefore, BigDecimal inFile) implements Serializable {

    public BigDecimal remainingAfter() {
        return remainingBefore.subtract(inFile);
    }

    public boolean fits() {
        return remainingAfter().signum() >= 0;
    }
}
