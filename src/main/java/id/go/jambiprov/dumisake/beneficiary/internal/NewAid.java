package id.go.jambiprov.dumisake.beneficiary.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * @param amount      the money paid, or the value of what was given in kind
 * @param description what was given in kind (a school uniform, a roof); empty for money
 */
public record NewAid(String nik, BigDecimal amount, LocalDate date, String description) {
}
