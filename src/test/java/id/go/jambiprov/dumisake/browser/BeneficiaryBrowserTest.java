package id.go.jambiprov.dumisake.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator registers a beneficiary and records aid, is refused a second aid of the same programme for
 * the same NIK, and the expert team sees that person's NIK masked.
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
        String nik = "1501" + String.format("%02d", 10 + n % 89) + "410790" + String.format("%04d", 1 + (n / 89) % 9999);

        loginAsDemo("op-disdik");
        clickLink("Penerima");
        assertThat(heading()).isEqualTo("Penerima Manfaat");
        assertAccessible();
        clickLink("Daftarkan penerima");
        assertAccessible();
        type(By.id("nik"), nik);
        type(By.id("name"), "Penerima Sintetis Peramban");
        new Select(waitFor(By.id("sex"))).selectByValue("F");
        date("dateOfBirth", "1990-07-01");
        type(By.id("desaCode"), desa);
        type(By.id("welfareDecile"), "2");
        type(By.id("address"), "Jl. Uji Peramban No. 1");
        submit(By.id("save-beneficiary"));
        assertThat(heading()).isEqualTo("Penerima Sintetis Peramban");
        assertThat(waitFor(By.id("beneficiary-nik")).getText()).isEqualTo(nik);
        assertAccessible();

        open("/alokasi/" + allocationId);
        clickLink("Daftar bantuan");
        assertThat(heading()).startsWith("Bantuan alokasi " + allocationId);
        recordAid(nik);
        assertThat(waitFor(By.cssSelector(".alert-success")).getText()).contains("Penerima Sintetis Peramban");
        assertAccessible();

        recordAid(nik);
        assertThat(waitFor(By.id("form-errors")).getText()).contains("sudah menerima bantuan program");
        assertAccessible();

        loginAsDemo("ahli");
        open("/penerima?nik=" + nik);
        WebElement cell = waitFor(By.cssSelector("#beneficiary-table tbody td"));
        assertThat(cell.getText()).isEqualTo(nik.substring(0, 4) + "**********" + nik.substring(14));
        assertAccessible();
        clickLink("Penerima Sintetis Peramban");
        assertThat(waitFor(By.id("beneficiary-nik")).getText()).doesNotContain(nik.substring(4, 14)).contains("*");
        assertThat(browser.getPageSource()).doesNotContain(nik);
        assertAccessible();
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
