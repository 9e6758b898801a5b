package id.go.jambiprov.dumisake.disbursement.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * @param requestKey a key the client makes once per form or call; the same key twice returns the first
 *                   disbursement instead of creating a second one (double click, retry)
 */
public record NewDisbursement(int tranche, BigDecimal amount, String sp2dNumber, LocalDate sp2dDate, String remark,
                              String requestKey) {
}
