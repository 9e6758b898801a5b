/**
 * The dashboards of the province, kabupaten/kota and kecamatan, the early warnings and the expert team's
 * review notes. Others read its figures through {@link id.go.jambiprov.dumisake.dashboard.Dashboards}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dasbor",
        allowedDependencies = {"account", "allocation", "audit", "opd", "programme", "progress", "region", "shared"})
package id.go.jambiprov.dumisake.dashboard;
