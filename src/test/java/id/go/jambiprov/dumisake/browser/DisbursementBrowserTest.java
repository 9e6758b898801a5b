package id.go.jambiprov.dumisake.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An operator records and submits a disbursement with its SP2D evidence; an admin verifies it. */
class DisbursementBrowserTest extends BrowserTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void operatorSubmitsWithEvidenceAdminVerifiesAndTheEnvelopeShowsIt() throws IOException {
        Map<String, Object> allocation = jdbc.queryForMap("""
                select a.id, a.kecamatan_code from allocation a
                where a.opd_code = 'DISDIK' and a.fiscal_year = 2026 and a.status = 'ACTIVE'
                  and a.amount - a.disbursed >= 5000000 order by a.id limit 1""");
        long allocationId = ((Number) allocation.get("id")).longValue();
        String envelopePage = "/tahun-anggaran/2026/kecamatan/" + allocation.get("kecamatan_code");
        String sp2d = "BRW/" + UUID.randomUUID().toString().substring(0, 8) + "/2026";
        Path pdf = Files.createTempFile("sp2d-", ".pdf");
        Files.writeString(pdf, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n", StandardCharsets.US_ASCII);

        loginAsDemo("admin");
        open(envelopePage);
        BigDecimal realisedBefore = rupiahOnPage("envelope-realised");

        loginAsDemo("op-disdik");
        clickLink("Pencairan");
        assertThat(heading()).isEqualTo("Daftar kerja pencairan DISDIK");
        assertAccessible();
        open("/alokasi/" + allocationId);
        click(waitFor(By.id("record-disbursement")));
        assertThat(heading()).isEqualTo("Catat pencairan");
        assertAccessible();
        type(By.id("amount"), "Rp 5.000.000");
        type(By.id("sp2dNumber"), sp2d);
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2026-11-20';", browser.findElement(By.id("sp2dDate")));
        type(By.id("remark"), "Tahap uji peramban");
        browser.findElement(By.id("evidence")).sendKeys(pdf.toAbsolutePath().toString());
        submit(By.id("save-submit"));

        assertThat(heading()).startsWith("Pencairan ");
        assertThat(waitFor(By.id("disbursement-status")).getText()).contains("Diajukan");
        assertThat(waitFor(By.id("evidence-link")).getText()).startsWith(pdf.getFileName().toString());
        String disbursementPage = browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf("/pencairan/"));
        assertAccessible();

        loginAsDemo("op-dinkes");
        open(disbursementPage);
        assertThat(heading()).isEqualTo("Tidak ditemukan");
        open(disbursementPage + "/bukti");
        assertThat(heading()).isEqualTo("Tidak ditemukan");

        loginAsDemo("admin");
        clickLink("Verifikasi");
        assertThat(heading()).isEqualTo("Antrean verifikasi pencairan");
        assertAccessible();
        String id = disbursementPage.substring("/pencairan/".length());
        click(waitFor(By.cssSelector("#queue-" + id + " a")));
        assertThat(heading()).isEqualTo("Pencairan " + id);
        submit(By.id("verify-disbursement"));
        assertThat(waitFor(By.id("disbursement-status")).getText()).contains("Terverifikasi");
        assertAccessible();

        open(envelopePage);
        BigDecimal realisedAfter = rupiahOnPage("envelope-realised");
        assertThat(realisedAfter.subtract(realisedBefore)).isEqualByComparingTo("5000000");
    }

    /** An amount as the page shows it, {@code Rp 1.500.000}, including {@code Rp 0}. */
    private BigDecimal rupiahOnPage(String id) {
        return new BigDecimal(waitFor(By.id(id)).getText().replaceAll("[^0-9,]", "").replace(',', '.'));
    }

    private void type(By field, String text) {
        WebElement element = waitFor(field);
        element.clear();
        element.sendKeys(text);
    }
}
