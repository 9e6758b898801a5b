package id.go.jambiprov.dumisake.photo;

import id.go.jambiprov.dumisake.photo.internal.KecamatanBoundaries;
import id.go.jambiprov.dumisake.photo.internal.PhotoQueries;
import id.go.jambiprov.dumisake.photo.internal.PhotoUploads;
import id.go.jambiprov.dumisake.photo.internal.ReportReads;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/**
 * What the other capabilities may ask of the field photos: add one to a progress report (through every rule of
 * an upload), list a report's or a kecamatan's as the caller may see them, and a point inside a kecamatan.
 */
@Service
public class FieldPhotos {

    private final PhotoUploads uploads;
    private final PhotoQueries queries;
    private final ReportReads reports;
    private final KecamatanBoundaries boundaries;

    FieldPhotos(PhotoUploads uploads, PhotoQueries queries, ReportReads reports, KecamatanBoundaries boundaries) {
        this.uploads = uploads;
        this.queries = queries;
        this.reports = reports;
        this.boundaries = boundaries;
    }

    public PhotoView upload(long reportId, PhotoUpload upload) {
        return uploads.upload(null, reportId, upload);
    }

    public List<PhotoView> ofReport(long reportId) {
        reports.visible(reportId);
        return queries.ofReport(reportId);
    }

    /** As {@link #ofReport(long)}, for a report named under its allocation: under another one it is "not found". */
    public List<PhotoView> ofReport(long allocationId, long reportId) {
        if (reports.visible(reportId).allocationId() != allocationId) {
            throw ReportReads.notFound(reportId);
        }
        return queries.ofReport(reportId);
    }

    /** The report a photo page is about, as the caller may see it. */
    public PhotoReport report(long reportId) {
        return reports.visible(reportId);
    }

    public List<KecamatanPhoto> ofKecamatan(String kecamatanCode, int year) {
        return queries.ofKecamatan(kecamatanCode, year);
    }

    /** Whether any photo is stored at all (the demo adds its photos only to a database without any). */
    public boolean hasPhotos() {
        return queries.anyStored();
    }

    /** Progress reports of open years without a photo yet, oldest first, at most {@code limit}. */
    public List<PhotoReport> reportsWithoutPhotos(int limit) {
        return reports.withoutPhotos(limit);
    }

    /** A point surely inside the kecamatan's boundary, if the map has one for it. */
    public Optional<GeoPoint> pointInside(String kecamatanCode) {
        return boundaries.interiorPoint(kecamatanCode);
    }
}
