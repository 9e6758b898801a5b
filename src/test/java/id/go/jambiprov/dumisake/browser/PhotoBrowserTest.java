package id.go.jambiprov.dumisake.browser;

import id.go.jambiprov.dumisake.demo.ExifJpeg;
import id.go.jambiprov.dumisake.photo.GeoPoint;
import id.go.jambiprov.dumisake.photo.TestImages;
import id.go.jambiprov.dumisake.photo.internal.KecamatanBoundaries;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator adds a field photo taken on the spot to its October report and sees its pin; the expert team sees
 * it on the kecamatan's dashboard page. The report is written by SQL (its capability is built alongside).
 */
class PhotoBrowserTest extends BrowserTestSupport {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KecamatanBoundaries boundaries;

    @Test
    void theOperatorUploadsAPhotoAndItsPinShowsOnTheReportAndTheKecamatanMaps() throws IOException {
        Map<String, Object> allocation = jdbc.queryForMap("""
                select id, kecamatan_code from allocation
                where opd_code = 'DISDIK' and fiscal_year = 2026 and status = 'ACTIVE' order by id limit 1""");
        long allocationId = ((Number) allocation.get("id")).longValue();
        String kecamatan = (String) allocation.get("kecamatan_code");
        jdbc.update("""
                insert into progress_report (allocation_id, fiscal_year, month, physical_percent, created_by, updated_by)
                values (?, 2026, 10, 55, 'op-disdik', 'op-disdik') on conflict do nothing""", allocationId);
        long reportId = jdbc.queryForObject("select id from progress_report where allocation_id = ? and month = 10",
                Long.class, allocationId);
        GeoPoint inside = boundaries.interiorPoint(kecamatan).orElseThrow();
        Path photo = Files.createTempFile("IMG_uji_peramban-", ".jpg");
        Files.write(photo, ExifJpeg.withExif(TestImages.jpeg(1200, 900), LocalDateTime.of(2026, 10, 14, 9, 30),
                inside.latitude(), inside.longitude()));
        String fileName = photo.getFileName().toString();

        loginAsDemo("op-disdik");
        open("/laporan-kemajuan/" + reportId + "/foto");
        assertThat(heading()).isEqualTo("Foto lapangan Oktober 2026");
        assertAccessible();
        browser.findElement(By.id("file")).sendKeys(photo.toAbsolutePath().toString());
        submit(By.id("photo-upload"));

        assertThat(waitFor(By.id("photo-list")).getText()).contains(fileName).contains("Sesuai");
        assertThat(mapWithPins(By.cssSelector(".photo-map"))).isGreaterThanOrEqualTo(1);
        assertAccessible();
        screenshot("photo-report");

        loginAsDemo("ahli");
        open("/dasbor/kecamatan/" + kecamatan + "?year=2026");
        assertThat(waitFor(By.id("kecamatan-photo-list")).getText()).contains(fileName);
        assertThat(mapWithPins(By.cssSelector("#kecamatan-photos .photo-map"))).isGreaterThanOrEqualTo(1);
        assertAccessible();
        screenshot("photo-kecamatan");
    }

    /** Waits until photo-map.js has drawn the map; its number of pins. */
    private int mapWithPins(By map) {
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.attributeToBe(map, "data-photo-map", "rendered"));
        return Integer.parseInt(browser.findElement(map).getDomAttribute("data-pins"));
    }
}
