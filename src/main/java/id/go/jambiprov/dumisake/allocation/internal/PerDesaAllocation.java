package id.go.jambiprov.dumisake.allocation.internal;

import java.math.BigDecimal;

/**
 * "Amount X to every desa of a kecamatan, or of a kabupaten/kota": one BANTUAN_KEUANGAN_DESA allocation
 * per desa, all or nothing. Exactly one of {@code kecamatanCode} and {@code kabupatenKotaCode} is given.
 *
 * @param onlyDesa leave out the kelurahan (urban villages)
 */
public record PerDesaAllocation(int year, String kecamatanCode, String kabupatenKotaCode, boolean onlyDesa,
                                String opdCode, String programmeCode, String title, BigDecimal amountPerDesa,
                                int plannedMonth) {
}
