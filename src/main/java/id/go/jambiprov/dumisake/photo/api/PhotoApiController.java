package id.go.jambiprov.dumisake.photo.api;

import id.go.jambiprov.dumisake.photo.FieldPhotos;
import id.go.jambiprov.dumisake.photo.KecamatanPhoto;
import id.go.jambiprov.dumisake.photo.PhotoView;
import id.go.jambiprov.dumisake.photo.internal.PhotoUploads;
import id.go.jambiprov.dumisake.photo.internal.UploadedPhotos;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.net.URI;
import java.util.List;

/**
 * Field photos for scripts and for the maps' own scripts: upload one to a progress report (multipart
 * {@code file}), list a report's, and a kecamatan's of a year with their GPS points for the pins.
 */
@RestController
class PhotoApiController {

    private static final String REPORT_PHOTOS = "/api/v1/allocations/{allocationId}/progress-reports/{reportId}/photos";

    private final PhotoUploads uploads;
    private final FieldPhotos photos;

    PhotoApiController(PhotoUploads uploads, FieldPhotos photos) {
        this.uploads = uploads;
        this.photos = photos;
    }

    @PostMapping(path = REPORT_PHOTOS, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<PhotoView> upload(@PathVariable long allocationId, @PathVariable long reportId,
                                     @RequestParam("file") MultipartFile file) {
        PhotoView photo = uploads.upload(allocationId, reportId, UploadedPhotos.read(file));
        return ResponseEntity.created(URI.create(photo.urls().original())).body(photo);
    }

    @GetMapping(REPORT_PHOTOS)
    List<PhotoView> ofReport(@PathVariable long allocationId, @PathVariable long reportId) {
        return photos.ofReport(allocationId, reportId);
    }

    @GetMapping("/api/v1/kecamatan/{kecamatanCode}/photos")
    List<KecamatanPhoto> ofKecamatan(@PathVariable String kecamatanCode, @RequestParam int year) {
        return photos.ofKecamatan(kecamatanCode, year);
    }
}
