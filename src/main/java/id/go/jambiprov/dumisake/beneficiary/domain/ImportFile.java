package id.go.jambiprov.dumisake.beneficiary.domain;

import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.tabular.TabularFile;
import id.go.jambiprov.dumisake.shared.tabular.TabularLimits;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an uploaded XLSX or CSV file of beneficiaries into rows of text, through the one table reader with
 * its limits ({@link TabularFile}). Nothing is evaluated: a formula cell is read as its formula text.
 */
public final class ImportFile {

    public static final List<String> COLUMNS = List.of("nik", "name", "sex", "date_of_birth", "desa_code", "address",
            "phone", "welfare_decile", "allocation_id", "aid_amount", "aid_date", "aid_description");
    public static final int MAX_ROWS = 100_000;
    /** Up to 100,000 rows of the template fit in well under this; the servlet's own limit is a little above. */
    public static final long MAX_BYTES = 30L * 1024 * 1024;
    private static final TabularLimits LIMITS = TabularLimits.of(MAX_BYTES, MAX_ROWS);

    private ImportFile() {
    }

    /**
     * One data row: its number in the file (heading = 1) and its cells in the order of {@link #COLUMNS},
     * blank ones as empty text. An array rather than a map per row: 100,000 rows of maps took twice the memory.
     */
    public static final class Row {

        private final int number;
        private final String[] cells;

        private Row(int number, String[] cells) {
            this.number = number;
            this.cells = cells;
        }

        public int number() {
            return number;
        }

        /** @return the cell of {@code column}, one of {@link #COLUMNS} */
        public String get(String column) {
            return cells[COLUMNS.indexOf(column)];
        }
    }

    /** Refuses an upload before it is taken on: empty, or larger than an import may be. */
    public static void requireSize(long bytes) {
        if (bytes <= 0) {
            throw new BusinessRuleException("IMPORT_EMPTY", "tabular.empty");
        }
        if (bytes > MAX_BYTES) {
            throw new BusinessRuleException("IMPORT_FILE_TOO_LARGE", "tabular.tooLarge", LIMITS.maxBytesInMegabytes());
        }
    }

    /** @return the data rows in file order */
    public static List<Row> read(String fileName, byte[] content) {
        List<Row> data = new ArrayList<>();
        int[] positions = new int[COLUMNS.size()];
        boolean[] headed = {false};
        TabularFile.read(fileName, content, LIMITS, (number, cells) -> {
            if (!headed[0]) {
                heading(cells, positions);
                headed[0] = true;
                return;
            }
            String[] values = new String[COLUMNS.size()];
            for (int c = 0; c < values.length; c++) {
                int index = positions[c] - 1;
                values[c] = index >= 0 && index < cells.size() ? cells.get(index).strip() : "";
            }
            data.add(new Row(number, values));
        });
        if (data.isEmpty()) {
            throw new BusinessRuleException("IMPORT_EMPTY", "tabular.empty");
        }
        return data;
    }

    /** Where each of {@link #COLUMNS} stands in the file (1-based; 0 = absent); the first eight are required. */
    private static void heading(List<String> cells, int[] positions) {
        List<String> names = cells.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        if (!names.containsAll(COLUMNS.subList(0, 8))) {
            throw new BusinessRuleException("IMPORT_HEADER", "import.header", String.join(", ", COLUMNS));
        }
        for (int c = 0; c < positions.length; c++) {
            positions[c] = names.indexOf(COLUMNS.get(c)) + 1;
        }
    }
}
