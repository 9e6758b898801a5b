package id.go.jambiprov.dumisake.allocation;

import java.math.BigDecimal;

/**
 * One figure where the kept totals disagree with the rows they sum: {@code kept} as stored, {@code counted} as
 * recounted from the allocations and their disbursements. A cell of the kept totals names its year, kecamatan, OPD,
 * programme and mechanism; an envelope figure (its figure starts with {@code envelope.}) names only year and
 * kecamatan. The figures: {@code allocations} and {@code cancelled} (numbers), {@code allocated}, {@code disbursed},
 * {@code realised} (money of the ACTIVE allocations).
 */
public record KeptTotalsDifference(int year, String kecamatanCode, String opdCode, String programmeCode,
                                   String mechanism, String figure, BigDecimal kept, BigDecimal counted) {
}
