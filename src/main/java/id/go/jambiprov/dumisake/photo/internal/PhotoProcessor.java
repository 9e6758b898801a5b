package id.go.jambiprov.dumisake.photo.internal;

import id.go.jambiprov.dumisake.photo.PhotoReport;
import id.go.jambiprov.dumisake.photo.PhotoUpload;
import id.go.jambiprov.dumisake.photo.domain.ImageType;
import id.go.jambiprov.dumisake.photo.domain.PhotoFlags;
import id.go.jambiprov.dumisake.photo.domain.PhotoPolicy;
import id.go.jambiprov.dumisake.shared.UploadedFileName;
import org.springframework.stereotype.Component;

import java.util.Arrays;

/**
 * Takes an uploaded file through {@link PhotoPolicy} in the order that costs least on a refusal: its length and
 * first bytes, then the dimensions of its header, and only then the metadata and the pixels. Holds no database
 * connection: the pixel work of a large photo takes a good part of a second.
 */
@Component
class PhotoProcessor {

    private final KecamatanBoundaries boundaries;

    PhotoProcessor(KecamatanBoundaries boundaries) {
        this.boundaries = boundaries;
    }

    ProcessedPhoto process(PhotoUpload upload, PhotoReport report) {
        byte[] content = upload.content();
        ImageType type = PhotoPolicy.requireAcceptableFile(content.length,
                Arrays.copyOf(content, Math.min(content.length, ImageType.SIGNATURE_LENGTH)));
        int[] size = ScaledImages.dimensions(content, type);
        PhotoPolicy.requireAcceptableDimensions(size[0], size[1]);
        CameraFacts camera = CameraMetadata.read(content);
        boolean hasGps = camera.location() != null;
        PhotoFlags flags = PhotoPolicy.flags(camera.takenAt(), hasGps,
                hasGps && boundaries.contains(report.kecamatanCode(), camera.location()), report.reportMonth());
        ScaledImages.Scaled scaled = ScaledImages.scale(content, type, camera.orientation());
        return new ProcessedPhoto(UploadedFileName.of(upload.fileName(), "foto." + type.formatName()), type, content,
                size[0], size[1], camera, flags, scaled.display(), scaled.thumbnail());
    }
}
