package id.go.jambiprov.dumisake.photo.internal;

import java.util.Arrays;
import java.util.Optional;

/** The stored sizes of a photo, by the last word of their address. */
public enum ImageVariant {
    ORIGINAL("original", "original"),
    DISPLAY("tampilan", "display"),
    THUMBNAIL("mini", "thumbnail");

    private final String path;
    private final String column;

    ImageVariant(String path, String column) {
        this.path = path;
        this.column = column;
    }

    String column() {
        return column;
    }

    public static Optional<ImageVariant> ofPath(String path) {
        return Arrays.stream(values()).filter(variant -> variant.path.equals(path)).findFirst();
    }
}
