/** The provincial agencies (OPD): master data every capability names. */
@org.springframework.modulith.ApplicationModule(displayName = "OPD", allowedDependencies = "shared")
package id.go.jambiprov.dumisake.opd;
