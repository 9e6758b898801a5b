package id.go.jambiprov.dumisake.report.internal;

import java.util.List;

/**
 * What an export says about itself above the table: its title, the filters that produced it and when it
 * was made, so that a printed sheet can be traced back. {@code totalsOnlyWhere} narrows the totals row to
 * rows whose column holds the given value (cancelled allocations are listed but do not count).
 */
public record TableHeader(String title, List<String> filters, String exportedAt, List<Column> columns,
                          Integer totalsOnlyWhereColumn, String totalsOnlyWhereValue, String totalsLabel) {

    public TableHeader(String title, List<String> filters, String exportedAt, List<Column> columns,
                       String totalsLabel) {
        this(title, filters, exportedAt, columns, null, null, totalsLabel);
    }
}
