package id.go.jambiprov.dumisake.allocation;

import java.math.BigDecimal;

/** A request to allocate money of one envelope. */
public record NewAllocation(int year, String kecamatanCode, String opdCode, String programmeCode,
                            Mechanism mechanism, String desaCode, String title, BigDecimal amount, int plannedMonth) {
}
