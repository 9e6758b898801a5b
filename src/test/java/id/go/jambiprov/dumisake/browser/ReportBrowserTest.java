package id.go.jambiprov.dumisake.browser;

import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.shared.SystemAuthentication;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An administrator downloads the envelope overview as Excel and imports allocations. Fiscal year 2082 belongs to this class. */
class ReportBrowserTest extends BrowserTestSupport {

    private static final int YEAR = 2082;

    @Autowired
    FiscalYearService fiscalYears;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void adminDownloadsTheEnvelopeOverviewAsExcel() throws Exception {
        loginAsDemo("admin");
        open("/tahun-anggaran/2026");
        assertThat(heading()).isEqualTo("Pagu kecamatan tahun 2026");
        assertAccessible();
        String href = waitFor(By.linkText("Unduh Excel")).getAttribute("href");
        assertThat(href).contains("/ekspor/pagu.xlsx?year=2026");

        // the link fetched with the browser's own session, as the browser's download would
        HttpResponse<byte[]> download = fetchWithBrowserSession(href);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("dumisake-pagu-2026.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Pagu kecamatan Dumisake tahun 2026");
            // title, export time, a blank line, then the heading (no filter line: the whole province)
            int heading = 3;
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).startsWith("Diekspor ").endsWith(" oleh admin");
            assertThat(sheet.getRow(heading).getCell(3).getStringCellValue()).isEqualTo("Pagu (Rp)");
            assertThat(sheet.getLastRowNum() - heading - 1).as("one row per kecamatan, then the totals").isEqualTo(144);
            assertThat(sheet.getRow(heading + 1).getCell(3).getNumericCellValue()).isEqualTo(2_000_000_000d);
            assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(3).getCellFormula())
                    .isEqualTo("SUM(D5:D148)");
        }
    }

    @Test
    void adminImportsAllocationsFromAnExcelFile() throws Exception {
        SystemAuthentication.run(() -> {
            if (fiscalYears.all().stream().noneMatch(y -> y.year() == YEAR)) {
                fiscalYears.open(YEAR, new BigDecimal("2000000000.00"));
            }
        });
        long before = jdbc.queryForObject("select count(*) from allocation where fiscal_year = ?", Long.class, YEAR);
        Path file = Files.createTempFile("impor-alokasi", ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Alokasi");
            write(sheet.createRow(0), List.of("tahun", "kode_kecamatan", "kode_opd", "kode_program", "mekanisme",
                    "kode_desa", "kegiatan", "jumlah", "bulan_rencana"));
            write(sheet.createRow(1), List.of(YEAR, "15.01.01", "DISDIK", "BANTUAN-PENDIDIKAN", "BELANJA_OPD", "",
                    "Beasiswa siswa miskin", 250_000_000, 7));
            write(sheet.createRow(2), List.of(YEAR, "15.01.02", "DISDIK", "BANTUAN-PENDIDIKAN", "BELANJA_OPD", "",
                    "Seragam sekolah", "Rp 120.000.000", 8));
            workbook.write(out);
        }

        loginAsDemo("admin");
        open("/alokasi");
        clickLink("Impor dari Excel");
        assertThat(heading()).isEqualTo("Impor alokasi");
        assertAccessible();
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        submit(By.cssSelector("#import-form button[type=submit]"));
        assertThat(waitFor(By.id("import-preview")).getText()).contains("2 alokasi, seluruhnya Rp 370.000.000");
        assertThat(rows("effect-table")).hasSize(2);
        assertAccessible();
        screenshot("impor-alokasi-pratinjau");

        submit(By.cssSelector("#import-commit button[type=submit]"));
        assertThat(waitFor(By.cssSelector(".alert-success")).getText()).isEqualTo("2 alokasi dari berkas impor disimpan.");
        assertThat(jdbc.queryForObject("select count(*) from allocation where fiscal_year = ?", Long.class, YEAR))
                .isEqualTo(before + 2);
        assertAccessible();
        Files.delete(file);
    }

    private HttpResponse<byte[]> fetchWithBrowserSession(String url) throws Exception {
        Cookie session = browser.manage().getCookieNamed("SESSION");
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", "SESSION=" + session.getValue()).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void write(Row row, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) instanceof Number number) {
                row.createCell(i).setCellValue(number.doubleValue());
            } else {
                row.createCell(i).setCellValue((String) values.get(i));
            }
        }
    }
}
