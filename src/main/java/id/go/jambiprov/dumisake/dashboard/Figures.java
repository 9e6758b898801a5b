package id.go.jambiprov.dumisake.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Pagu, allocated and realised money of one row of a dashboard, with the shares of the pagu; used by every
 * level (province, kabupaten/kota, kecamatan, OPD, programme, mechanism) so that they read alike.
 */
public record Figures(BigDecimal pagu, BigDecimal allocated, BigDecimal realised) {

    public static final Figures ZERO = new Figures(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public BigDecimal allocatedPercent() {
        return percent(allocated, pagu);
    }

    public BigDecimal realisedPercent() {
        return percent(realised, pagu);
    }

    public BigDecimal remaining() {
        return pagu.subtract(allocated);
    }

    public Figures plus(Figures other) {
        return new Figures(pagu.add(other.pagu), allocated.add(other.allocated), realised.add(other.realised));
    }

    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO
                : part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP);
    }
}
