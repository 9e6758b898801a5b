package id.go.jambiprov.dumisake.photo.internal;

/** The bytes of one size of a photo, with what a response needs to serve them. */
public record StoredImage(String fileName, String contentType, byte[] content) {
}
