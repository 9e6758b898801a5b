package id.go.jambiprov.dumisake.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** A new user's first steps: log in with each role, browse Kerinci down to its desa, switch language. */
class FoundationBrowserTest extends BrowserTestSupport {

    @Test
    void theLoginPageRefusesAWrongPasswordInIndonesian() {
        open("/login");
        assertAccessible();
        login("admin", "bukan-sandinya");
        assertThat(waitFor(By.id("login-error")).getText()).startsWith("Nama pengguna atau kata sandi salah.");
        assertAccessible();
    }

    @Test
    void adminBrowsesKerinciDownToItsDesa() {
        loginAsDemo("admin");
        assertThat(heading()).isEqualTo("Beranda Administrator");
        assertAccessible();

        clickLink("Wilayah");
        assertThat(heading()).isEqualTo("Wilayah");
        assertThat(rows("kabupaten-kota-table")).hasSize(11);
        assertAccessible();

        clickLink("Kabupaten Kerinci");
        assertThat(heading()).isEqualTo("Kecamatan di Kabupaten Kerinci");
        assertThat(rows("kecamatan-table")).hasSize(18);
        assertAccessible();

        clickLink("Gunung Raya");
        assertThat(heading()).isEqualTo("Desa/kelurahan di Gunung Raya");
        assertThat(rows("desa-table")).hasSize(12);
        assertThat(rows("desa-table").get(0).getText()).contains("15.01.01.1004", "Lempur Tengah", "Kelurahan");
        assertAccessible();

        browser.findElement(By.id("q")).sendKeys("Lempur");
        submit(By.cssSelector("form[role=search] button"));
        assertThat(heading()).isEqualTo("Desa/kelurahan di Gunung Raya");
        assertThat(rows("desa-table")).allSatisfy(row -> assertThat(row.getText()).contains("Lempur"));

        clickLink("Wilayah");
        clickLink("1.585");
        assertThat(browser.findElement(By.cssSelector(".page-summary")).getText())
                .isEqualTo("Menampilkan 1–50 dari 1.585 data");
        assertAccessible();
        clickLink("OPD");
        assertThat(rows("opd-table")).hasSize(23);
        assertAccessible();
    }

    @Test
    void theLanguageSwitchesToEnglishAndBack() {
        loginAsDemo("ahli");
        assertThat(heading()).isEqualTo("Beranda Tim Tenaga Ahli Gubernur");
        clickLink("English");
        assertThat(heading()).isEqualTo("Home of the Governor's expert team");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        clickLink("Regions");
        assertThat(heading()).isEqualTo("Regions");
        assertAccessible();
        clickLink("Bahasa Indonesia");
        assertThat(heading()).isEqualTo("Wilayah");
    }

    @Test
    void anOperatorSeesTheirAgency() {
        loginAsDemo("op-disdik");
        assertThat(heading()).isEqualTo("Beranda Operator Dinas Pendidikan Provinsi Jambi");
        assertThat(browser.findElement(By.cssSelector(".signed-in-user")).getText()).contains("DISDIK");
        screenshot("operator-home");
        assertAccessible();
    }
}
