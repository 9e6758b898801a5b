package id.go.jambiprov.dumisake.photo.internal;

import id.go.jambiprov.dumisake.photo.PhotoUpload;
import id.go.jambiprov.dumisake.photo.domain.PhotoPolicy;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A multipart file as a photo upload, its length checked before its bytes are read into the heap. */
public final class UploadedPhotos {

    private UploadedPhotos() {
    }

    public static PhotoUpload read(MultipartFile file) {
        PhotoPolicy.requireAcceptableSize(file == null ? 0 : file.getSize());
        try {
            return new PhotoUpload(file.getOriginalFilename(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
