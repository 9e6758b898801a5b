package id.go.jambiprov.dumisake.photo.internal;

import id.go.jambiprov.dumisake.photo.GeoPoint;

import java.time.OffsetDateTime;

/**
 * What the camera wrote into the file.
 *
 * @param takenAt     EXIF DateTimeOriginal, null when absent or unreadable
 * @param location    the EXIF GPS point, null when absent
 * @param orientation EXIF Orientation (1 upright, 3 upside down, 6 and 8 turned a quarter), 1 when absent
 */
record CameraFacts(OffsetDateTime takenAt, GeoPoint location, int orientation) {

    static final CameraFacts NONE = new CameraFacts(null, null, 1);
}
