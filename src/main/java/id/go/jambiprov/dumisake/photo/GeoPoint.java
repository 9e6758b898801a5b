package id.go.jambiprov.dumisake.photo;

/** A point on the earth in WGS 84 degrees, as GPS receivers and the GeoJSON boundaries state it. */
public record GeoPoint(double latitude, double longitude) {
}
