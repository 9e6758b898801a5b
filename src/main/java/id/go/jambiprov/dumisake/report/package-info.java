/**
 * Reports and data exchange: Excel/CSV exports of the lists, the PDF realisation report, the bulk
 * allocation import and the SP2D reconciliation. It reads the other capabilities through their services;
 * nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Laporan",
        allowedDependencies = {"account", "allocation", "beneficiary", "dashboard", "disbursement", "programme",
                "progress", "region", "shared", "targeting"})
package id.go.jambiprov.dumisake.report;
