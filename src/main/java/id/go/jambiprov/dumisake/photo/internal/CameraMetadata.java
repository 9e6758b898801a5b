package id.go.jambiprov.dumisake.photo.internal;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import id.go.jambiprov.dumisake.photo.GeoPoint;
import id.go.jambiprov.dumisake.photo.domain.PhotoPolicy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Reads the EXIF date, GPS point and orientation with metadata-extractor, which reads the metadata segments
 * only, never the pixels. A file whose metadata is damaged is not refused for it: it simply has no date or point
 * (and is flagged for that).
 */
final class CameraMetadata {

    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

    private CameraMetadata() {
    }

    static CameraFacts read(byte[] image) {
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(image), image.length);
        } catch (ImageProcessingException | IOException | RuntimeException damaged) {
            return CameraFacts.NONE;
        }
        return new CameraFacts(takenAt(metadata), location(metadata), orientation(metadata));
    }

    private static OffsetDateTime takenAt(Metadata metadata) {
        ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        if (exif == null) {
            return null;
        }
        String time = exif.getString(ExifDirectoryBase.TAG_DATETIME_ORIGINAL);
        String offset = exif.getString(ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL);
        try {
            return time == null ? null : PhotoPolicy.takenAt(LocalDateTime.parse(time.strip(), EXIF_TIME),
                    offset == null || offset.isBlank() ? null : ZoneOffset.of(offset.strip()));
        } catch (DateTimeException unreadable) {
            return null;
        }
    }

    private static GeoPoint location(Metadata metadata) {
        GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
        GeoLocation location = gps == null ? null : gps.getGeoLocation();
        if (location == null || location.isZero() || Math.abs(location.getLatitude()) > 90
                || Math.abs(location.getLongitude()) > 180) {
            return null;
        }
        return new GeoPoint(location.getLatitude(), location.getLongitude());
    }

    private static int orientation(Metadata metadata) {
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        try {
            return ifd0 != null && ifd0.containsTag(ExifDirectoryBase.TAG_ORIENTATION)
                    ? ifd0.getInt(ExifDirectoryBase.TAG_ORIENTATION) : 1;
        } catch (MetadataException unreadable) {
            return 1;
        }
    }
}
