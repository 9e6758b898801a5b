package id.go.jambiprov.dumisake.region;

/** A desa/kelurahan with the names of its parents. */
public record DesaSummary(String code, String name, DesaType type, String kecamatanCode, String kecamatanName,
                          String kabupatenKotaCode, String kabupatenKotaName) {
}
