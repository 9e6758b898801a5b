package id.go.jambiprov.dumisake.poverty.internal;

import id.go.jambiprov.dumisake.poverty.Period;
import id.go.jambiprov.dumisake.poverty.RegionFigures;
import id.go.jambiprov.dumisake.shared.tabular.SpreadsheetCell;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
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
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The import template, as XLSX (with a sheet of instructions) or CSV: the heading row and one row per region
 * of the year (the province also for September) with its code, name, year and period filled in and every
 * figure empty. It holds no figures on purpose: a row has one source, and a template filled with figures of
 * several sources would, sent back unchanged, attribute them all to one.
 */
@Component
public class PovertyTemplate {

    private final PovertyFigureQueries queries;
    private final MessageSource messages;

    PovertyTemplate(PovertyFigureQueries queries, MessageSource messages) {
        this.queries = queries;
        this.messages = messages;
    }

    public void writeXlsx(int year, OutputStream out) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet(msg("poverty.import.sheet"));
            XSSFCellStyle bold = workbook.createCellStyle();
            bold.setFont(workbook.createFont());
            bold.getFont().setBold(true);
            List<String> columns = PovertyImportService.COLUMNS;
            Row heading = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = heading.createCell(i);
                cell.setCellValue(columns.get(i));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(i, (columns.get(i).equals("sumber") ? 60 : columns.get(i).equals("wilayah") ? 32 : 16) * 256);
            }
            sheet.createFreezePane(0, 1);
            int next = 1;
            for (List<String> region : rows(year)) {
                Row row = sheet.createRow(next++);
                row.createCell(0).setCellValue(region.get(0));
                row.createCell(1).setCellValue(region.get(1));
                row.createCell(2).setCellValue(year);
                row.createCell(3).setCellValue(region.get(3));
            }
            XSSFSheet help = workbook.createSheet(msg("poverty.import.helpSheet"));
            help.setColumnWidth(0, 20 * 256);
            help.setColumnWidth(1, 100 * 256);
            int line = 0;
            for (Map.Entry<String, String> column : PovertyImportService.helpKeys().entrySet()) {
                Row row = help.createRow(line++);
                row.createCell(0).setCellValue(column.getKey());
                row.createCell(1).setCellValue(msg(column.getValue()));
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** UTF-8 with a heading line; a text cell that a spreadsheet would run as a formula is neutralised. */
    public void writeCsv(int year, OutputStream out) {
        try {
            CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT.builder()
                    .setHeader(PovertyImportService.COLUMNS.toArray(String[]::new)).get());
            for (List<String> region : rows(year)) {
                List<String> cells = new ArrayList<>();
                region.forEach(cell -> cells.add(SpreadsheetCell.neutralised(cell)));
                while (cells.size() < PovertyImportService.COLUMNS.size()) {
                    cells.add("");
                }
                csv.printRecord(cells);
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Code, name, year, period of every row the template offers. */
    private List<List<String>> rows(int year) {
        List<List<String>> rows = new ArrayList<>();
        queries.regionNames().forEach((code, name) ->
                rows.add(List.of(code, name, String.valueOf(year), Period.MARET.name())));
        rows.add(List.of(RegionFigures.PROVINCE, PovertyFigureQueries.PROVINCE_NAME, String.valueOf(year),
                Period.SEPTEMBER.name()));
        return rows;
    }

    private String msg(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
