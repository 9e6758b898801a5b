package id.go.jambiprov.dumisake.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The expert team reads the dashboard and map, leaves a note; the agency concerned answers it. */
class DashboardBrowserTest extends BrowserTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void expertReadsTheMapAndWritesANoteThatTheOperatorResolves() {
        loginAsDemo("ahli");
        clickLink("Dasbor");
        assertThat(heading()).isEqualTo("Dasbor pemantauan Dumisake 2026");
        assertThat(waitFor(By.id("summary-realised")).getText()).startsWith("Rp ");
        assertThat(waitFor(By.id("summary-not-started")).getText()).contains("belum jalan");
        WebElement map = waitFor(By.id("map"));
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.attributeToBe(map, "data-rendered", "kecamatan:realised"));
        assertThat(map.getAttribute("data-areas")).isEqualTo("144");
        List<WebElement> areas = map.findElements(By.cssSelector("svg path"));
        assertThat(areas.size()).isGreaterThanOrEqualTo(144);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.attributeToBe(
                By.id("s-curve"), "data-rendered", "true"));
        screenshot("dashboard");
        assertAccessible();

        click(waitFor(By.cssSelector("[data-map-level='kabupaten-kota']")));
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.attributeToBe(map, "data-rendered", "kabupaten-kota:realised"));
        assertThat(map.getAttribute("data-areas")).isEqualTo("11");
        click(waitFor(By.cssSelector("[data-map-level='kecamatan']")));
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.attributeToBe(map, "data-rendered", "kecamatan:realised"));

        WebElement page = browser.findElement(By.tagName("html"));
        clickArea(map);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
        assertThat(browser.getCurrentUrl()).contains("/dasbor/kecamatan/");
        assertThat(heading()).startsWith("Kecamatan ");
        assertAccessible();

        long allocation = jdbc.queryForObject("""
                select id from allocation where opd_code = 'DISDIK' and fiscal_year = 2026 and status = 'ACTIVE'
                order by id limit 1""", Long.class);
        String text = "Mohon percepat pencairan tahap 2 – " + UUID.randomUUID().toString().substring(0, 6);
        open("/alokasi/" + allocation);
        WebElement noteText = waitFor(By.id("note-text"));
        noteText.sendKeys(text);
        submit(By.cssSelector("#note-form button[type=submit]"));
        WebElement note = waitFor(By.xpath("//article[.//p[@class='mb-1 note-text' and text()='" + text + "']]"));
        assertThat(note.getText()).contains("Terbuka");
        assertAccessible();

        loginAsDemo("op-disdik");
        clickLink("Catatan");
        assertThat(browser.findElement(By.id("open-notes-table")).getText()).contains(text);
        open("/alokasi/" + allocation);
        WebElement mine = waitFor(By.xpath("//article[.//p[@class='mb-1 note-text' and text()='" + text + "']]"));
        String id = mine.getAttribute("id").substring("note-".length());
        waitFor(By.id("reply-" + id)).sendKeys("Tahap 2 dijadwalkan minggu depan.");
        submit(By.cssSelector("#note-" + id + " button[type=submit]"));
        WebElement resolved = waitFor(By.id("note-" + id));
        assertThat(resolved.getText()).contains("Selesai", "Tahap 2 dijadwalkan minggu depan.");
        assertAccessible();
    }

    /**
     * Clicks one kecamatan on the SVG map as a person would: a shape whose middle really is the shape (a
     * concave kecamatan's middle may lie in its neighbour or outside the map).
     */
    private void clickArea(WebElement map) {
        WebElement area = (WebElement) ((JavascriptExecutor) browser).executeScript("""
                return Array.from(arguments[0].querySelectorAll('svg path[fill]')).find(function (path) {
                    var box = path.getBoundingClientRect();
                    return box.width > 20 && box.height > 20
                        && document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === path;
                });""", map);
        assertThat(area).as("a kecamatan shape to click").isNotNull();
        area.click();
    }
}
