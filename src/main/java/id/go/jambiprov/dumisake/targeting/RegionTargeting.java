package id.go.jambiprov.dumisake.targeting;

import id.go.jambiprov.dumisake.targeting.domain.Ratio;

import java.math.BigDecimal;

/**
 * One kabupaten/kota (or the province, code {@code 15}) in one fiscal year: the chosen BPS figures of March of
 * that year and of the year before ({@code null} when not published: never filled in), and Dumisake's money
 * and people of the year in the caller's scope.
 *
 * @param allocated     Σ ACTIVE allocations of the year, as the dashboard counts it
 * @param realised      Σ verified disbursements of the year, as the dashboard counts it
 * @param beneficiaries distinct people (NIK) living there with active aid in the year
 */
public record RegionTargeting(String code, String name, BigDecimal povertyRate, BigDecimal previousPovertyRate,
                              Long poorPeople, BigDecimal allocated, BigDecimal realised, long beneficiaries) {

    public static final String PROVINCE = "15";

    /** Change of P0 from the previous year's March, in percentage points; null unless both are known. */
    public BigDecimal povertyRateChange() {
        return Ratio.change(povertyRate, previousPovertyRate);
    }

    /** Realised rupiah per poor person, whole rupiah; null without a (non-zero) count of poor people. */
    public BigDecimal realisedPerPoorPerson() {
        return Ratio.of(realised, poorPeople == null ? null : BigDecimal.valueOf(poorPeople), 0);
    }

    /** People reached as a percentage of the poor people; null without a (non-zero) count of poor people. */
    public BigDecimal coverage() {
        return Ratio.percent(BigDecimal.valueOf(beneficiaries), poorPeople == null ? null : BigDecimal.valueOf(poorPeople));
    }

    public boolean province() {
        return PROVINCE.equals(code);
    }
}
