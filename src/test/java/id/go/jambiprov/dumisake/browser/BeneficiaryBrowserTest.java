package id.go.jambiprov.dumisake.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator registers a beneficiary and records aid, is refused a second aid of the same programme for
 * the same NIK, and the expert team finds that person by name with the NIK masked and the year of birth only.
 */
class BeneficiaryBrowserTest extends BrowserTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void operatorRecordsAidOnceIsRefusedTheSecondTimeAndTheExpertSeesTheNikMasked() {
        Map<String, Object> allocation = jdbc.queryForMap("""
                select a.id, a.kecamatan_code from allocation a
                where a.opd_code = 'DISDIK' and a.fiscal_year = 2026 and a.status = 'ACTIVE'
                  and a.mechanism = 'BELANJA_OPD' order by a.id limit 1""");
        long allocationId = ((Number) allocation.get("id")).longValue();
        String desa = jdbc.queryForObject("select code from desa where kecamatan_code = ? order by code limit 1",
                String.class, allocation.get("kecamatan_code"));
        long n = System.nanoTime();
        // born on the 2nd (day 42 for a woman): the other tests' NIKs are born on the 1st, so none can be this one
        String nik = "1501" + String.format("%02d", 10 + n % 89) + "420790" + String.format("%04d", 1 + (n / 89) % 9999);

        loginAsDemo("op-disdik");
        clickLink("Penerima");
        assertThat(heading()).isEqualTo("Penerima Manfaat");
        assertAccessible();
        clickLink("Daftarkan penerima");
        assertAccessible();
        type(By.id("nik"), nik);
        type(By.id("name"), "Penerima Sintetis Peramban");
        new Select(waitFor(By.id("sex"))).selectByValue("F");
        date("dateOfBirth", "1990-07-02");
        type(By.id("desaCode"), desa);
        type(By.id("welfareDecile"), "2");
        type(By.id("address"), "Jl. Uji Peramban No. 1");
        submit(By.id("save-beneficiary"));
        assertThat(heading()).isEqualTo("Penerima Sintetis Peramban");
        assertThat(waitFor(By.id("beneficiary-nik")).getText()).isEqualTo(nik);
        assertAccessible();

        // checking a person before recording aid: a NIK nobody registered
        String unregistered = nik.substring(0, 12) + (nik.endsWith("0001") ? "0002" : "0001");
        open("/penerima?nik=" + unregistered);
        assertThat(waitFor(By.id("nik-check")).getText()).contains("1501************ belum terdaftar");
        assertAccessible();

        open("/alokasi/" + allocationId);
        clickLink("Daftar bantuan");
        assertThat(heading()).startsWith("Bantuan alokasi " + allocationId);
        recordAid(nik);
        assertThat(waitFor(By.cssSelector(".alert-success")).getText()).contains("Penerima Sintetis Peramban");
        assertAccessible();

        recordAid(nik);
        // the refusal stands under the NIK, which is marked invalid
        assertThat(waitFor(By.id("nik-error")).getText()).contains("sudah menerima bantuan program");
        assertThat(browser.findElement(By.id("nik")).getAttribute("aria-invalid")).isEqualTo("true");
        assertAccessible();

