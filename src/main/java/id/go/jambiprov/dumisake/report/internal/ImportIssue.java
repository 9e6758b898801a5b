package id.go.jambiprov.dumisake.report.internal;

import java.io.Serializable;

/** One thing wrong with an import file: the spreadsheet row (1 = the heading), the column and why. */
public record ImportIssue(int row, String column, String message) implements Serializable {
}
