package id.go.jambiprov.dumisake.photo.domain;

/**
 * What makes a photo doubtful as evidence. It is kept all the same, and shown flagged on the report and the map.
 *
 * @param withoutGps       the file carries no GPS point
 * @param outsideKecamatan its GPS point lies outside the allocation's kecamatan
 * @param outsideMonth     it was not taken in the report's month (WIB), or carries no date to tell
 */
public record PhotoFlags(boolean withoutGps, boolean outsideKecamatan, boolean outsideMonth) {

    public boolean any() {
        return withoutGps || outsideKecamatan || outsideMonth;
    }
}
