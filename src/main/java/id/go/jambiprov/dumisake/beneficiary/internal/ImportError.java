package id.go.jambiprov.dumisake.beneficiary.internal;

/** One refused cell of an import: its row (as a spreadsheet numbers it, the header being row 1) and column. */
public record ImportError(int row, String column, String message, String value) {
}
