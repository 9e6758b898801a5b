package id.go.jambiprov.dumisake.photo;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A field photo of a progress report as pages, the API and the map show it.
 *
 * @param takenAt          the EXIF date, null when the file carries none
 * @param latitude         the EXIF GPS point, both null when the file carries none
 * @param outsideMonth     not taken in the report's month (or carries no date to tell)
 * @param flagged          any of the three flags: doubtful as evidence, though kept
 */
public record PhotoView(long id, long reportId, long allocationId, String fileName, String contentType,
                        int sizeBytes, int width, int height, OffsetDateTime takenAt, BigDecimal latitude,
                        BigDecimal longitude, boolean withoutGps, boolean outsideKecamatan, boolean outsideMonth,
                        boolean flagged, OffsetDateTime uploadedAt, String uploadedBy, Urls urls) {

    /** The addresses of the stored original, the display size and the thumbnail. */
    public record Urls(String original, String display, String thumbnail) {

        public static Urls of(long photoId) {
            String base = "/foto-lapangan/" + photoId;
            return new Urls(base + "/original", base + "/tampilan", base + "/mini");
        }
    }
}
