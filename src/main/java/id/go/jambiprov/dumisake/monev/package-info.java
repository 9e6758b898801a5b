/**
 * Monitoring and evaluation: planned against physical and financial progress with a traffic light per
 * allocation, OPD, kecamatan, kabupaten/kota and programme, the thresholds of that light, and "Kenapa belum
 * jalan?". It reads the progress reports and obstacles of their capabilities by SQL (read models only);
 * others read the deviations through {@link id.go.jambiprov.dumisake.monev.Deviations}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Monev",
        allowedDependencies = {"account", "audit", "programme", "region", "shared"})
package id.go.jambiprov.dumisake.monev;
