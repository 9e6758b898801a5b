package id.go.jambiprov.dumisake.shared.tabular;

import java.io.InputStream;
import org.springframework.core.io.InputStreamSource;
import id.go.jambiprov.dumisake.shared.tabular.TabularFileException.Reason;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one way uploaded tables (XLSX or CSV in UTF-8) are read: as a stream, row by row, with the limits
 * checked while reading — a workbook is never loaded whole (a sheet that inflates to 100 MB costs time, not
 * memory) and a file that goes past a limit is refused as soon as it does. Nothing is evaluated: a formula
 * cell is read as its formula text ({@code =…}), a CSV cell as the characters it holds.
 * <p>
 * Cells come as text: numbers of a workbook in Indonesian notation without grouping ({@code 1500000,5}, as
 * {@code Rupiah.parse} reads them), date cells as {@code YYYY-MM-DD}. Blank rows are skipped; the row
 * number given with each row is the one a spreadsheet program shows (for CSV, the record number).
 */
public final class TabularFile {

    /** Receives the non-blank rows in file order, the heading row first. */
    @FunctionalInterface
    public interface RowHandler {
        void row(int number, List<String> cells);
    }

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    /** Blank fields a spreadsheet program may leave right of the data, per column that may hold some. */
    private static final int FIELDS_PER_COLUMN = 16;

    private TabularFile() {
    }

