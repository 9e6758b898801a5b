package id.go.jambiprov.dumisake.region;

/** A kabupaten/kota with how many kecamatan and desa/kelurahan it has. */
public record KabupatenKotaSummary(String code, String name, String type, long kecamatanCount, long desaCount) {
}
