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

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DISDIK's operator reports an obstacle from an allocation, follows it up and escalates it; the expert team finds
 * the escalations first in the list and comments; the operator resolves it. axe-core on every obstacle page.
 */
class ObstacleBrowserTest extends BrowserTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anOperatorEscalatesAnObstacleTheExpertTeamCommentsAndTheOperatorResolvesIt() {
        long allocation = jdbc.queryForObject("""
                select id from allocation where opd_code = 'DISDIK' and fiscal_year = 2026 and status = 'ACTIVE'
                order by id desc limit 1""", Long.class);
        String description = "Gagal lelang paket seragam – " + UUID.randomUUID().toString().substring(0, 6);

        loginAsDemo("op-disdik");
        open("/alokasi/" + allocation);
        assertThat(waitFor(By.id("open-obstacles-count")).getText()).contains("kendala belum selesai");
        navigate(waitFor(By.id("report-obstacle-link")));
        assertThat(heading()).isEqualTo("Laporkan kendala");
        assertAccessible();
        new Select(waitFor(By.id("category"))).selectByVisibleText("Pengadaan");
        waitFor(By.id("description")).sendKeys(description);
        submit(By.id("raise-obstacle"));
        assertThat(heading()).startsWith("Kendala ");
        assertThat(waitFor(By.id("obstacle-description")).getText()).isEqualTo(description);
        assertThat(waitFor(By.cssSelector(".obstacle-status")).getText()).isEqualTo("Terbuka");
        String obstaclePage = browser.getCurrentUrl();

        submit(By.cssSelector("#follow-up-form button[type=submit]"));
        assertThat(waitFor(By.id("action-error")).getText()).isEqualTo("Wajib diisi.");
        assertThat(waitFor(By.id("action")).getAttribute("aria-invalid")).isEqualTo("true");
        assertAccessible();
        waitFor(By.id("action")).sendKeys("Tender ulang dengan HPS yang disesuaikan");
        waitFor(By.id("responsible")).sendKeys("Pokja UKPBJ");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('dueDate').value = '2026-12-31'");
        submit(By.cssSelector("#follow-up-form button[type=submit]"));
        assertThat(waitFor(By.cssSelector(".obstacle-status")).getText()).isEqualTo("Ditindaklanjuti");
        assertThat(waitFor(By.id("follow-up-table")).getText()).contains("Pokja UKPBJ", "31 Des 2026");
        submit(By.cssSelector("#escalate-form button[type=submit]"));
        assertThat(waitFor(By.id("escalated-badge")).getText()).isEqualTo("Perlu dukungan pimpinan");
        assertThat(browser.findElements(By.id("escalate-form"))).isEmpty();
        assertAccessible();

        loginAsDemo("ahli");
        clickLink("Kendala");
        // the year 2026 by name: another browser test may have opened a later year, which pages choose first
        open("/kendala?year=2026");
        List<WebElement> rows = rows("obstacle-table");
        assertThat(rows).isNotEmpty();
        assertThat(rows.get(0).findElements(By.cssSelector(".escalated-badge"))).as("escalations first").isNotEmpty();
        assertThat(browser.findElement(By.cssSelector(".page-summary")).getText()).startsWith("Menampilkan 1–");
        assertAccessible();
        browser.get(obstaclePage);
        assertThat(browser.findElements(By.id("follow-up-form"))).isEmpty();
        assertThat(browser.findElements(By.id("resolve-form"))).isEmpty();
        waitFor(By.id("text")).sendKeys("Tim ahli mengundang rapat koordinasi dengan UKPBJ.");
        submit(By.cssSelector("#comment-form button[type=submit]"));
        assertThat(waitFor(By.cssSelector(".obstacle-comment")).getText())
                .contains("Tim ahli mengundang rapat koordinasi dengan UKPBJ.", "ahli");
        assertAccessible();

        loginAsDemo("op-disdik");
        browser.get(obstaclePage);
        waitFor(By.id("resolution")).sendKeys("Tender ulang menetapkan pemenang; kontrak ditandatangani.");
        submit(By.cssSelector("#resolve-form button[type=submit]"));
        assertThat(waitFor(By.cssSelector(".obstacle-status")).getText()).isEqualTo("Selesai");
        assertThat(waitFor(By.id("obstacle-resolution")).getText()).contains("kontrak ditandatangani", "op-disdik");
        assertThat(browser.findElements(By.id("comment-form"))).isEmpty();
        screenshot("obstacle-resolved");
        assertAccessible();
    }

    private void navigate(WebElement link) {
        WebElement page = browser.findElement(By.tagName("html"));
        click(link);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
    }
}
