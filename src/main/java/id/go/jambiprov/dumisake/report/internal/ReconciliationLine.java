package id.go.jambiprov.dumisake.report.internal;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One SP2D as the treasury file and Dumisake see it; either side is empty when the SP2D is missing there. */
public record ReconciliationLine(Outcome outcome, String sp2dNumber, String opdCode, LocalDate treasuryDate,
                                 BigDecimal treasuryAmount, Long disbursementId, LocalDate date, BigDecimal amount)
        implements Serializable {

    public enum Outcome { MATCHED, AMOUNT_DIFFERS, DATE_DIFFERS, AMOUNT_AND_DATE_DIFFER, ONLY_IN_TREASURY, ONLY_IN_DUMISAKE }
}
