package id.go.jambiprov.dumisake.report.internal;

import id.go.jambiprov.dumisake.shared.tabular.SpreadsheetCell;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV for scripts and other systems: UTF-8, one heading line, plain values (money as {@code 1500000.00}),
 * no header block or totals that a program would have to skip. A text cell that a spreadsheet would take
 * for a formula ({@code = + - @}, tab, carriage return) gets a leading apostrophe, so a kegiatan title
 * typed as {@code =HYPERLINK(…)} cannot run on whoever opens the file.
 */
public final class CsvTableWriter implements TableWriter {

    private final CSVPrinter csv;
    private final List<Column> columns;

    public CsvTableWriter(OutputStream out, TableHeader header) throws IOException {
        this.columns = header.columns();
        this.csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT.builder()
                .setHeader(columns.stream().map(Column::heading).toArray(String[]::new)).get());
    }

    @Override
    public void row(List<?> values) throws IOException {
        List<Object> cells = new ArrayList<>(values.size());
        for (Object value : values) {
            cells.add(value instanceof BigDecimal money ? money.toPlainString()
                    : value instanceof String text ? SpreadsheetCell.neutralised(text) : value);
        }
        csv.printRecord(cells);
    }

    @Override
    public void close() throws IOException {
        csv.flush();
    }

}
