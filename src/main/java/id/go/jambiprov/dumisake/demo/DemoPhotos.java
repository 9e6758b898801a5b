package id.go.jambiprov.dumisake.demo;

import id.go.jambiprov.dumisake.photo.FieldPhotos;
import id.go.jambiprov.dumisake.photo.GeoPoint;
import id.go.jambiprov.dumisake.photo.PhotoReport;
import id.go.jambiprov.dumisake.photo.PhotoUpload;
import id.go.jambiprov.dumisake.shared.JambiTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * Field photos on the demo progress reports (written before, at order 40): one JPEG on the latest report of each
 * of sixteen kecamatan spread over the province, drawn here with
 * the activity's title, carrying EXIF as a phone writes it, uploaded by the operator of the allocation's OPD
 * through every rule of an upload. Most are taken in the report's month at a point inside its kecamatan; every
 * eighth lies outside the kecamatan, every eighth carries no GPS and every eleventh was taken the month before,
 * so that the flags show. Nothing when there are no reports yet, or when photos are already there.
 */
@Component
@Profile("!prod")
@Order(45)
class DemoPhotos implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPhotos.class);
    /** Enough to show pins and flags on a kecamatan page in each part of the province, quickly at start-up. */
    private static final int PHOTOS = 16;
    private static final int WIDTH = 800;
    private static final int HEIGHT = 600;
    /** Far from most kecamatan: Telanaipura in Kota Jambi, where an "outside" photo is placed. */
    private static final String ELSEWHERE = "15.71.01";

    private final FieldPhotos photos;
    private final DemoUsers users;
    private final Clock clock;

    DemoPhotos(FieldPhotos photos, DemoUsers users, Clock clock) {
        this.photos = photos;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<PhotoReport> reports = users.as("admin", () -> photos.hasPhotos() ? List.<PhotoReport>of()
                : photos.reportsWithoutPhotos(PHOTOS));
        if (reports.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(clock.withZone(JambiTime.ZONE));
        for (int i = 0; i < reports.size(); i++) {
            PhotoReport report = reports.get(i);
            GeoPoint point = point(report, i);
            byte[] jpeg = ExifJpeg.withExif(drawn(report), takenAt(report, i, today),
                    point == null ? null : point.latitude(), point == null ? null : point.longitude());
            String fileName = "IMG_" + report.fiscalYear() + String.format("%02d", report.month()) + "_" + (i + 1) + ".jpg";
            users.as(DemoUsers.operatorOf(report.opdCode()),
                    () -> photos.upload(report.reportId(), new PhotoUpload(fileName, jpeg)));
        }
        log.info("Demo field photos: {} in {} ms", reports.size(), (System.nanoTime() - started) / 1_000_000);
    }

    private GeoPoint point(PhotoReport report, int i) {
        if (i % 8 == 7) {
            return null;
        }
        String kecamatan = i % 8 == 5 && !ELSEWHERE.equals(report.kecamatanCode()) ? ELSEWHERE : report.kecamatanCode();
        return photos.pointInside(kecamatan).orElse(null);
    }

    /** A working morning of the report's month, not after today; every eleventh in the month before. */
    private static LocalDateTime takenAt(PhotoReport report, int i, LocalDate today) {
        LocalDate day = report.reportMonth().atDay(1 + (i * 3) % 25);
        if (i % 11 == 3) {
            day = report.reportMonth().atDay(1).minusDays(5);
        }
        return (day.isAfter(today) ? today : day).atTime(LocalTime.of(8 + i % 6, 15 + i % 40));
    }

    /** A plain picture of a field: sky, ground, a site board with the activity, the kecamatan and the month. */
    private static byte[] drawn(PhotoReport report) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, new Color(0x9ec5fe), 0, HEIGHT / 2f, new Color(0xe7f1ff)));
            g.fillRect(0, 0, WIDTH, HEIGHT / 2);
            g.setPaint(new GradientPaint(0, HEIGHT / 2f, new Color(0x6a994e), 0, HEIGHT, new Color(0x386641)));
            g.fillRect(0, HEIGHT / 2, WIDTH, HEIGHT / 2);
            int hue = (int) (report.allocationId() % 5);
            g.setColor(new Color(0xb08968 + hue * 0x080400));
            g.fillRect(470, 210, 250, 160);
            g.setColor(new Color(0x7f5539));
            g.fillPolygon(new int[] {450, 595, 740}, new int[] {210, 120, 210}, 3);
            g.setColor(Color.WHITE);
            g.fillRect(40, 380, 720, 180);
            g.setColor(new Color(0x212529));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 24));
            g.drawString(shortened(report.allocationTitle(), 48), 60, 425);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
            g.drawString("Kecamatan " + report.kecamatanName(), 60, 465);
            g.drawString(shortened(report.opdName(), 62), 60, 500);
            g.drawString(report.reportMonth().toString(), 60, 535);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String shortened(String text, int length) {
        return text.length() > length ? text.substring(0, length - 1) + "…" : text;
    }
}
