package id.go.jambiprov.dumisake.report;

import id.go.jambiprov.dumisake.account.SignedIn;
import id.go.jambiprov.dumisake.report.internal.Column;
import id.go.jambiprov.dumisake.report.internal.CsvTableWriter;
import id.go.jambiprov.dumisake.report.internal.TableHeader;
import id.go.jambiprov.dumisake.report.internal.XlsxTableWriter;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import jakarta.servlet.http.Cookie;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** The stable download URLs: what the files hold, read back the way Excel, a script and a reader would. */
@SpringBootTest
@AutoConfigureMockMvc
class ExportTest {

    private static final String KERINCI = "15.01";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Test
    void allocationsRoundTripThroughExcelWithEveryValueAndTheTotalsFormulas() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/v1/exports/allocations.xlsx")
                .param("year", "2026").param("kabupatenKota", KERINCI).with(user(SignedIn.ADMIN)))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .contains("filename=\"dumisake-alokasi-2026-15.01.xlsx\"");

        List<Map<String, Object>> expected = jdbc.queryForList("""
                select a.id, a.kecamatan_code, a.opd_code, a.title, a.planned_month, a.status, a.amount, a.disbursed,
                       a.realised
                from allocation a join kecamatan c on c.code = a.kecamatan_code
                where a.fiscal_year = 2026 and c.kabupaten_kota_code = ?
                order by a.kecamatan_code, a.opd_code, a.id""", KERINCI);
        assertThat(expected).isNotEmpty();
        Map<Long, String> outputs = new java.util.HashMap<>();
        jdbc.query("select allocation_id, string_agg(name, '; ') from allocation_output group by allocation_id",
                rs -> {
                    outputs.put(rs.getLong(1), rs.getString(2));
                });

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Alokasi Dumisake tahun 2026");
            int heading = headingRow(sheet);
            assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) (heading + 1));
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).startsWith("A" + (heading + 1) + ":P");
            assertThat(sheet.getRow(heading).getCell(11).getStringCellValue()).isEqualTo("Jumlah (Rp)");
            assertThat(sheet.getRow(heading).getCell(14).getStringCellValue()).isEqualTo("Target keluaran");
            assertThat(sheet.getRow(heading).getCell(15).getStringCellValue()).isEqualTo("Kemajuan fisik terakhir (%)");

            BigDecimal amount = BigDecimal.ZERO;
            BigDecimal disbursed = BigDecimal.ZERO;
            BigDecimal realised = BigDecimal.ZERO;
            for (int i = 0; i < expected.size(); i++) {
                Map<String, Object> allocation = expected.get(i);
                Row row = sheet.getRow(heading + 1 + i);
                assertThat((long) row.getCell(0).getNumericCellValue())
                        .isEqualTo(((Number) allocation.get("id")).longValue());
                assertThat(row.getCell(2).getStringCellValue()).isEqualTo(allocation.get("kecamatan_code"));
                assertThat(row.getCell(4).getStringCellValue()).isEqualTo(allocation.get("opd_code"));
                assertThat(row.getCell(8).getStringCellValue()).isEqualTo(allocation.get("title"));
                assertThat((int) row.getCell(9).getNumericCellValue()).isEqualTo(allocation.get("planned_month"));
                assertThat(row.getCell(10).getStringCellValue())
                        .isEqualTo("ACTIVE".equals(allocation.get("status")) ? "Aktif" : "Dibatalkan");
                Cell money = row.getCell(11);
                assertThat(money.getCellType()).as("money is a number, not text").isEqualTo(CellType.NUMERIC);
                assertThat(money.getCellStyle().getDataFormatString()).isEqualTo(XlsxTableWriter.RUPIAH_FORMAT);
                assertThat(BigDecimal.valueOf(money.getNumericCellValue()))
                        .isEqualByComparingTo((BigDecimal) allocation.get("amount"));
                assertThat(BigDecimal.valueOf(row.getCell(12).getNumericCellValue()))
                        .isEqualByComparingTo((BigDecimal) allocation.get("disbursed"));
                assertThat(BigDecimal.valueOf(row.getCell(13).getNumericCellValue()))
                        .isEqualByComparingTo((BigDecimal) allocation.get("realised"));
                String outputNames = outputs.get(((Number) allocation.get("id")).longValue());
                if (outputNames != null) {
                    assertThat(row.getCell(14).getStringCellValue()).as("output targets").contains(outputNames.split("; ")[0]);
                }
                if ("ACTIVE".equals(allocation.get("status"))) {
                    amount = amount.add((BigDecimal) allocation.get("amount"));
                    disbursed = disbursed.add((BigDecimal) allocation.get("disbursed"));
                    realised = realised.add((BigDecimal) allocation.get("realised"));
                }
            }
            int first = heading + 2;
            int last = heading + 1 + expected.size();
            Row totals = sheet.getRow(last);
            assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("Jumlah");
            assertThat(totals.getCell(11).getCellFormula())
                    .isEqualTo("SUMIF(K" + first + ":K" + last + ",\"Aktif\",L" + first + ":L" + last + ")");
            FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            assertThat(BigDecimal.valueOf(evaluator.evaluate(totals.getCell(11)).getNumberValue()))
                    .isEqualByComparingTo(amount);
            assertThat(BigDecimal.valueOf(evaluator.evaluate(totals.getCell(12)).getNumberValue()))
                    .isEqualByComparingTo(disbursed);
            assertThat(BigDecimal.valueOf(evaluator.evaluate(totals.getCell(13)).getNumberValue()))
                    .isEqualByComparingTo(realised);
            assertThat(sheet.getRow(last + 1) == null).as("nothing after the totals").isTrue();
        }
    }

    @Test
    void anOperatorExportsOnlyTheirOwnOpd() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/v1/exports/allocations.csv")
                .param("year", "2026").param("opdCode", "DINKES").with(user(SignedIn.OPERATOR_DISDIK)))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("text/csv;charset=UTF-8");
        List<CSVRecord> rows = csv(response);
        assertThat(rows).isEmpty();

        rows = csv(mvc.perform(get("/api/v1/exports/allocations.csv").param("year", "2026")
                .with(user(SignedIn.OPERATOR_DISDIK))).andReturn().getResponse());
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.get("OPD")).isEqualTo("DISDIK"));
        assertThat(rows).hasSize(jdbc.queryForObject(
                "select count(*) from allocation where fiscal_year = 2026 and opd_code = 'DISDIK'", Integer.class));
    }

    /**
     * The pages' buttons download under the session, from page URLs: a browser whose session ran out is
     * sent to the login form and never meets HTTP Basic (whose credentials it would keep sending to the API).
     */
    @Test
    void thePagesExportButtonsDownloadUnderTheSessionFromPageUrls() throws Exception {
        MvcResult login = mvc.perform(post("/login").with(csrf()).param("username", "ahli").param("password", "dumisake")
                .with(request -> {
                    request.setRemoteAddr("192.0.2.250");
                    return request;
                })).andExpect(redirectedUrl("/")).andReturn();
        Cookie session = login.getResponse().getCookie("SESSION");
        String page = mvc.perform(get("/alokasi").param("year", "2026").param("kabupatenKota", KERINCI).cookie(session))
                .andReturn().getResponse().getContentAsString();
        Matcher link = Pattern.compile("href=\"(/ekspor/alokasi\\.xlsx\\?[^\"]+)\"").matcher(page);
        assertThat(link.find()).as("the Excel button of the allocation list").isTrue();
        String href = link.group(1).replace("&amp;", "&");

        MockHttpServletResponse download = mvc.perform(get(URI.create(href)).cookie(session)).andReturn().getResponse();
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .contains("filename=\"dumisake-alokasi-2026-15.01.xlsx\"");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.getContentAsByteArray()))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Alokasi Dumisake tahun 2026");
        }
        assertThat(mvc.perform(get("/ekspor/laporan-realisasi.pdf").param("year", "2026").cookie(session))
                .andReturn().getResponse().getContentType()).isEqualTo("application/pdf");

        MockHttpServletResponse signedOut = mvc.perform(get(URI.create(href))).andReturn().getResponse();
        assertThat(signedOut.getRedirectedUrl()).isEqualTo("/login");
        assertThat(signedOut.getHeader(HttpHeaders.WWW_AUTHENTICATE)).isNull();
        assertThat(mvc.perform(get("/ekspor/pagu.xlsx").param("year", "2026").with(user(SignedIn.OPERATOR_DISDIK)))
                .andReturn().getResponse().getStatus()).as("scoped like the API's download").isEqualTo(403);
    }

    @Test
    void noTemplateLinksToTheApiForADownload() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".html")).filter(f -> {
                try {
                    String html = Files.readString(f);
                    return html.contains("/api/v1/exports") || html.contains("/api/v1/reports");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList()).isEmpty();
        }
    }

    @Test
    void anOperatorMayNotExportTheEnvelopes() throws Exception {
        assertThat(mvc.perform(get("/api/v1/exports/envelopes.xlsx").param("year", "2026")
                .with(user(SignedIn.OPERATOR_DISDIK))).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void disbursementsAndDashboardTablesExportWithTheirTotals() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/v1/exports/disbursements.xlsx")
                .param("year", "2026").with(user(SignedIn.EXPERT))).andReturn().getResponse();
        assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION)).contains("dumisake-pencairan-2026.xlsx");
        BigDecimal expected = jdbc.queryForObject("select coalesce(sum(amount), 0) from disbursement where fiscal_year = 2026",
                BigDecimal.class);
        assertThat(totalOfLastRow(response, 10)).isEqualByComparingTo(expected);

        response = mvc.perform(get("/api/v1/exports/dashboard/kabupaten-kota.xlsx").param("year", "2026")
                .with(user(SignedIn.EXPERT))).andReturn().getResponse();
        assertThat(totalOfLastRow(response, 2)).isEqualByComparingTo(jdbc.queryForObject(
                "select sum(pagu) from envelope where fiscal_year = 2026", BigDecimal.class));

        assertThat(mvc.perform(get("/api/v1/exports/dashboard/nothing.xlsx").param("year", "2026")
                .with(user(SignedIn.EXPERT))).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void envelopesAsCsvAreOneLinePerKecamatanWithPlainNumbers() throws Exception {
        List<CSVRecord> rows = csv(mvc.perform(get("/api/v1/exports/envelopes.csv").param("year", "2026")
                .param("kabupatenKota", KERINCI).with(user(SignedIn.ADMIN))).andReturn().getResponse());
        assertThat(rows).hasSize(jdbc.queryForObject(
                "select count(*) from kecamatan where kabupaten_kota_code = ?", Integer.class, KERINCI));
        assertThat(rows.get(0).get("Pagu (Rp)")).isEqualTo("2000000000.00");
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAsFormulasAreNeutralised() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableHeader header = new TableHeader("t", List.of(), "now",
                List.of(Column.text("a", 10), Column.text("b", 10), Column.text("c", 10), Column.text("d", 10),
                        Column.text("e", 10), Column.money("f")), "Jumlah");
        try (CsvTableWriter writer = new CsvTableWriter(out, header)) {
            writer.row(List.of("=HYPERLINK(\"http://evil\")", "+1", "-2+3", "@SUM(A1)", "Kegiatan biasa",
                    new BigDecimal("-1500.00")));
        }
        CSVRecord row = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString(StandardCharsets.UTF_8))).getRecords().get(0);
        assertThat(row.get("a")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(row.get("b")).isEqualTo("'+1");
        assertThat(row.get("c")).isEqualTo("'-2+3");
        assertThat(row.get("d")).isEqualTo("'@SUM(A1)");
        assertThat(row.get("e")).isEqualTo("Kegiatan biasa");
        assertThat(row.get("f")).as("a number stays a number").isEqualTo("-1500.00");
    }

    @Test
    void thePdfReportHoldsTheTotalsThePlaceAndTheDate() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/v1/reports/realisasi.pdf").param("year", "2026")
                .with(user(SignedIn.EXPERT))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        String text;
        try (PDDocument pdf = Loader.loadPDF(response.getContentAsByteArray())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(4);
            text = new PDFTextStripper().getText(pdf);
        }
        Map<String, Object> totals = jdbc.queryForMap(
                "select sum(pagu) as pagu, sum(allocated) as allocated, sum(realised) as realised from envelope "
                        + "where fiscal_year = 2026");
        assertThat(text).contains("LAPORAN REALISASI PROGRAM DUMISAKE", "Tahun Anggaran 2026", "Provinsi Jambi",
                Rupiah.format((BigDecimal) totals.get("pagu")), Rupiah.number((BigDecimal) totals.get("pagu")),
                Rupiah.number((BigDecimal) totals.get("allocated")), Rupiah.number((BigDecimal) totals.get("realised")),
                "Jambi, " + LocalDate.now(clock).format(DateTimeFormatter.ofPattern("d MMMM yyyy",
                        Locale.forLanguageTag("id"))), "Halaman 2", "Kerinci", "Kota Jambi", "NIP.");
        java.nio.file.Files.write(java.nio.file.Path.of("target/laporan-realisasi-2026.pdf"), response.getContentAsByteArray());
    }

    @Test
    void thePdfReportOfOneKabupatenKotaHoldsItsKecamatanOnly() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/v1/reports/realisasi.pdf").param("year", "2026")
                .param("kabupatenKota", KERINCI).with(user(SignedIn.ADMIN))).andReturn().getResponse();
        assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .contains("dumisake-laporan-realisasi-2026-15.01.pdf");
        String text;
        try (PDDocument pdf = Loader.loadPDF(response.getContentAsByteArray())) {
            text = new PDFTextStripper().getText(pdf);
        }
        BigDecimal realised = jdbc.queryForObject("select sum(e.realised) from envelope e join kecamatan c "
                + "on c.code = e.kecamatan_code where e.fiscal_year = 2026 and c.kabupaten_kota_code = ?",
                BigDecimal.class, KERINCI);
        assertThat(text).contains("Ringkasan · Kabupaten Kerinci", Rupiah.number(realised)).doesNotContain("Kota Jambi");
    }

    private static BigDecimal totalOfLastRow(MockHttpServletResponse response, int column) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            Cell total = sheet.getRow(sheet.getLastRowNum()).getCell(column);
            assertThat(total.getCellType()).isEqualTo(CellType.FORMULA);
            return BigDecimal.valueOf(workbook.getCreationHelper().createFormulaEvaluator().evaluate(total)
                    .getNumberValue());
        }
    }

    private static int headingRow(Sheet sheet) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && "ID".equals(first.getStringCellValue())) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no heading row");
    }

    private static List<CSVRecord> csv(MockHttpServletResponse response) throws Exception {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(response.getContentAsString(StandardCharsets.UTF_8))).getRecords();
    }
}
