/**
 * Field photos of the monthly progress reports (foto lapangan): checked, measured and scaled on upload, their
 * EXIF date and GPS point compared with the report's month and its kecamatan, served to whoever may see the
 * report and pinned on the kecamatan map. Others use {@link id.go.jambiprov.dumisake.photo.FieldPhotos}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Foto lapangan",
        allowedDependencies = {"account", "audit", "shared"})
package id.go.jambiprov.dumisake.photo;
