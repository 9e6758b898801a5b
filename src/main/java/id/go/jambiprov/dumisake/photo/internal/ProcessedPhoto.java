package id.go.jambiprov.dumisake.photo.internal;

import id.go.jambiprov.dumisake.photo.domain.ImageType;
import id.go.jambiprov.dumisake.photo.domain.PhotoFlags;

/** A photo that passed the rules, with its sizes made and its flags set, ready to be stored. */
record ProcessedPhoto(String fileName, ImageType type, byte[] original, int width, int height, CameraFacts camera,
                      PhotoFlags flags, byte[] display, byte[] thumbnail) {
}
