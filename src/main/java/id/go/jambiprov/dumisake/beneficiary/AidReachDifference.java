package id.go.jambiprov.dumisake.beneficiary;

import java.math.BigDecimal;

/**
 * A cell of the kept reach of the direct aid (V22_1: people with active aid and their rupiah per fiscal year, OPD,
 * programme, kabupaten/kota and decile, which the targeting figures read) that differs from a recount of the aid rows:
 * {@code kept} as the cell says, the other as the aid rows count. {@code opdCode} or {@code programmeCode} {@code *}:
 * over every OPD or programme; {@code decile} null: people without a decile. None exist while the database's trigger
 * keeps the cells.
 */
public record AidReachDifference(int fiscalYear, String opdCode, String programmeCode, String kabupatenKotaCode,
                                 Integer decile, long keptPeople, long people, BigDecimal keptAmount,
                                 BigDecimal amount) {
}
