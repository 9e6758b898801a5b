package id.go.jambiprov.dumisake.shared.tabular;

/**
 * How much of an uploaded table is read before it is refused. Every limit is checked while the file is
 * read, so that a file that inflates to far more than it weighs is stopped before it fills the memory.
 *
 * @param maxBytes          the file as uploaded
 * @param maxRows           non-blank rows after the heading row
 * @param maxColumns        columns that hold something; blank cells further right are ignored
 * @param maxCellChars      characters in one cell
 * @param maxTextChars      characters in all cells together: what the rows will hold in memory
 * @param maxUnpackedBytes  a workbook's sheet as unpacked XML (its other parts get far less)
 */
public record TabularLimits(long maxBytes, int maxRows, int maxColumns, int maxCellChars, long maxTextChars,
                            long maxUnpackedBytes) {

    /**
     * A spreadsheet of the templates' shape: few columns, short cells, at most {@code maxRows} rows. 100,000
     * rows of the beneficiary template hold about 20 million characters; 32 million, held as rows, stay
     * within ~80 MB of heap, so that the imports that may run at once fit beside the rest of the application.
     */
    public static TabularLimits of(long maxBytes, int maxRows) {
        return new TabularLimits(maxBytes, maxRows, 64, 2_000, 32L * 1024 * 1024, 160L * 1024 * 1024);
    }

    public long maxBytesInMegabytes() {
        return maxBytes / (1024 * 1024);
    }
}
