/**
 * The official poverty figures of the province and its kabupaten/kota (BPS, Susenas): each figure with its
 * source, the one that counts and the alternatives where sources disagree, and never a filled gap. Others
 * read them through {@link id.go.jambiprov.dumisake.poverty.PovertyFigures}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Indikator kemiskinan",
        allowedDependencies = {"account", "audit", "shared"})
package id.go.jambiprov.dumisake.poverty;
