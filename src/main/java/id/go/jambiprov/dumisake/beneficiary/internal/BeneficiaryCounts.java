package id.go.jambiprov.dumisake.beneficiary.internal;

import java.util.List;

/**
 * Beneficiaries with aid in one fiscal year, per region one level below {@code parentCode}: per
 * kabupaten/kota of the province, per kecamatan of a kabupaten/kota, or per desa of a kecamatan. Every
 * region of the level is listed, also those with nobody; a person lives in one desa, so the rows add up
 * to {@code total}.
 *
 * @param parentCode the kabupaten/kota or kecamatan, null for the province
 * @param upCode     the level above the parent, for the way back: the kabupaten/kota of a kecamatan
 */
public record BeneficiaryCounts(int year, Level level, String parentCode, String parentName, String upCode,
                                List<RegionCount> rows, long total) {

    public enum Level {
        KABUPATEN_KOTA, KECAMATAN, DESA
    }
}
