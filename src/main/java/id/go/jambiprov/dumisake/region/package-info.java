/** Kabupaten/kota, kecamatan and desa with their Kemendagri codes and boundaries. */
@org.springframework.modulith.ApplicationModule(displayName = "Wilayah", allowedDependencies = "shared")
package id.go.jambiprov.dumisake.region;
