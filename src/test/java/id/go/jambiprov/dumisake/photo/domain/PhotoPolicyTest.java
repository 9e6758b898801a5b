package id.go.jambiprov.dumisake.photo.domain;

import id.go.jambiprov.dumisake.photo.TestImages;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhotoPolicyTest {

    private static final YearMonth MAY_2026 = YearMonth.of(2026, 5);

    @Test
    void theTypeComesFromTheBytesNotFromTheName() {
        assertThat(PhotoPolicy.requireAcceptableFile(1000, head(TestImages.jpeg(8, 8)))).isEqualTo(ImageType.JPEG);
        assertThat(PhotoPolicy.requireAcceptableFile(1000, head(TestImages.png(8, 8)))).isEqualTo(ImageType.PNG);
        assertRefused(() -> PhotoPolicy.requireAcceptableFile(1000, "%PDF-1.7 foto.jpg".getBytes(StandardCharsets.US_ASCII)),
                "PHOTO_TYPE");
        assertRefused(() -> PhotoPolicy.requireAcceptableFile(1000, "GIF89a..".getBytes(StandardCharsets.US_ASCII)),
                "PHOTO_TYPE");
        assertRefused(() -> PhotoPolicy.requireAcceptableFile(2, new byte[] {(byte) 0xFF, (byte) 0xD8}), "PHOTO_TYPE");
    }

    @Test
    void atMostTenMegabytesAndNotEmpty() {
        byte[] jpeg = head(TestImages.jpeg(8, 8));
        assertThat(PhotoPolicy.requireAcceptableFile(10 * 1024 * 1024, jpeg)).isEqualTo(ImageType.JPEG);
        assertRefused(() -> PhotoPolicy.requireAcceptableFile(10 * 1024 * 1024 + 1, jpeg), "PHOTO_TOO_LARGE");
        assertRefused(() -> PhotoPolicy.requireAcceptableSize(0), "PHOTO_EMPTY");
    }

    @Test
    void atMostFiftyMegapixels() {
        PhotoPolicy.requireAcceptableDimensions(10_000, 5_000);
        assertThatThrownBy(() -> PhotoPolicy.requireAcceptableDimensions(8_000, 7_500))
                .isInstanceOfSatisfying(BusinessRuleException.class, refused -> {
                    assertThat(refused.code()).isEqualTo("PHOTO_TOO_MANY_PIXELS");
                    assertThat(refused.arguments()).containsExactly(60L, 50L, 8_000, 7_500);
                });
        assertRefused(() -> PhotoPolicy.requireAcceptableDimensions(10_001, 5_000), "PHOTO_TOO_MANY_PIXELS");
        // no int overflow: 65535 × 65535 is what a JPEG header can claim at most
        assertRefused(() -> PhotoPolicy.requireAcceptableDimensions(65_535, 65_535), "PHOTO_TOO_MANY_PIXELS");
    }

    @Test
    void aCameraTimeWithoutOffsetIsWib() {
        LocalDateTime camera = LocalDateTime.of(2026, 5, 31, 23, 30);
        assertThat(PhotoPolicy.takenAt(camera, null)).isEqualTo(OffsetDateTime.of(camera, ZoneOffset.ofHours(7)));
        assertThat(PhotoPolicy.takenAt(camera, ZoneOffset.ofHours(8)))
                .isEqualTo(OffsetDateTime.of(camera, ZoneOffset.ofHours(8)));
    }

    @Test
    void theMonthIsTheReportsMonthInWib() {
        // 31 May 2026 20:00 UTC is 1 June 03:00 WIB: after the May report's month
        assertThat(PhotoPolicy.flags(OffsetDateTime.parse("2026-05-31T20:00:00Z"), true, true, MAY_2026).outsideMonth())
                .isTrue();
        assertThat(PhotoPolicy.flags(OffsetDateTime.parse("2026-04-30T18:00:00Z"), true, true, MAY_2026).outsideMonth())
                .isFalse();
        assertThat(PhotoPolicy.flags(OffsetDateTime.parse("2026-05-15T09:00:00+07:00"), true, true, MAY_2026))
                .isEqualTo(new PhotoFlags(false, false, false));
        assertThat(PhotoPolicy.flags(null, true, true, MAY_2026).outsideMonth()).as("no date: cannot show the month")
                .isTrue();
    }

    @Test
    void gpsFlags() {
        OffsetDateTime inMay = OffsetDateTime.parse("2026-05-15T09:00:00+07:00");
        assertThat(PhotoPolicy.flags(inMay, false, false, MAY_2026)).isEqualTo(new PhotoFlags(true, false, false));
        assertThat(PhotoPolicy.flags(inMay, true, false, MAY_2026)).isEqualTo(new PhotoFlags(false, true, false));
        assertThat(PhotoPolicy.flags(inMay, true, false, MAY_2026).any()).isTrue();
    }

    @Test
    void scaledSizesKeepTheProportionsAndNeverEnlarge() {
        assertThat(PhotoPolicy.scaledSize(4000, 3000, 1600)).containsExactly(1600, 1200);
        assertThat(PhotoPolicy.scaledSize(3000, 4000, 320)).containsExactly(240, 320);
        assertThat(PhotoPolicy.scaledSize(800, 600, 1600)).containsExactly(800, 600);
        assertThat(PhotoPolicy.scaledSize(10000, 3, 320)).containsExactly(320, 1);
    }

    private static byte[] head(byte[] file) {
        return Arrays.copyOf(file, ImageType.SIGNATURE_LENGTH);
    }

    private static void assertRefused(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(BusinessRuleException.class,
                refused -> assertThat(refused.code()).isEqualTo(code));
    }
}
