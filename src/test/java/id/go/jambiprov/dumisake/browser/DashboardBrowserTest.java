package id.go.jambiprov.dumisake.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expert team reads the dashboard and map, leaves a note; the agency concerned answers it. The dashboard
 * fits 1280 px and 390 px, its warnings lead to paged lists, and an operator's map is its OPD's.
 */
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
        // the attribute is set when the chart is given its option and the shapes are drawn a frame later: the click
        // below waits for the kecamatan shapes, not a kabupaten/kota shape still on screen on a busy machine
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(driver -> map.findElements(By.cssSelector("svg path")).size() >= 144);

        clickAreaUntilItOpens(map);
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
     * At 1280 px the dashboard's tables fit the page, each warning shows its ten worst with the number of all
     * and a link to a paged list of them whose pager shows the same total; at 390 px the lists and the
     * dashboard stay within the page (a table scrolls inside its own frame).
     */
    @Test
    void theDashboardFitsAndEachWarningLeadsToAllOfIt() {
        loginAsDemo("admin");
        browser.manage().window().setSize(new Dimension(1280, 900));
        open("/dasbor?year=2026");
        waitFor(By.id("programme-table"));
        assertNoPageOverflow();
        for (String table : List.of("kabupaten-kota-table", "opd-table", "mechanism-table", "programme-table")) {
            Boolean fits = (Boolean) script("var t = document.getElementById(arguments[0]);"
                    + " return t.scrollWidth <= t.parentElement.clientWidth;", table);
            assertThat(fits).as(table + " fits its column at 1280 px").isTrue();
        }
        assertThat(browser.findElements(By.cssSelector("#programme-table th"))).extracting(WebElement::getText)
                .containsExactly("Program", "Dialokasikan", "Realisasi", "% realisasi");
        assertThat(browser.findElements(By.cssSelector("#laggard-overdue li"))).hasSizeLessThanOrEqualTo(10);
        open("/dasbor?year=2026&kabupatenKota=15.01");
        WebElement map = waitFor(By.id("map"));
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.attributeToBe(map, "data-rendered", "kecamatan:realised"));
        assertThat(((Number) script("return echarts.getInstanceByDom(arguments[0]).getOption().series[0].zoom;", map))
                .doubleValue()).as("the map zoomed to Kerinci").isGreaterThan(1.5);
        assertNoPageOverflow();
        open("/dasbor?year=2026");
        assertThat(browser.findElements(By.cssSelector("#laggard-missing-targets li"))).hasSizeLessThanOrEqualTo(10);
        WebElement all = waitFor(By.id("all-missing-targets"));
        Matcher count = Pattern.compile("\\(([0-9.]+)\\)").matcher(all.getText());
        assertThat(count.find()).as(all.getText()).isTrue();
        clickLink(all.getText());
        assertThat(heading()).isEqualTo("Alokasi tanpa target keluaran");
        assertThat(rows("warning-table")).hasSize(50);
        assertThat(browser.findElement(By.cssSelector(".page-summary")).getText())
                .isEqualTo("Menampilkan 1–50 dari " + count.group(1) + " data");
        assertAccessible();
        // a list of many pages (the year's allocations) leaves the middle pages out of its pager
        open("/alokasi?year=2026");
        assertThat(browser.findElements(By.cssSelector(".pagination .page-link"))).extracting(WebElement::getText)
                .contains("…");
        // the lowest kecamatan: ten on the dashboard, their number in the heading, all of them a page at a time
        open("/dasbor?year=2026");
        assertThat(browser.findElements(By.cssSelector("#laggard-kecamatan li"))).hasSize(10);
        WebElement allKecamatan = waitFor(By.id("all-lowest-kecamatan"));
        assertThat(allKecamatan.getText()).isEqualTo("Lihat semua (144)");
        // the demo's OPDs with allocations are ten or fewer: all shown, their number in the heading, no link
        int opdShown = browser.findElements(By.cssSelector("#laggard-opd li")).size();
        assertThat(browser.findElement(By.xpath("//ol[@id='laggard-opd']/preceding-sibling::h3[1]")).getText())
                .endsWith("(" + opdShown + ")");
        assertThat(browser.findElements(By.id("all-lowest-opd"))).isEmpty();
        clickLink(allKecamatan.getText());
        assertThat(heading()).isEqualTo("Kecamatan dengan realisasi terendah");
        assertThat(rows("warning-table")).hasSize(50);
        assertThat(browser.findElement(By.cssSelector(".page-summary")).getText())
                .isEqualTo("Menampilkan 1–50 dari 144 data");
        assertAccessible();

        try {
            phoneWidth();
            for (String page : List.of("/alokasi", "/pencairan", "/audit", "/penerima", "/dasbor?year=2026",
                    "/dasbor/peringatan/lewat-rencana?year=2026", "/dasbor/peringatan/opd-terendah?year=2026",
                    "/catatan", "/kendala", "/program", "/tahun-anggaran")) {
                open(page);
                waitFor(By.tagName("h1"));
                assertNoPageOverflow();
            }
            assertAccessible();
            // a record's history is read whole at phone width: its rows stand as lines, nothing cut at the edge
            Map<String, Object> verified = jdbc.queryForMap(
                    "select id, allocation_id from disbursement where fiscal_year = 2026 and status = 'VERIFIED' limit 1");
            for (String page : List.of("/alokasi/" + verified.get("allocation_id"), "/pencairan/" + verified.get("id"))) {
                open(page);
                WebElement history = waitFor(By.id("history-table"));
                assertNoPageOverflow();
                Boolean fits = (Boolean) script("var t = arguments[0];"
                        + " return t.scrollWidth <= t.parentElement.clientWidth;", history);
                assertThat(fits).as("the history of " + page + " fits 390 px").isTrue();
                assertThat(history.findElement(By.cssSelector("tbody td")).isDisplayed()).isTrue();
            }
            open("/alokasi/" + verified.get("allocation_id"));
            WebElement tranches = waitFor(By.id("allocation-disbursement-table"));
            assertThat((Boolean) script("return arguments[0].scrollWidth <= arguments[0].parentElement.clientWidth;",
                    tranches)).as("the allocation's disbursements fit 390 px").isTrue();
            assertAccessible();
        } finally {
            ((ChromeDriver) browser).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /**
     * An operator's map and figures are its OPD's: a kecamatan where the OPD has no allocation is grey (no
     * colour of the scale, "tidak ada alokasi"), and "belum jalan" counts only kecamatan with its allocations.
     */
    @Test
    void anOperatorsDashboardReadsAgainstItsOwnAllocations() {
        loginAsDemo("op-disdik");
        browser.manage().window().setSize(new Dimension(1280, 900));
        open("/dasbor?year=2026");
        WebElement map = waitFor(By.id("map"));
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.attributeToBe(map, "data-rendered", "kecamatan:realised"));
        @SuppressWarnings("unchecked")
        List<List<Object>> areas = (List<List<Object>>) script("""
                var data = echarts.getInstanceByDom(arguments[0]).getModel().getSeriesByIndex(0).getData();
                var areas = [];
                for (var i = 0; i < data.count(); i++) {
                    var style = data.getItemVisual(i, 'style');
                    areas.push([Number(data.getRawDataItem(i).row.allocated) > 0, style && style.fill ? style.fill : '']);
                }
                return areas;""", map);
        assertThat(areas).hasSize(144);
        assertThat(areas).filteredOn(area -> !(Boolean) area.get(0))
                .isNotEmpty().allSatisfy(area -> assertThat(area.get(1)).as("colour without allocation").isEqualTo(""));
        assertThat(areas).filteredOn(area -> (Boolean) area.get(0))
                .isNotEmpty().allSatisfy(area -> assertThat(area.get(1)).as("colour with allocation").isNotEqualTo(""));
        long withAllocation = areas.stream().filter(area -> (Boolean) area.get(0)).count();
        Integer notStarted = jdbc.queryForObject("""
                select count(*) from (select kecamatan_code from allocation
                                      where fiscal_year = 2026 and status = 'ACTIVE' and opd_code = 'DISDIK'
                                      group by kecamatan_code having sum(realised) = 0) k""", Integer.class);
        assertThat(waitFor(By.id("summary-not-started")).getText()).startsWith(notStarted + " kecamatan");
        assertThat(notStarted).isLessThan((int) withAllocation);
        assertThat(browser.findElement(By.id("map-no-allocation")).getText()).contains("tidak ada alokasi");
        assertNoPageOverflow();
        assertAccessible();
    }

    private Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    /** The page is no wider than the window: nothing but a table inside its own frame may scroll sideways. */
    private void assertNoPageOverflow() {
        Long overflow = (Long) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("horizontal overflow of " + browser.getCurrentUrl()).isLessThanOrEqualTo(0L);
    }

    /** A phone's 390 px: a headless window is not made that narrow, so the page's viewport is set instead. */
    private void phoneWidth() {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    }

    /**
     * Clicks one kecamatan on the SVG map as a person would: a shape whose middle really is the shape (a
     * concave kecamatan's middle may lie in its neighbour or outside the map), again every 3 s until its dashboard
     * opens. On a busy machine a click once left the page as it was (a suite run of 7 Dec 2026), probably on a shape
     * of the kabupaten/kota map still fading out, which leads nowhere.
     */
    private void clickAreaUntilItOpens(WebElement map) {
        WebElement page = browser.findElement(By.tagName("html"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).pollingEvery(Duration.ofSeconds(3))
                .ignoring(StaleElementReferenceException.class)
                .withMessage("a kecamatan shape that opens the kecamatan's dashboard")
                .until(driver -> {
                    if (ExpectedConditions.stalenessOf(page).apply(driver)) {
                        return true;
                    }
                    WebElement area = (WebElement) ((JavascriptExecutor) driver).executeScript("""
                            return Array.from(arguments[0].querySelectorAll('svg path[fill]')).find(function (path) {
                                var box = path.getBoundingClientRect();
                                return box.width > 20 && box.height > 20
                                    && document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === path;
                            });""", map);
                    if (area != null) {
                        area.click();
                    }
                    return false;
                });
    }
}
