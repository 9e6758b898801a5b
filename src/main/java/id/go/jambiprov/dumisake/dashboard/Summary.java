package id.go.jambiprov.dumisake.dashboard;

import java.math.BigDecimal;

/**
 * The headline of a year: the money, how many kecamatan have nothing realised yet ("belum jalan"), what
 * waits for verification, and what was realised by the same date of the previous year.
 */
public record Summary(int year, String opdScope, Figures figures, int kecamatan, int kecamatanWithoutRealisation,
                      long waitingVerification, BigDecimal waitingAmount, Figures previousYearSameDate) {
}
