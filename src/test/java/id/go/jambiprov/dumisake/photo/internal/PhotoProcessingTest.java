package id.go.jambiprov.dumisake.photo.internal;

import id.go.jambiprov.dumisake.demo.ExifJpeg;
import id.go.jambiprov.dumisake.photo.PhotoReport;
import id.go.jambiprov.dumisake.photo.PhotoUpload;
import id.go.jambiprov.dumisake.photo.TestImages;
import id.go.jambiprov.dumisake.photo.domain.ImageType;
import id.go.jambiprov.dumisake.photo.domain.PhotoFlags;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The upload's processing on real files made here: refusals before any pixel is decoded, the EXIF read, the
 * point-in-kecamatan check on the shipped boundaries, and the sizes made.
 */
class PhotoProcessingTest {

    private static final PhotoReport SIULAK_MAY = new PhotoReport(1, 2, "Rehab sekolah", 2026, 5, "15.01.16", "Siulak",
            "DISDIK", "Dinas Pendidikan", false);

    static KecamatanBoundaries boundaries;
    static PhotoProcessor processor;

    @BeforeAll
    static void readTheBoundaries() {
        boundaries = new KecamatanBoundaries(JsonMapper.builder().build());
        processor = new PhotoProcessor(boundaries);
    }

    @Test
    void aPointInSiulakIsInsideSiulakAndOutsideTelanaipura() {
        assertThat(boundaries.contains("15.01.16", TestImages.SIULAK)).isTrue();
        assertThat(boundaries.contains("15.71.01", TestImages.SIULAK)).isFalse();
        assertThat(boundaries.contains("15.71.01", TestImages.TELANAIPURA)).isTrue();
        assertThat(boundaries.contains("99.99.99", TestImages.SIULAK)).as("unknown kecamatan").isFalse();
        assertThat(boundaries.interiorPoint("15.01.16")).hasValueSatisfying(
                point -> assertThat(boundaries.contains("15.01.16", point)).isTrue());
    }

    @Test
    void aSixtyMegapixelJpegIsRefusedFromItsHeaderWithoutDecoding() {
        byte[] claimed = TestImages.jpegClaiming(8000, 7500);
        assertThat(ScaledImages.dimensions(claimed, ImageType.JPEG)).containsExactly(8000, 7500);
        processor.process(new PhotoUpload("warm-up.jpg", TestImages.jpeg(64, 48)), SIULAK_MAY);

        long allocated = allocatedBytes(() -> assertThatThrownBy(
                () -> processor.process(new PhotoUpload("besar.jpg", claimed), SIULAK_MAY))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        refused -> assertThat(refused.code()).isEqualTo("PHOTO_TOO_MANY_PIXELS")));
        // decoding 8000 × 7500 would take 180 MB (3 bytes a pixel) before any scaling
        assertThat(allocated).as("bytes allocated by the refusal").isLessThan(4L * 1024 * 1024);
    }

    @Test
    void aNonImageIsRefusedBeforeAnythingIsRead() {
        byte[] text = new byte[1024 * 1024];
        Arrays.fill(text, (byte) 'x');
        long allocated = allocatedBytes(() -> assertThatThrownBy(
                () -> processor.process(new PhotoUpload("foto.jpg", text), SIULAK_MAY))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        refused -> assertThat(refused.code()).isEqualTo("PHOTO_TYPE")));
        assertThat(allocated).isLessThan(256L * 1024);
    }

    @Test
    void aDamagedJpegIsRefusedAsUnreadable() {
        byte[] cut = Arrays.copyOf(TestImages.jpeg(400, 300), 40);
        assertThatThrownBy(() -> processor.process(new PhotoUpload("rusak.jpg", cut), SIULAK_MAY))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        refused -> assertThat(refused.code()).isEqualTo("PHOTO_UNREADABLE"));
    }

    @Test
    void exifDateAndGpsAreReadFromARealJpeg() {
        byte[] jpeg = ExifJpeg.withExif(TestImages.jpeg(64, 48), LocalDateTime.of(2026, 5, 14, 9, 30, 5),
                TestImages.SIULAK.latitude(), TestImages.SIULAK.longitude());

        CameraFacts facts = CameraMetadata.read(jpeg);

        assertThat(facts.takenAt()).isEqualTo(OffsetDateTime.parse("2026-05-14T09:30:05+07:00"));
        assertThat(facts.location().latitude()).isCloseTo(TestImages.SIULAK.latitude(), within(1e-6));
        assertThat(facts.location().longitude()).isCloseTo(TestImages.SIULAK.longitude(), within(1e-6));
    }

    @Test
    void aJpegWithoutGpsOrWithoutExifHasNoPoint() {
        byte[] dateOnly = ExifJpeg.withExif(TestImages.jpeg(64, 48), LocalDateTime.of(2026, 5, 14, 9, 30), null, null);
        assertThat(CameraMetadata.read(dateOnly).location()).isNull();
        assertThat(CameraMetadata.read(dateOnly).takenAt()).isNotNull();
        assertThat(CameraMetadata.read(TestImages.jpeg(64, 48))).isEqualTo(CameraFacts.NONE);
    }

    @Test
    void flagsFollowTheExif() {
        LocalDateTime may = LocalDateTime.of(2026, 5, 14, 9, 30);
        assertThat(flags(ExifJpeg.withExif(TestImages.jpeg(64, 48), may, -1.978673, 101.293313)))
                .isEqualTo(new PhotoFlags(false, false, false));
        assertThat(flags(ExifJpeg.withExif(TestImages.jpeg(64, 48), may, -1.595057, 103.562535)))
                .isEqualTo(new PhotoFlags(false, true, false));
        assertThat(flags(ExifJpeg.withExif(TestImages.jpeg(64, 48), may.minusMonths(1), null, null)))
                .isEqualTo(new PhotoFlags(true, false, true));
        assertThat(flags(TestImages.png(64, 48))).isEqualTo(new PhotoFlags(true, false, true));
    }

    @Test
    void theDisplaySizeAndTheThumbnailAreMadeAndTurnedUpright() throws IOException {
        ProcessedPhoto photo = processor.process(new PhotoUpload("lebar.jpg", TestImages.jpeg(4000, 3000)), SIULAK_MAY);
        assertThat(photo.width()).isEqualTo(4000);
        assertThat(size(photo.display())).containsExactly(1600, 1200);
        assertThat(size(photo.thumbnail())).containsExactly(320, 240);

        ProcessedPhoto png = processor.process(new PhotoUpload("kecil.png", TestImages.png(300, 200)), SIULAK_MAY);
        assertThat(png.type()).isEqualTo(ImageType.PNG);
        assertThat(size(png.display())).containsExactly(300, 200);
        assertThat(ImageType.sniff(png.display())).contains(ImageType.JPEG);

        // orientation 6: the camera lay on its side; the portrait is shown upright
        ScaledImages.Scaled turned = ScaledImages.scale(TestImages.jpeg(800, 600), ImageType.JPEG, 6);
        assertThat(size(turned.display())).containsExactly(600, 800);
    }

    private static PhotoFlags flags(byte[] file) {
        return processor.process(new PhotoUpload("f", file), SIULAK_MAY).flags();
    }

    private static int[] size(byte[] image) throws IOException {
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
        return new int[] {decoded.getWidth(), decoded.getHeight()};
    }

    /** The bytes this thread allocated on the heap while {@code work} ran (HotSpot counts them per thread). */
    static long allocatedBytes(Runnable work) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        work.run();
        return threads.getThreadAllocatedBytes(id) - before;
    }
}
