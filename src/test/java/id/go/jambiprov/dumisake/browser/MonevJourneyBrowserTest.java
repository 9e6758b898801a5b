package id.go.jambiprov.dumisake.browser;

import id.go.jambiprov.dumisake.demo.ExifJpeg;
import id.go.jambiprov.dumisake.photo.GeoPoint;
import id.go.jambiprov.dumisake.photo.TestImages;
import id.go.jambiprov.dumisake.photo.internal.KecamatanBoundaries;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monev loop as its three people live it, through the pages only: op-disdik files this month's report with a
 * photo from the field and sees its pin, then asks for support with an activity that has sent no report for last month; the expert
 * team finds that escalation at the top of "Kenapa belum jalan?" and comments; op-disdik reads the comment in its
 * inbox. Like the demo data, it assumes the year 2026 is open and today lies in its December.
 */
class MonevJourneyBrowserTest extends BrowserTestSupport {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KecamatanBoundaries boundaries;

    @Test
    void aReportWithAPhotoAnEscalationTheExpertsCommentAndTheOperatorsInbox() throws IOException {
        Map<String, Object> reported = jdbc.queryForMap("""
                select a.id, a.kecamatan_code from allocation a
                where a.fiscal_year = 2026 and a.opd_code = 'DISDIK' and a.status = 'ACTIVE'
                  and exists (select 1 from progress_report r where r.allocation_id = a.id and r.month = 11)
                  and not exists (select 1 from progress_report r where r.allocation_id = a.id and r.month = 12)
                order by a.id limit 1""");
        long reportedId = ((Number) reported.get("id")).longValue();
        long stalled = jdbc.queryForObject("""
                select a.id from allocation a
                where a.fiscal_year = 2026 and a.opd_code = 'DISDIK' and a.status = 'ACTIVE'
                  and not exists (select 1 from progress_report r where r.allocation_id = a.id and r.month >= 11)
                order by a.amount desc, a.id limit 1""", Long.class);
        String obstacle = "Calon penerima belum ditetapkan SK – " + UUID.randomUUID().toString().substring(0, 6);

        loginAsDemo("op-disdik");
        open("/alokasi/" + reportedId + "/kemajuan");
        submit(By.id("write-report"));
        assertThat(heading()).startsWith("Laporan kemajuan");
        type(By.id("physicalPercent"), "100");
        type(By.id("narrative"), "Seluruh paket telah diserahkan kepada sekolah penerima.");
        submit(By.id("save-report"));
        WebElement december = rows("report-table").get(0);
        assertThat(december.getText()).contains("Desember 2026", "100 %");
        browser.get(december.findElement(By.linkText("Foto lapangan")).getAttribute("href"));
        assertThat(heading()).isEqualTo("Foto lapangan Desember 2026");

        GeoPoint inside = boundaries.interiorPoint((String) reported.get("kecamatan_code")).orElseThrow();
        Path photo = Files.createTempFile("IMG_serah_terima-", ".jpg");
        Files.write(photo, ExifJpeg.withExif(TestImages.jpeg(1200, 900), LocalDateTime.of(2026, 12, 2, 10, 15),
                inside.latitude(), inside.longitude()));
        browser.findElement(By.id("file")).sendKeys(photo.toAbsolutePath().toString());
        submit(By.id("photo-upload"));
        assertThat(waitFor(By.id("photo-list")).getText()).contains(photo.getFileName().toString(), "Sesuai");
        By map = By.cssSelector(".photo-map");
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.attributeToBe(map, "data-photo-map", "rendered"));
        assertThat(Integer.parseInt(browser.findElement(map).getDomAttribute("data-pins"))).isPositive();
        assertAccessible();

        open("/kendala/baru?allocationId=" + stalled);
        new Select(waitFor(By.id("category"))).selectByVisibleText("Data penerima");
        waitFor(By.id("description")).sendKeys(obstacle);
        submit(By.id("raise-obstacle"));
        submit(By.cssSelector("#escalate-form button[type=submit]"));
        assertThat(waitFor(By.id("escalated-badge")).getText()).isEqualTo("Perlu dukungan pimpinan");

        loginAsDemo("ahli");
        clickLink("Kenapa belum jalan?");
        // the year 2026 by name: another browser test may have opened a later year, which pages choose first
        open("/monev/belum-jalan?year=2026");
        waitFor(By.cssSelector("#stalled-allocations > li"));
        List<WebElement> listed = browser.findElements(By.cssSelector("#stalled-allocations > li"));
        int position = listed.indexOf(browser.findElement(By.id("stalled-" + stalled)));
        assertThat(position).as("the activity without last month's report is listed").isNotNegative();
        assertThat(listed.subList(0, position + 1)).as("escalations first").allSatisfy(item ->
                assertThat(item.getText()).contains("Perlu dukungan pimpinan"));
        assertAccessible();
        browser.get(listed.get(position).findElement(By.linkText("Data penerima")).getAttribute("href"));
        assertThat(waitFor(By.id("obstacle-description")).getText()).isEqualTo(obstacle);
        waitFor(By.id("text")).sendKeys("Mohon SK penerima ditetapkan Kepala Dinas minggu ini.");
        submit(By.cssSelector("#comment-form button[type=submit]"));
        assertThat(waitFor(By.cssSelector(".obstacle-comment")).getText()).contains("Mohon SK penerima ditetapkan");

        loginAsDemo("op-disdik");
        browser.get(waitFor(By.id("notification-bell")).getAttribute("href"));
        assertThat(heading()).isEqualTo("Pemberitahuan");
        assertThat(waitFor(By.id("notification-list")).getText())
                .contains("mengomentari kendala \u201c" + obstacle + "\u201d");
        assertAccessible();
        screenshot("monev-journey-inbox");
    }

    private static void type(By field, String text) {
        WebElement input = browser.findElement(field);
        input.clear();
        input.sendKeys(text);
    }
}
