/**
 * Monitoring the work itself (monev): the output targets (indikator keluaran) of an allocation, its monthly
 * progress reports (laporan kemajuan) with the physical progress and the output achieved, and the rule that a
 * programme's later tranches wait for enough progress. Others use
 * {@link id.go.jambiprov.dumisake.progress.ProgressReports} and the records beside it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Kemajuan dan keluaran",
        allowedDependencies = {"account", "allocation", "audit", "programme", "shared"})
package id.go.jambiprov.dumisake.progress;
