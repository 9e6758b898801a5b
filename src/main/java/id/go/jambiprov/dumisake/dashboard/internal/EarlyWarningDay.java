package id.go.jambiprov.dumisake.dashboard.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One OPD's early warnings on one day, as the nightly record kept them.
 *
 * @param overdueAllocations   allocations past their planned month with nothing submitted or verified
 * @param waitingDisbursements disbursements submitted longer ago than {@code dumisake.dashboard.waiting-days}
 */
public record EarlyWarningDay(LocalDate date, int year, String opdCode, int overdueAllocations,
                              BigDecimal overdueAmount, int waitingDisbursements, BigDecimal waitingAmount) {
}
