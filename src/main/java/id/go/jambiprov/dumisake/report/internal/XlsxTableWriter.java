package id.go.jambiprov.dumisake.report.internal;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An Excel sheet written as it goes: SXSSF keeps only a window of rows in memory and spills the rest to a
 * compressed temporary file, so 100,000 rows fit in a small heap. Money is a number cell with a Rupiah
 * format, the heading row stays frozen with an auto-filter, and a totals row sums with formulas, so the
 * sheet still adds up after someone filters or edits it.
 */
public final class XlsxTableWriter implements TableWriter {

    /** Rows kept in memory; older ones are already on disk. */
    private static final int ROW_WINDOW = 200;

    private final OutputStream out;
    private final TableHeader header;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(ROW_WINDOW);
    private final SXSSFSheet sheet;
    private final CellStyle money;
    private final CellStyle date;
    private final CellStyle percent;
    private final CellStyle bold;
    private final CellStyle moneyBold;
    private final int headingRow;
    private int nextRow;

    public XlsxTableWriter(OutputStream out, TableHeader header, String sheetName) {
        this.out = out;
        this.header = header;
        workbook.setCompressTempFiles(true);
        sheet = workbook.createSheet(sheetName);
        Font boldFont = workbook.createFont();
        boldFont.setBold(true);
        bold = workbook.createCellStyle();
        bold.setFont(boldFont);
        money = workbook.createCellStyle();
        money.setDataFormat(workbook.createDataFormat().getFormat(RUPIAH_FORMAT));
        moneyBold = workbook.createCellStyle();
        moneyBold.cloneStyleFrom(money);
        moneyBold.setFont(boldFont);
        moneyBold.setBorderTop(BorderStyle.THIN);
        date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("dd-mm-yyyy"));
        percent = workbook.createCellStyle();
        percent.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
        CellStyle heading = workbook.createCellStyle();
        heading.setFont(boldFont);
        heading.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        heading.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        heading.setBorderBottom(BorderStyle.THIN);
        heading.setWrapText(true);

        Cell title = sheet.createRow(nextRow++).createCell(0);
        title.setCellValue(header.title());
        title.setCellStyle(bold);
        for (String filter : header.filters()) {
            sheet.createRow(nextRow++).createCell(0).setCellValue(filter);
        }
        sheet.createRow(nextRow++).createCell(0).setCellValue(header.exportedAt());
        nextRow++; // a blank line between the header block and the table
        headingRow = nextRow;
        Row headings = sheet.createRow(nextRow++);
        List<Column> columns = header.columns();
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = headings.createCell(i);
            cell.setCellValue(columns.get(i).heading());
            cell.setCellStyle(heading);
            sheet.setColumnWidth(i, columns.get(i).width() * 256);
        }
        sheet.createFreezePane(0, headingRow + 1);
    }

    /** Rupiah without decimals, thousands grouped; Excel shows the grouping in the reader's locale. */
    public static final String RUPIAH_FORMAT = "\"Rp\" #,##0";

    /** The row index (0-based) of the heading row, for tests that read the sheet back. */
    public int headingRow() {
        return headingRow;
    }

    @Override
    public void row(List<?> values) {
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof BigDecimal number) {
                cell.setCellValue(number.doubleValue());
                cell.setCellStyle(header.columns().get(i).kind() == Column.Kind.PERCENT ? percent : money);
            } else if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (value instanceof LocalDate day) {
                cell.setCellValue(day);
                cell.setCellStyle(date);
            } else {
                cell.setCellValue(value.toString());
            }
        }
    }

    @Override
    public void close() throws IOException {
        int firstData = headingRow + 1;
        int lastData = nextRow - 1;
        List<Column> columns = header.columns();
        if (lastData >= firstData) {
            sheet.setAutoFilter(new CellRangeAddress(headingRow, lastData, 0, columns.size() - 1));
        }
        if (header.totalsLabel() == null) {
            // a table whose last row is its own total (the province row) gets no second one
            finish();
            return;
        }
        Row totals = sheet.createRow(nextRow++);
        Cell label = totals.createCell(0);
        label.setCellValue(header.totalsLabel());
        label.setCellStyle(bold);
        for (int i = 0; i < columns.size(); i++) {
            if (!columns.get(i).summed()) {
                continue;
            }
            Cell cell = totals.createCell(i);
            cell.setCellStyle(moneyBold);
            if (lastData < firstData) {
                cell.setCellValue(0);
                continue;
            }
            String range = range(i, firstData, lastData);
            cell.setCellFormula(header.totalsOnlyWhereColumn() == null ? "SUM(" + range + ")"
                    : "SUMIF(" + range(header.totalsOnlyWhereColumn(), firstData, lastData) + ",\""
                            + header.totalsOnlyWhereValue() + "\"," + range + ")");
        }
        // the formulas have no cached result: Excel computes them on opening
        sheet.setForceFormulaRecalculation(true);
        finish();
    }

    private void finish() throws IOException {
        try {
            workbook.write(out);
            out.flush();
        } finally {
            workbook.close();
        }
    }

    private static String range(int column, int firstRow, int lastRow) {
        String letters = CellReference.convertNumToColString(column);
        return letters + (firstRow + 1) + ":" + letters + (lastRow + 1);
    }
}
