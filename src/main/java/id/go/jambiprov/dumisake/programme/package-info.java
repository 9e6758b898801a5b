/**
 * Fiscal years with their pagu per kecamatan and the Dumisake programme menu. Opening a year and changing its
 * pagu are announced as events ({@link id.go.jambiprov.dumisake.programme.FiscalYearOpened},
 * {@link id.go.jambiprov.dumisake.programme.PaguChanged}); the envelopes are the allocation capability's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Program dan tahun anggaran",
        allowedDependencies = {"audit", "opd", "shared"})
package id.go.jambiprov.dumisake.programme;
