package id.go.jambiprov.dumisake.disbursement.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The evidence file types accepted, recognised from the first bytes of the content: a name or a
 * Content-Type header can say anything.
 */
public enum EvidenceType {
    PDF("application/pdf", new byte[]{'%', 'P', 'D', 'F', '-'}),
    PNG("image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
    JPEG("image/jpeg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

    /** 5 MB. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private final String contentType;
    private final byte[] signature;

    EvidenceType(String contentType, byte[] signature) {
        this.contentType = contentType;
        this.signature = signature;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<EvidenceType> detect(byte[] content) {
        return Arrays.stream(values())
                .filter(type -> content.length >= type.signature.length
                        && Arrays.equals(content, 0, type.signature.length, type.signature, 0, type.signature.length))
                .findFirst();
    }
}
