package id.go.jambiprov.dumisake.photo.web;

import id.go.jambiprov.dumisake.photo.internal.ImageVariant;
import id.go.jambiprov.dumisake.photo.internal.PhotoQueries;
import id.go.jambiprov.dumisake.photo.internal.StoredImage;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The stored sizes of a field photo, to whoever may see its report. A photo never changes once stored, so the
 * browser may keep it a while, but only for itself: a shared cache must not hand it to another person.
 */
@Controller
class PhotoImageController {

    private static final CacheControl PRIVATE = CacheControl.maxAge(Duration.ofDays(7)).cachePrivate();

    private final PhotoQueries photos;

    PhotoImageController(PhotoQueries photos) {
        this.photos = photos;
    }

    @GetMapping("/foto-lapangan/{photoId}/{variant:original|tampilan|mini}")
    ResponseEntity<byte[]> image(@PathVariable long photoId, @PathVariable String variant) {
        StoredImage image = photos.image(photoId, ImageVariant.ofPath(variant).orElseThrow());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.contentType()))
                .cacheControl(PRIVATE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(image.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(image.content());
    }
}
