package id.go.jambiprov.dumisake.photo;

/**
 * A field photo on the map of its kecamatan, with the allocation and the month of its report.
 *
 * @param month the report's month, 1–12
 */
public record KecamatanPhoto(PhotoView photo, String allocationTitle, String opdCode, int year, int month) {
}
