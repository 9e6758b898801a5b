package id.go.jambiprov.dumisake.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expert team opens "Sasaran kemiskinan": the table and the scatter chart of the regions with both figures,
 * the map switched to rupiah per poor person, then a year with gaps, which stay "data belum tersedia".
 */
class TargetingBrowserTest extends BrowserTestSupport {

    private static final String SOURCE = "uji-peramban";
    /** March 2026 figures for four kabupaten/kota and the province; the other seven have none. */
    private static final List<String> PUBLISHED = List.of("15.02", "15.04", "15.05", "15.71", "15");
    /** The names of the people this test adds to the follow-up list. */
    private static final String FOLLOW_UP = "Uji Peramban Tindak Lanjut ";

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void marchFiguresForSomeRegions() {
        for (String region : PUBLISHED) {
            figure(region, "POVERTY_RATE", region.equals("15") ? "7.00" : region.equals("15.04") ? "9.10" : "6.50");
            figure(region, "POOR_PEOPLE", region.equals("15") ? "260000" : "21000");
        }
    }

    @AfterEach
    void removeFigures() {
        jdbc.update("delete from poverty_figure where source = ?", SOURCE);
        jdbc.update("delete from beneficiary where name like ?", FOLLOW_UP + "%");
    }

    @Test
    void expertSeesTheTableAndTheScatterChartAndAYearWithGaps() {
        loginAsDemo("ahli");
        clickLink("Sasaran kemiskinan");
        // the year 2026 by name: another browser test may have opened a later year, which pages choose first
        open("/sasaran-kemiskinan?year=2026");
        assertThat(heading()).isEqualTo("Sasaran kemiskinan 2026");
        assertThat(rows("targeting-table")).hasSize(11);
        assertThat(waitFor(By.id("targeting-15.04")).getText()).contains("9,10%");
        assertThat(waitFor(By.id("targeting-15.01")).getText()).contains("data belum tersedia");
        assertThat(waitFor(By.id("targeting-rule")).getText()).contains("angka Maret 2026");
        WebElement scatter = waitFor(By.id("targeting-scatter"));
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.attributeToBe(scatter, "data-rendered", "true"));
        assertThat(scatter.getAttribute("data-points")).isEqualTo("4");
        assertThat(scatter.findElements(By.cssSelector("svg path")).size()).isGreaterThanOrEqualTo(4);
        WebElement map = waitFor(By.id("targeting-map"));
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.attributeToBe(map, "data-rendered", "povertyRate"));
        click(waitFor(By.cssSelector("[data-targeting-metric='realisedPerPoorPerson']")));
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.attributeToBe(map, "data-rendered", "realisedPerPoorPerson"));
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.attributeToBe(By.id("trend-chart"), "data-rendered", "15"));
        screenshot("targeting-2026");
        assertAccessible();

        new Select(waitFor(By.id("year"))).selectByValue("2025");
        submit(By.cssSelector("#targeting-filter button[type=submit]"));
        assertThat(heading()).isEqualTo("Sasaran kemiskinan 2025");
        assertThat(waitFor(By.id("targeting-15.01")).getText()).contains("data belum tersedia");
        // a region without a count of poor people has no coverage at all, not 0 % (where the count is known and
        // nobody was reached yet, 0 % is the honest figure)
        assertThat(waitFor(By.id("targeting-15.01")).getText()).doesNotContain("0,00%");
        assertThat(waitFor(By.id("trend-missing")).getText()).contains("Kabupaten Kerinci:");
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.attributeToBe(By.id("targeting-scatter"), "data-rendered", "true"));
        screenshot("targeting-2025");
        assertAccessible();
    }

    /**
     * 52 more people of decile 1 without aid in a desa of the demo's follow-up list, where others received aid in
     * 2026: more than a page, the second reached by "Berikutnya", which lands on the list.
     */
    @Test
    void expertPagesThroughTheFollowUpList() {
        String desa = jdbc.queryForObject("""
                select b.desa_code from beneficiary b
                where b.welfare_decile <= 2
                  and exists (select 1 from aid x where x.fiscal_year = 2026 and x.status <> 'CANCELLED'
                                                   and x.person_desa_code = b.desa_code)
                  and not exists (select 1 from aid x where x.beneficiary_id = b.id and x.fiscal_year = 2026)
                order by b.id limit 1""", String.class);
        for (int n = 1; n <= 52; n++) {
            jdbc.update("""
                    insert into beneficiary (nik, name, sex, date_of_birth, desa_code, address, welfare_decile, created_by,
                                             registered_opd)
                    values (?, ?, 'F', date '1990-07-01', ?, 'Alamat uji peramban', 1, 'uji', 'DINKES')""",
                    desa.substring(0, 8).replace(".", "") + "410790" + "%04d".formatted(9100 + n),
                    FOLLOW_UP + "%02d".formatted(n), desa);
        }
        loginAsDemo("ahli");
        open("/sasaran-kemiskinan?year=2026");
        assertThat(waitFor(By.id("follow-up-pager")).getText()).contains("Orang ke-1 sampai ke-50");
        assertThat(rows("follow-up")).hasSize(50);
        submit(By.linkText("Berikutnya"));
        assertThat(browser.getCurrentUrl()).contains("page=1").endsWith("#follow-up-heading");
        assertThat(waitFor(By.id("follow-up-pager")).getText()).contains("Orang ke-51 sampai ke-", "Sebelumnya");
        assertThat(rows("follow-up")).isNotEmpty().hasSizeLessThanOrEqualTo(50);
        screenshot("targeting-follow-up-page-2");
        assertAccessible();
    }

    private void figure(String region, String indicator, String value) {
        jdbc.update("""
                insert into poverty_figure (region_code, year, period, indicator, value, source, chosen, created_by, updated_by)
                select ?, 2026, 'MARET', ?, ?::numeric, ?, true, 'uji', 'uji'
                where not exists (select 1 from poverty_figure where region_code = ? and year = 2026 and period = 'MARET'
                                  and indicator = ? and chosen)""", region, indicator, value, SOURCE, region, indicator);
    }
}
