package id.go.jambiprov.dumisake.progress;

/** A saved report and whether the save created it (201) or changed the month's report (200). */
public record SavedReport(ProgressReportView report, boolean created) {
}
