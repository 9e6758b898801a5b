package id.go.jambiprov.dumisake.allocation.internal;

import java.math.BigDecimal;

/**
 * "Amount X to every desa of a kecamatan, of a kabupaten/kota or of the whole province" (the BKBK): one
 * BANTUAN_KEUANGAN_DESA allocation per desa. Exactly one scope is given: {@code kecamatanCode},
 * {@code kabupatenKotaCode} or {@code wholeProvince}.
 *
 * @param onlyDesa        leave out the kelurahan (urban villages)
 * @param includeExisting also give a desa that already holds an active allocation of the programme that year a
 *                        second one (by default it is skipped and listed)
 * @param fitOnly         write the kecamatan whose envelope can take their desa and list the others with their
 *                        shortfall (by default one short kecamatan refuses the whole run)
 */
public record PerDesaAllocation(int year, String kecamatanCode, String kabupatenKotaCode, boolean wholeProvince,
                                boolean onlyDesa, String opdCode, String programmeCode, String title,
                                BigDecimal amountPerDesa, int plannedMonth, boolean includeExisting,
                                boolean fitOnly) {
}
