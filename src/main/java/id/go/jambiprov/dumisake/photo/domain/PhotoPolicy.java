package id.go.jambiprov.dumisake.photo.domain;

import id.go.jambiprov.dumisake.shared.BusinessRuleException;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The rules of a field photo, in the order an upload meets them: a JPEG or PNG by its bytes, at most 10 MB, at
 * most 50 megapixels by its header (checked before a single pixel is decoded: 60 MP would take 240 MB of heap),
 * then the flags that its EXIF date and GPS point earn it. Also the sizes it is shown at.
 */
public final class PhotoPolicy {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final long MAX_PIXELS = 50_000_000L;
    /** The longest edge of the size shown on pages. */
    public static final int DISPLAY_EDGE = 1600;
    /** The longest edge of the thumbnail of lists and map pins. */
    public static final int THUMBNAIL_EDGE = 320;
    /** The zone of a camera clock that wrote no offset: the photos are taken in Jambi. */
    public static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    private PhotoPolicy() {
    }

    /**
     * @param size the file's length in bytes
     * @param head its first {@link ImageType#SIGNATURE_LENGTH} bytes (fewer for a shorter file)
     * @return the file's type
     */
    public static ImageType requireAcceptableFile(long size, byte[] head) {
        requireAcceptableSize(size);
        return ImageType.sniff(head)
                .orElseThrow(() -> new BusinessRuleException("PHOTO_TYPE", "photo.error.type"));
    }

    /** The length alone, checked before an upload is read into memory. */
    public static void requireAcceptableSize(long size) {
        if (size <= 0) {
            throw new BusinessRuleException("PHOTO_EMPTY", "photo.error.empty");
        }
        if (size > MAX_BYTES) {
            throw new BusinessRuleException("PHOTO_TOO_LARGE", "photo.error.tooLarge", MAX_BYTES / (1024 * 1024))
                    .with("maxBytes", MAX_BYTES);
        }
    }

    /** The width and height as the file's header states them, before anything is decoded. */
    public static void requireAcceptableDimensions(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new BusinessRuleException("PHOTO_UNREADABLE", "photo.error.unreadable");
        }
        long pixels = (long) width * height;
        if (pixels > MAX_PIXELS) {
            throw new BusinessRuleException("PHOTO_TOO_MANY_PIXELS", "photo.error.tooManyPixels",
                    Math.round(pixels / 1_000_000d), MAX_PIXELS / 1_000_000, width, height)
                    .with("width", width).with("height", height).with("maxPixels", MAX_PIXELS);
        }
    }

    /**
     * The moment of an EXIF DateTimeOriginal: at its own offset when the camera wrote one
     * (OffsetTimeOriginal), else read as WIB.
     */
    public static OffsetDateTime takenAt(LocalDateTime cameraTime, ZoneOffset cameraOffset) {
        return cameraOffset != null ? cameraTime.atOffset(cameraOffset) : cameraTime.atZone(WIB).toOffsetDateTime();
    }

    /**
     * @param takenAt          when the photo was taken, null when it carries no date
     * @param hasGps           whether it carries a GPS point
     * @param insideKecamatan  whether that point lies in the allocation's kecamatan (ignored without one)
     * @param reportMonth      the month the progress report is about
     */
    public static PhotoFlags flags(OffsetDateTime takenAt, boolean hasGps, boolean insideKecamatan,
                                   YearMonth reportMonth) {
        boolean inMonth = takenAt != null
                && YearMonth.from(takenAt.atZoneSameInstant(WIB)).equals(reportMonth);
        return new PhotoFlags(!hasGps, hasGps && !insideKecamatan, !inMonth);
    }

    /**
     * The size an image of {@code width}×{@code height} is shown at when its longest edge may be at most
     * {@code maxEdge}: never enlarged, the proportions kept, at least one pixel each way.
     */
    public static int[] scaledSize(int width, int height, int maxEdge) {
        int longest = Math.max(width, height);
        if (longest <= maxEdge) {
            return new int[] {width, height};
        }
        double factor = (double) maxEdge / longest;
        return new int[] {Math.max(1, (int) Math.round(width * factor)), Math.max(1, (int) Math.round(height * factor))};
    }
}
