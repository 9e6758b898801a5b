package id.go.jambiprov.dumisake.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expert team reads the deviation with its map coloured by status, then "Kenapa belum jalan?" with an
 * escalated obstacle first; an admin's wrong thresholds are refused at the field. The obstacle is written by
 * SQL, as the obstacle capability stores it, and removed afterwards.
 */
class MonevBrowserTest extends BrowserTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    private Long obstacle;

    @AfterEach
    void removeTheObstacle() {
        if (obstacle != null) {
            jdbc.update("delete from obstacle where id = ?", obstacle);
        }
    }

    @Test
    void expertReadsTheLightsAndWhyItHasNotStarted() {
        loginAsDemo("ahli");
        clickLink("Deviasi dan lampu status");
        // the year 2026 by name: another browser test may have opened a later year, which pages choose first
        open("/monev?year=2026");
        assertThat(heading()).isEqualTo("Monev: deviasi dan lampu status 2026");
        clickLink("Kecamatan");
        WebElement map = waitFor(By.id("monev-map"));
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.attributeToBe(map, "data-rendered", "kecamatan"));
        List<WebElement> rows = rows("monev-table");
        // the map colours every kecamatan with active allocations; the table shows them a hundred at a time
        Integer kecamatan = jdbc.queryForObject("""
                select count(distinct kecamatan_code)::int from allocation where fiscal_year = 2026 and status = 'ACTIVE'""",
                Integer.class);
        assertThat(map.getAttribute("data-areas")).isEqualTo(String.valueOf(kecamatan));
        assertThat(rows).hasSize(Math.min(100, kecamatan));
        assertThat(rows.get(0).findElement(By.className("monev-light")).getText()).isIn("Hijau", "Kuning", "Merah");
        screenshot("monev");
        assertAccessible();

        long allocation = jdbc.queryForObject("""
                select a.id from allocation a
                where a.fiscal_year = 2026 and a.opd_code = 'DISDIK' and a.status = 'ACTIVE'
                  and not exists (select 1 from progress_report r where r.allocation_id = a.id and r.month >= 11)
                order by a.amount desc, a.id limit 1""", Long.class);
        obstacle = jdbc.queryForObject("""
                insert into obstacle (allocation_id, fiscal_year, opd_code, kecamatan_code, category, description, since,
                                      status, escalated_at, escalated_by, created_by)
                select id, fiscal_year, opd_code, kecamatan_code, 'PENGADAAN', 'Gagal lelang, tender diulang', date '2026-09-01',
                       'OPEN', now(), 'op-disdik', 'op-disdik' from allocation where id = ?
                returning id""", Long.class, allocation);
        open("/monev/belum-jalan?year=2026");
        assertThat(heading()).isEqualTo("Kenapa belum jalan? Tahun anggaran 2026");
        waitFor(By.cssSelector("#stalled-allocations > li"));
        // escalated obstacles first: every allocation listed up to this one has one (the demo data escalates some too)
        List<WebElement> listed = browser.findElements(By.cssSelector("#stalled-allocations > li"));
        int position = listed.indexOf(browser.findElement(By.id("stalled-" + allocation)));
        assertThat(position).isNotNegative();
        assertThat(listed.subList(0, position + 1)).allSatisfy(item ->
                assertThat(item.getText()).contains("Perlu dukungan pimpinan"));
        WebElement ours = listed.get(position);
        assertThat(ours.getText()).contains("Pengadaan", "Gagal lelang, tender diulang");
        assertThat(ours.findElement(By.cssSelector("a[href$='/kendala/" + obstacle + "']")).getText()).isEqualTo("Pengadaan");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.attributeToBe(
                By.id("obstacle-chart"), "data-rendered", "true"));
        screenshot("monev-belum-jalan");
        assertAccessible();

        loginAsDemo("admin");
        open("/monev/ambang");
        WebElement green = waitFor(By.id("greenMax"));
        green.clear();
        green.sendKeys("30");
        WebElement yellow = waitFor(By.id("yellowMax"));
        yellow.clear();
        yellow.sendKeys("20");
        submit(By.cssSelector("#threshold-form button[type=submit]"));
        assertThat(waitFor(By.id("yellowMax")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(waitFor(By.id("yellowMax-error")).getText())
                .isEqualTo("Ambang kuning tidak boleh lebih kecil dari ambang hijau.");
        assertAccessible();
    }
}
