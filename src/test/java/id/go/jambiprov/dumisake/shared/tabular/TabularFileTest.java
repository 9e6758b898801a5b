package id.go.jambiprov.dumisake.shared.tabular;

import id.go.jambiprov.dumisake.shared.tabular.TabularFileException.Reason;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TabularFileTest {

    private static final TabularLimits LIMITS = TabularLimits.of(30L * 1024 * 1024, 1_000);

    @Test
    void aWorkbookIsReadAsTextWithoutEvaluatingAnything() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("Penerima");
            Row heading = sheet.createRow(0);
            heading.createCell(0).setCellValue("nik");
            heading.createCell(1).setCellValue("jumlah");
            heading.createCell(3).setCellValue("tanggal");
            Row first = sheet.createRow(1);
            first.createCell(0).setCellValue(1501234567890001d);
            first.createCell(1).setCellValue(1500000.5);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            first.createCell(3).setCellValue(LocalDate.of(2026, 3, 31));
            first.getCell(3).setCellStyle(date);
            // row 3 blank, row 4 a formula that must stay text
            sheet.createRow(3).createCell(0).setCellFormula("HYPERLINK(\"http://evil.example\",\"x\")");
            workbook.write(out);
            xlsx = out.toByteArray();
        }

        Map<Integer, List<String>> rows = read("penerima.xlsx", xlsx, LIMITS);

        assertThat(rows).containsOnlyKeys(1, 2, 4);
        assertThat(rows.get(1)).containsExactly("nik", "jumlah", "", "tanggal");
        assertThat(rows.get(2)).containsExactly("1501234567890001", "1500000,5", "", "2026-03-31");
        assertThat(rows.get(4)).containsExactly("=HYPERLINK(\"http://evil.example\",\"x\")");
    }

    @Test
    void aCsvWithByteOrderMarkAndSemicolonsIsRead() {
        byte[] csv = ("\uFEFFnik;nama\n1501;\"Siti; Aminah\"\n\n1502;Budi\n").getBytes(StandardCharsets.UTF_8);

        Map<Integer, List<String>> rows = read("penerima.csv", csv, LIMITS);

        assertThat(rows.values()).containsExactly(List.of("nik", "nama"), List.of("1501", "Siti; Aminah"),
                List.of("1502", "Budi"));
    }

    @Test
    void filesOfAnotherKindAreRefusedByWhatTheyAreNotByTheirName() {
        assertRefused("kosong.csv", new byte[0], LIMITS, Reason.EMPTY);
        assertRefused("foto.png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, LIMITS, Reason.WRONG_TYPE);
        assertRefused("laporan.xlsx", "%PDF-1.7\n".getBytes(StandardCharsets.UTF_8), LIMITS, Reason.NOT_EXCEL);
        assertRefused("rusak.xlsx", new byte[]{'P', 'K', 3, 4, 1, 2, 3}, LIMITS, Reason.NOT_EXCEL);
        assertRefused("utf16.csv", new byte[]{(byte) 0xFF, (byte) 0xFE, 'n', 0, 'i', 0}, LIMITS, Reason.WRONG_TYPE);
        assertRefused("ansi.csv", new byte[]{'n', 'a', 'm', 'a', '\n', 'J', (byte) 0xE9, '\n'}, LIMITS,
                Reason.WRONG_TYPE);
    }

    @Test
    void aSheetThatInflatesPastItsLimitIsStoppedWhileItIsRead() {
        // ~1:20 like the probe's files: 5 MB of sheet XML from well under 1 MB
        byte[] bomb = Workbooks.inlineStrings(List.of("nik", "alamat"), 20_000,
                r -> List.of(String.valueOf(1_501_000_000_000_000L + r), "Jl. Lintas Sumatera RT " + r % 97 + " "
                        + "Desa Sungai Rengas".repeat(10)));
        TabularLimits small = new TabularLimits(30L * 1024 * 1024, 100_000, 64, 2_000, 64L * 1024 * 1024, 1024 * 1024);
        assertThat(bomb.length).isLessThan(1024 * 1024);

        assertRefused("bom.xlsx", bomb, small, Reason.UNPACKED_TOO_LARGE);
    }

    @Test
    void aPartThatInflatesLikeAZipBombIsRefusedForWhatItIs() {
        byte[] bomb = Workbooks.inlineStrings(List.of("a"), 50_000, r -> List.of("x".repeat(1_000)));

        assertRefused("bom.xlsx", bomb, LIMITS, Reason.INFLATES_TOO_MUCH);
    }

    @Test
    void sharedStringsThatInflatePastTheTextLimitAreRefusedBeforePoiLoadsThem() {
        byte[] bomb = Workbooks.sharedStringsOf(3L * 1024 * 1024);
        TabularLimits small = new TabularLimits(30L * 1024 * 1024, 100_000, 64, 2_000, 1024 * 1024, 256L * 1024 * 1024);

        assertRefused("bom.xlsx", bomb, small, Reason.UNPACKED_TOO_LARGE);
    }

    @Test
    void rowsColumnsCellsAndTextAreCountedWhileReading() {
        TabularLimits limits = new TabularLimits(1024 * 1024, 3, 4, 10, 60, 256L * 1024 * 1024);
        byte[] fourRows = Workbooks.inlineStrings(List.of("a"), 4, r -> List.of("x" + r));
        assertRefused("a.xlsx", fourRows, limits, Reason.TOO_MANY_ROWS);
        assertThat(read("a.xlsx", Workbooks.inlineStrings(List.of("a"), 3, r -> List.of("x" + r)), limits)).hasSize(4);

        assertRefused("a.csv", "a\n1,2,3,4,5\n".getBytes(StandardCharsets.UTF_8), limits, Reason.TOO_MANY_COLUMNS);
        // blank cells further right are what spreadsheet programs leave behind, not data
        assertThat(read("a.csv", "a\n1,2,3,4,,,\n".getBytes(StandardCharsets.UTF_8), limits).get(2))
                .containsExactly("1", "2", "3", "4");
        assertRefused("a.xlsx", Workbooks.inlineStrings(List.of("a"), 1, r -> List.of("x".repeat(11))), limits,
                Reason.CELL_TOO_LONG);
        assertRefused("a.csv", "a\n1234567890\n1234567890\n1234567890\n".getBytes(StandardCharsets.UTF_8),
                new TabularLimits(1024, 10, 4, 10, 25, 1024), Reason.UNPACKED_TOO_LARGE);
        assertRefused("a.csv", new byte[2048], new TabularLimits(1024, 10, 4, 10, 25, 1024),
                Reason.FILE_TOO_LARGE);
    }

    @Test
    void millionsOfBlankCellsInARowCostNothingAndACellFarRightRefusesTheFile() {
        assertThat(read("a.xlsx", Workbooks.rowOfBlankCells(2_000_000, null), LIMITS)).hasSize(1);

        assertRefused("a.xlsx", Workbooks.rowOfBlankCells(2_000_000, "x"), LIMITS, Reason.TOO_MANY_COLUMNS);
    }

    @Test
    void aCsvRecordOrFieldTooLargeToParseIsRefusedBeforeParsing() {
        assertRefused("a.csv", ("a\n" + ",".repeat(2_000_000) + "\n").getBytes(StandardCharsets.UTF_8), LIMITS,
                Reason.TOO_MANY_COLUMNS);
        assertRefused("a.csv", ("a\n\"" + "x".repeat(20_000) + "\"\n").getBytes(StandardCharsets.UTF_8), LIMITS,
                Reason.CELL_TOO_LONG);
        // commas and line breaks inside quotes are text, and a doubled quote is one quote
        assertThat(read("a.csv", "a,b\n\"Jl. X, RT 1\n\"\"Blok\"\"\",2\n".getBytes(StandardCharsets.UTF_8), LIMITS)
                .get(2)).containsExactly("Jl. X, RT 1\n\"Blok\"", "2");
    }

    @Test
    void millionsOfTinySharedStringsAreRefusedBeforePoiKeepsThem() {
        TabularLimits limits = TabularLimits.of(30L * 1024 * 1024, 1_000);

        assertRefused("a.xlsx", Workbooks.sharedStringItems(7_000), limits, Reason.UNPACKED_TOO_LARGE);
        assertThat(read("a.xlsx", Workbooks.sharedStringItems(5_000), limits)).hasSize(1);
    }

    @Test
    void anUploadIsReadNoFurtherThanItsLimit() {
        TabularLimits limits = new TabularLimits(1024, 10, 4, 10, 100, 1024);

        assertThat(TabularFile.bytes(new ByteArrayResource(new byte[1024]), limits)).hasSize(1024);
        assertThatThrownBy(() -> TabularFile.bytes(new ByteArrayResource(new byte[1025]), limits))
                .isInstanceOfSatisfying(TabularFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FILE_TOO_LARGE));
        assertThatThrownBy(() -> TabularFile.bytes(null, limits))
                .isInstanceOfSatisfying(TabularFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EMPTY));
    }

    @Test
    void theRefusalSaysWhichRowAndLimit() {
        TabularLimits limits = new TabularLimits(1024 * 1024, 10, 4, 10, 1_000, 1024 * 1024);

        assertThatThrownBy(() -> read("a.csv", "a\nb\n12345678901\n".getBytes(StandardCharsets.UTF_8), limits))
                .isInstanceOfSatisfying(TabularFileException.class, e -> {
                    assertThat(e.code()).isEqualTo("IMPORT_CELL_TOO_LONG");
                    assertThat(e.messageKey()).isEqualTo("tabular.cellTooLong");
                    assertThat(e.arguments()).containsExactly(3, 10);
                });
    }

    private static Map<Integer, List<String>> read(String name, byte[] content, TabularLimits limits) {
        Map<Integer, List<String>> rows = new TreeMap<>();
        TabularFile.read(name, content, limits, (number, cells) -> rows.put(number, new ArrayList<>(cells)));
        return Collections.unmodifiableMap(rows);
    }

    private static void assertRefused(String name, byte[] content, TabularLimits limits, Reason reason) {
        assertThatThrownBy(() -> read(name, content, limits)).isInstanceOfSatisfying(TabularFileException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