    /**
     * Reads {@code content} and hands every non-blank row to {@code handler}. The type is taken from the
     * content (a ZIP is a workbook) and the name ({@code .csv}); anything else is refused.
     *
     * @throws TabularFileException when the file is empty, of another type, unreadable or past a limit
     */
    public static void read(String fileName, byte[] content, TabularLimits limits, RowHandler handler) {
        if (content == null || content.length == 0) {
            throw new TabularFileException(Reason.EMPTY);
        }
        if (content.length > limits.maxBytes()) {
            throw new TabularFileException(Reason.FILE_TOO_LARGE, limits.maxBytesInMegabytes());
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        Budget budget = new Budget(limits, handler);
        if (isZip(content)) {
            XlsxSheetReader.read(content, limits, budget);
        } else if (name.endsWith(".xlsx")) {
            // a renamed PDF or Word 97 file
            throw new TabularFileException(Reason.NOT_EXCEL);
        } else if (name.endsWith(".csv")) {
            csv(content, limits, budget);
        } else {
            throw new TabularFileException(Reason.WRONG_TYPE);
        }
        if (budget.rows == 0) {
            throw new TabularFileException(Reason.EMPTY);
        }
    }

    /**
     * The bytes of an upload, read only once it is the import's turn (see {@link ImportGate}) and never
     * more than {@code limits.maxBytes()}: uploads waiting for their turn are still files on the disk.
     *
     * @throws TabularFileException when there is none or it is larger than allowed
     */
    public static byte[] bytes(InputStreamSource upload, TabularLimits limits) {
        if (upload == null) {
            throw new TabularFileException(Reason.EMPTY);
        }
        try (InputStream in = upload.getInputStream()) {
            byte[] content = in.readNBytes((int) Math.min(limits.maxBytes() + 1, Integer.MAX_VALUE - 8));
            if (content.length > limits.maxBytes()) {
                throw new TabularFileException(Reason.FILE_TOO_LARGE, limits.maxBytesInMegabytes());
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException("An upload could not be read", e);
        }
    }

    private static boolean isZip(byte[] content) {
        return content.length > ZIP_MAGIC.length && content[0] == ZIP_MAGIC[0] && content[1] == ZIP_MAGIC[1]
                && content[2] == ZIP_MAGIC[2] && content[3] == ZIP_MAGIC[3];
    }

    private static void csv(byte[] content, TabularLimits limits, Budget budget) {
        char delimiter = delimiter(content);
        checkShape(content, delimiter, limits);
        // a byte that is not UTF-8 (a file saved as ANSI or UTF-16) stops the reading instead of becoming '?'
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BOMInputStream bytes = BOMInputStream.builder().setInputStream(new ByteArrayInputStream(content)).get();
             CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get()
                     .parse(new InputStreamReader(bytes, decoder))) {
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                for (String cell : cells) {
                    if (cell.indexOf('\0') >= 0) {
                        throw new TabularFileException(Reason.WRONG_TYPE);
                    }
                }
                budget.row((int) record.getRecordNumber(), cells);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new TabularFileException(Reason.WRONG_TYPE);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new TabularFileException(Reason.UNREADABLE);
        }
    }

    /**
     * Counts the fields of each record and the bytes of each field on the raw bytes, before parsing: the CSV
     * parser builds a whole record, and a whole field, in memory before any limit can look at it (a line of
     * 30 million commas is 30 million fields). A doubled quote inside a quoted field toggles twice.
     */
    private static void checkShape(byte[] content, char delimiter, TabularLimits limits) {
        long maxFieldBytes = 4L * limits.maxCellChars() + 2;
        int maxFields = limits.maxColumns() * FIELDS_PER_COLUMN;
        boolean quoted = false;
        int record = 1;
        int fields = 1;
        long fieldBytes = 0;
        for (byte b : content) {
            if (b == '"') {
                quoted = !quoted;
            } else if (!quoted && b == delimiter) {
                if (++fields > maxFields) {
                    throw new TabularFileException(Reason.TOO_MANY_COLUMNS, record, limits.maxColumns());
                }
                fieldBytes = 0;
                continue;
            } else if (!quoted && b == '\n') {
                record++;
                fields = 1;
                fieldBytes = 0;
                continue;
            }
            if (++fieldBytes > maxFieldBytes) {
                throw new TabularFileException(Reason.CELL_TOO_LONG, record, limits.maxCellChars());
            }
        }
    }

    /** Excel in an Indonesian locale saves CSV with semicolons: the heading line tells which. */
    private static char delimiter(byte[] content) {
        int semicolons = 0;
        int commas = 0;
        for (int i = 0; i < content.length && content[i] != '\n'; i++) {
            if (content[i] == ';') {
                semicolons++;
            } else if (content[i] == ',') {
                commas++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    /** Counts what has been read against the limits and passes on the rows that hold something. */
    static final class Budget {

        private final TabularLimits limits;
        private final RowHandler handler;
        private int rows;
        private long text;

        Budget(TabularLimits limits, RowHandler handler) {
            this.limits = limits;
            this.handler = handler;
        }

        void cellLength(int row, int length) {
            if (length > limits.maxCellChars()) {
                throw new TabularFileException(Reason.CELL_TOO_LONG, row, limits.maxCellChars());
            }
        }

        /**
         * Whether a workbook cell is to be kept: one beyond the limit of columns is dropped while blank (a
         * sheet may declare millions of empty cells) and refuses the file once it holds something.
         */
        boolean keeps(int row, int column, String value) {
            if (column < limits.maxColumns()) {
                return true;
            }
            if (value.isBlank()) {
                return false;
            }
            throw new TabularFileException(Reason.TOO_MANY_COLUMNS, row, limits.maxColumns());
        }

        void row(int number, List<String> cells) {
            int last = -1;
            long chars = 0;
            for (int c = 0; c < cells.size(); c++) {
                String cell = cells.get(c);
                cellLength(number, cell.length());
                chars += cell.length();
                if (!cell.isBlank()) {
                    last = c;
                }
            }
            if (last < 0) {
                return;
            }
            if (last >= limits.maxColumns()) {
                throw new TabularFileException(Reason.TOO_MANY_COLUMNS, number, limits.maxColumns());
            }
            // the heading row is not a data row
            if (rows > limits.maxRows()) {
                throw new TabularFileException(Reason.TOO_MANY_ROWS, limits.maxRows());
            }
            text += chars;
            if (text > limits.maxTextChars()) {
                throw new TabularFileException(Reason.UNPACKED_TOO_LARGE,
                        limits.maxTextChars() / (1024 * 1024));
            }
            rows++;
            handler.row(number, cells.size() > last + 1 ? new ArrayList<>(cells.subList(0, last + 1)) : cells);
        }
    }
}
