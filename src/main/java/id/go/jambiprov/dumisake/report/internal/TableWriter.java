package id.go.jambiprov.dumisake.report.internal;

import java.io.IOException;
import java.util.List;

/** Writes a table row by row to a stream, so that no export holds all its rows in memory. */
public interface TableWriter extends AutoCloseable {

    /** One row; values are String, Number (money as BigDecimal), LocalDate or null, in column order. */
    void row(List<?> values) throws IOException;

    /** Writes what follows the rows (the totals) and flushes everything to the stream. */
    @Override
    void close() throws IOException;
}
