package id.go.jambiprov.dumisake.dashboard;

import java.math.BigDecimal;

/**
 * The headline of a year: the money, how many kecamatan have nothing realised yet ("belum jalan"), what
 * waits for verification, and what was realised by the same date of the previous year. For an OPD operator
 * the pagu is what its OPD was allocated, and the kecamatan are those where it was allocated something.
 */
public record Summary(int year, String opdScope, Figures figures, int kecamatan, int kecamatanWithoutRealisation,
                      long waitingVerification, BigDecimal waitingAmount, Figures previousYearSameDate) {

    /** Whether the previous year had anything allocated to compare with: a year without data is no comparison. */
    public boolean hasPreviousYear() {
        return previousYearSameDate != null && previousYearSameDate.allocated().signum() > 0;
    }
}
