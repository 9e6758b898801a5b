package id.go.jambiprov.dumisake.photo.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of picture a field photo may be, recognised by the first bytes of the file: a name or a
 * Content-Type is whatever the sender chose to write.
 */
public enum ImageType {
    JPEG("image/jpeg", "jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    /** The bytes sniffing needs at most. */
    public static final int SIGNATURE_LENGTH = 8;

    private final String contentType;
    private final String formatName;
    private final byte[] signature;

    ImageType(String contentType, String formatName, byte[] signature) {
        this.contentType = contentType;
        this.formatName = formatName;
        this.signature = signature;
    }

    public String contentType() {
        return contentType;
    }

    /** The name ImageIO knows its reader by. */
    public String formatName() {
        return formatName;
    }

    public static Optional<ImageType> sniff(byte[] head) {
        return Arrays.stream(values())
                .filter(type -> head.length >= type.signature.length
                        && Arrays.equals(head, 0, type.signature.length, type.signature, 0, type.signature.length))
                .findFirst();
    }
}
