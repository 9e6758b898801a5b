package id.go.jambiprov.dumisake.shared.tabular;

/** Text written into a CSV or a workbook that a person opens in a spreadsheet program. */
public final class SpreadsheetCell {

    private SpreadsheetCell() {
    }

    /**
     * The text as a spreadsheet shows it without running it: text that starts like a formula ({@code =},
     * {@code +}, {@code -}, {@code @}, tab, carriage return) gets a leading apostrophe (CSV injection).
     */
    public static String neutralised(String text) {
        if (text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
