package id.go.jambiprov.dumisake.report.internal;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The files the allocation import hands out: the empty template to fill in, and the list of issues of a
 * checked file to fix it with.
 */
@Component
class AllocationImportFiles {

    /** The template's columns, in order; machine names, the same in every language. */
    static final List<String> COLUMNS = List.of("tahun", "kode_kecamatan", "kode_opd", "kode_program",
            "mekanisme", "kode_desa", "kegiatan", "jumlah", "bulan_rencana");
    /** Columns a file may leave out: one output target (indikator keluaran) of the allocation. */
    static final List<String> OUTPUT_COLUMNS = List.of("indikator_keluaran", "satuan_keluaran", "target_keluaran");

    private final MessageSource messages;

    AllocationImportFiles(MessageSource messages) {
        this.messages = messages;
    }

    /** The empty template: the heading row with frozen pane and column widths, and a sheet of instructions. */
    void writeTemplate(OutputStream out) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet(msg("report.import.sheet"));
            XSSFCellStyle bold = workbook.createCellStyle();
            bold.setFont(workbook.createFont());
            bold.getFont().setBold(true);
            Row heading = sheet.createRow(0);
            List<String> columns = new ArrayList<>(COLUMNS);
            columns.addAll(OUTPUT_COLUMNS);
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = heading.createCell(i);
                cell.setCellValue(columns.get(i));
                cell.setCellStyle(bold);
                boolean wide = columns.get(i).equals("kegiatan") || columns.get(i).equals("indikator_keluaran");
                sheet.setColumnWidth(i, (wide ? 40 : 18) * 256);
            }
            sheet.createFreezePane(0, 1);
            XSSFSheet help = workbook.createSheet(msg("report.import.helpSheet"));
            help.setColumnWidth(0, 18 * 256);
            help.setColumnWidth(1, 100 * 256);
            for (int i = 0; i < columns.size(); i++) {
                Row row = help.createRow(i);
                row.createCell(0).setCellValue(columns.get(i));
                // the output columns belong to the progress capability and are explained in its words
                row.createCell(1).setCellValue(msg((i < COLUMNS.size() ? "report.import.help." : "progress.import.help.")
                        + columns.get(i)));
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The issues as CSV (row, column, message), for the person to fix the file with. */
    void writeIssues(List<ImportIssue> issues, OutputStream out) {
        TableHeader header = new TableHeader(msg("report.import.issuesTitle"), List.of(), "",
                List.of(Column.integer(msg("report.import.row")), Column.text(msg("report.import.column"), 16),
                        Column.text(msg("report.import.message"), 80)), msg("report.totals"));
        try (CsvTableWriter writer = new CsvTableWriter(out, header)) {
            for (ImportIssue issue : issues) {
                writer.row(List.of(issue.row(), issue.column(), issue.message()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
