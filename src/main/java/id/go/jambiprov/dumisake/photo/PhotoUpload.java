package id.go.jambiprov.dumisake.photo;

/** A file sent as a field photo: the name the sender gave it and its bytes. */
public record PhotoUpload(String fileName, byte[] content) {
}