        // the operator cancels the aid with a reason: it stays listed as cancelled, and the NIK may receive it again
        open("/alokasi/" + allocationId + "/bantuan");
        long aidId = jdbc.queryForObject("select id from aid where nik = ? and status = 'RECORDED'", Long.class, nik);
        click(waitFor(By.cssSelector("#cancel-aid-" + aidId + " summary")));
        type(By.id("cancel-reason-" + aidId), "Salah catat (uji peramban)");
        WebElement page = browser.findElement(By.tagName("html"));
        click(waitFor(By.id("cancel-aid-submit-" + aidId)));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent()).accept();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
        assertThat(waitFor(By.cssSelector(".alert-success")).getText()).contains("dibatalkan");
        assertThat(waitFor(By.id("aid-status-" + aidId)).getText()).contains("Dibatalkan")
                .contains("Salah catat (uji peramban)");
        assertAccessible();
        recordAid(nik);
        assertThat(waitFor(By.cssSelector(".alert-success")).getText()).contains("Penerima Sintetis Peramban");

        // the expert team has no NIK search; by name it finds the person with the NIK masked and no birth date
        loginAsDemo("ahli");
        open("/penerima?name=Penerima+Sintetis+Peramban");
        assertThat(browser.findElements(By.id("search-nik"))).isEmpty();
        WebElement cell = waitFor(By.cssSelector("#beneficiary-table tbody td"));
        assertThat(cell.getText()).isEqualTo(nik.substring(0, 4) + "*".repeat(12));
        assertAccessible();
        clickLink("Penerima Sintetis Peramban");
        assertThat(waitFor(By.id("beneficiary-nik")).getText()).doesNotContain(nik.substring(4)).contains("*");
        assertThat(waitFor(By.id("beneficiary-born")).getText()).isEqualTo("1990");
        assertThat(browser.getPageSource()).doesNotContain(nik);
        assertAccessible();
    }

    @Test
    void operatorImportsAFileAndWatchesItsProgressToTheEnd() throws Exception {
        String desa = jdbc.queryForObject("select code from desa order by code limit 1", String.class);
        StringBuilder csv = new StringBuilder("nik,name,sex,date_of_birth,desa_code,address,phone,welfare_decile\n");
        long n = System.nanoTime();
        for (int i = 0; i < 3_000; i++) {
            csv.append("15").append(String.format("%02d", 10 + (n + i) % 89)).append("01420790")
                    .append(String.format("%04d", 1 + (n / 89 + i) % 9999)).append(",Penerima Sintetis Impor ").append(i)
                    .append(",F,1990-07-02,").append(desa).append(",Jl. Uji,,2\n");
        }
        Path file = Files.createTempFile("penerima-", ".csv");
        Files.writeString(file, csv);

        loginAsDemo("op-dpupr");
        open("/penerima/impor");
        assertAccessible();
        waitFor(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        submit(By.id("import-submit"));
        assertThat(heading()).startsWith("Impor ");
        WebElement bar = waitFor(By.id("import-progress-bar"));
        assertThat(bar.getAttribute("aria-valuenow")).isNotNull();
        assertThat(browser.findElement(By.id("import-live")).getAttribute("role")).isEqualTo("status");
        assertAccessible();

        new WebDriverWait(browser, Duration.ofSeconds(90)).until(ExpectedConditions.or(
                ExpectedConditions.visibilityOfElementLocated(By.id("import-done")),
                ExpectedConditions.visibilityOfElementLocated(By.id("import-error")),
                ExpectedConditions.visibilityOfElementLocated(By.id("import-refused"))));
        assertThat(waitFor(By.id("import-done")).getText()).contains("3.000 baris diimpor");
        assertThat(waitFor(By.id("import-progress-bar")).getAttribute("aria-valuenow")).isEqualTo("100");
        assertThat(waitFor(By.id("import-live")).getText()).contains("Impor selesai");
        assertAccessible();
        clickLink("Impor berkas lain");
        assertThat(waitFor(By.id("import-job-table")).getText()).contains(file.getFileName().toString());
    }

    @Test
    void theProvinceDashboardShowsBeneficiariesPerRegionDownToTheDesa() {
        loginAsDemo("ahli");
        open("/dasbor?year=2026");
        WebElement firstKabupaten = waitFor(By.cssSelector("#beneficiary-summary-table tbody button"));
        String name = firstKabupaten.getText();
        assertThat(waitFor(By.id("beneficiary-summary-heading")).getText()).contains("per kabupaten/kota");
        assertAccessible();
        click(firstKabupaten);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("beneficiary-summary-heading"), name));
        click(waitFor(By.cssSelector("#beneficiary-summary-table tbody button")));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("beneficiary-summary-heading"), "per desa/kelurahan"));
        assertAccessible();
        click(waitFor(By.id("beneficiary-summary-up")));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("beneficiary-summary-heading"), "per kecamatan"));
    }

    private void recordAid(String nik) {
        type(By.id("nik"), nik);
        type(By.id("amount"), "Rp 750.000");
        date("date", "2026-11-20");
        type(By.id("description"), "Seragam sekolah");
        submit(By.id("save-aid"));
    }

    private void date(String id, String isoDate) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", waitFor(By.id(id)), isoDate);
    }

    private void type(By field, String text) {
        WebElement element = waitFor(field);
        element.clear();
        element.sendKeys(text);
    }
}
