package id.go.jambiprov.dumisake.region;

/** A kecamatan with its kabupaten/kota and how many desa/kelurahan it has. */
public record KecamatanSummary(String code, String name, String kabupatenKotaCode, String kabupatenKotaName,
                               long desaCount) {
}
