package id.go.jambiprov.dumisake.dashboard;

/** A kabupaten/kota, kecamatan, OPD, programme or mechanism row of a dashboard. */
public record RegionRow(String code, String name, String parentCode, String parentName, Figures figures,
                        long allocations) {
}
