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
 * it on the kecamatan's dashboard page. The report is one of the demo data's.
 */
class PhotoBrowserTest extends BrowserTestSupport {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KecamatanBoundaries boundaries;

    @Test
    void theOperatorUploadsAPhotoAndItsPinShowsOnTheReportAndTheKecamatanMaps() throws IOException {
        Map<String, Object> report = jdbc.queryForMap("""
                select r.id, a.kecamatan_code from progress_report r join allocation a on a.id = r.allocation_id
                where a.opd_code = 'DISDIK' and a.fiscal_year = 2026 and a.status = 'ACTIVE' and r.month = 10
                order by a.id limit 1""");
        long reportId = ((Number) report.get("id")).longValue();
        String kecamatan = (String) report.get("kecamatan_code");
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
