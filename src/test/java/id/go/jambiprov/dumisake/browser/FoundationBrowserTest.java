package id.go.jambiprov.dumisake.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new user's first steps: log in with each role, browse Kerinci down to its desa, switch language; the shell at a
 * desk (1280 px: the bar one row) and on a phone (390 and 360 px: no page wider than the screen).
 */
class FoundationBrowserTest extends BrowserTestSupport {

    /** Counts the rows of the bar: its entries (the brand, each menu, the bell, the user menu) by their top edge. */
    private static final String NAV_ROWS = """
            const entries = [document.querySelector('.navbar-brand'),
                ...document.querySelectorAll('#main-nav > .navbar-nav > .nav-item')].filter(e => e.offsetParent !== null);
            const tops = entries.map(e => e.getBoundingClientRect().top).sort((a, b) => a - b);
            return tops.filter((top, i) => i === 0 || top - tops[i - 1] > 12).length;""";
    private static final String SIDEWAYS = """
            return document.documentElement.scrollWidth - document.documentElement.clientWidth;""";

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void backToTheDesk() {
        browser.manage().window().setSize(new Dimension(1366, 900));
    }

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

    @ParameterizedTest
    @ValueSource(strings = {"admin", "ahli", "op-disdik"})
    void theBarIsOneRowAt1280InBothLanguagesAndNoPageIsWiderThanAPhone(String user) {
        browser.manage().window().setSize(new Dimension(1280, 900));
        loginAsDemo(user);
        // the home page and a page whose entry is active: the active entry is bold, and so wider
        for (String language : List.of("en", "id")) {
            for (String page : List.of("/", "/pencairan")) {
                open(page + "?lang=" + language);
                waitFor(By.tagName("h1"));
                assertThat(script(NAV_ROWS)).as("rows of the bar of %s for %s in %s", page, user, language)
                        .isEqualTo(1L);
                assertThat(script(SIDEWAYS)).as("sideways scrolling of %s for %s in %s", page, user, language)
                        .isEqualTo(0L);
            }
        }
        assertAccessible();

        browser.manage().window().setSize(new Dimension(390, 844));
        open("/");
        waitFor(By.tagName("h1"));
        assertThat(script(SIDEWAYS)).as("sideways scrolling of the home page for %s", user).isEqualTo(0L);
        // on a phone the user menu sits in the collapsed bar, behind the menu button
        click(browser.findElement(By.cssSelector(".navbar-toggler")));
        click(waitFor(By.id("user-menu")));
        assertThat(waitFor(By.cssSelector(".user-role-line")).isDisplayed()).isTrue();
        assertAccessible();

        // the pages with a map and its switches, on a phone of 360 px (the province dashboard's four switches in one
        // row were wider than that)
        browser.manage().window().setSize(new Dimension(360, 800));
        for (String page : List.of("/dasbor?year=2026", "/monev?year=2026", "/sasaran-kemiskinan")) {
            open(page);
            waitFor(By.tagName("h1"));
            assertThat(script(SIDEWAYS)).as("sideways scrolling of %s for %s at 360 px", page, user).isEqualTo(0L);
        }
    }

    @Test
    void anOperatorWorksOnAPhoneWithoutScrollingSideways() {
        long allocation = jdbc.queryForObject("""
                select min(id) from allocation
                where opd_code = 'DISDIK' and fiscal_year = 2026 and mechanism = 'BELANJA_OPD' and status = 'ACTIVE'""",
                Long.class);
        loginAsDemo("op-disdik");
        browser.manage().window().setSize(new Dimension(390, 844));
        for (String page : List.of("/", "/pencairan", "/alokasi/" + allocation,
                "/alokasi/" + allocation + "/pencairan/baru", "/penerima/baru", "/alokasi/" + allocation + "/bantuan")) {
            open(page);
            waitFor(By.tagName("h1"));
            assertThat(script(SIDEWAYS)).as("sideways scrolling of " + page).isEqualTo(0L);
            screenshot("operator-390" + page.replace('/', '-'));
        }
        assertAccessible();
    }

    private Object script(String javascript) {
        return ((JavascriptExecutor) browser).executeScript(javascript);
    }
}
