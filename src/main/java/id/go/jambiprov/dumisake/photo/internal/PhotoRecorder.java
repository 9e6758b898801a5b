package id.go.jambiprov.dumisake.photo.internal;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.photo.PhotoReport;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stores a processed photo, its three sizes and its audit event in one transaction. The fiscal year is read
 * again here, under a share lock, so that a year closed while the photo was being scaled gets nothing added.
 */
@Service
@Transactional
class PhotoRecorder {

    static final String ENTITY = "ProgressPhoto";

    private final NamedParameterJdbcTemplate jdbc;
    private final AuditTrail audit;

    PhotoRecorder(NamedParameterJdbcTemplate jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    long record(PhotoReport report, ProcessedPhoto photo) {
        requireOpenYear(report.fiscalYear());
        BigDecimal latitude = photo.camera().location() == null ? null : degrees(photo.camera().location().latitude());
        BigDecimal longitude = photo.camera().location() == null ? null : degrees(photo.camera().location().longitude());
        MapSqlParameterSource params = new MapSqlParameterSource("report", report.reportId())
                .addValue("name", photo.fileName()).addValue("type", photo.type().contentType())
                .addValue("size", photo.original().length).addValue("width", photo.width())
                .addValue("height", photo.height()).addValue("takenAt", photo.camera().takenAt())
                .addValue("latitude", latitude).addValue("longitude", longitude)
                .addValue("withoutGps", photo.flags().withoutGps())
                .addValue("outsideKecamatan", photo.flags().outsideKecamatan())
                .addValue("outsideMonth", photo.flags().outsideMonth()).addValue("by", CurrentUser.username());
        Long id = jdbc.queryForObject("""
                insert into progress_photo (report_id, file_name, content_type, size_bytes, width, height, taken_at,
                                            latitude, longitude, without_gps, outside_kecamatan, outside_month,
                                            uploaded_by)
                values (:report, :name, :type, :size, :width, :height, :takenAt, :latitude, :longitude, :withoutGps,
                        :outsideKecamatan, :outsideMonth, :by)
                returning id""", params, Long.class);
        jdbc.update("""
                insert into progress_photo_content (photo_id, original, display, thumbnail)
                values (:id, :original, :display, :thumbnail)""", new MapSqlParameterSource("id", id)
                .addValue("original", photo.original()).addValue("display", photo.display())
                .addValue("thumbnail", photo.thumbnail()));
        audit.record("PHOTO_UPLOADED", ENTITY, id, null, state(report, photo, latitude, longitude));
        return id;
    }

    private void requireOpenYear(int year) {
        String status = jdbc.queryForObject("select status from fiscal_year where year = :year for share",
                new MapSqlParameterSource("year", year), String.class);
        if ("CLOSED".equals(status)) {
            throw new BusinessRuleException("FISCAL_YEAR_CLOSED", "photo.error.yearClosed", year);
        }
    }

    /** Six decimals, about 11 cm: what the column keeps and more than any phone's GPS knows. */
    private static BigDecimal degrees(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
    }

    /** Field names of their own: the audit labels of every capability share one set of keys. */
    private static Map<String, Object> state(PhotoReport report, ProcessedPhoto photo, BigDecimal latitude,
                                             BigDecimal longitude) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("photoFile", photo.fileName());
        state.put("photoAllocation", report.allocationTitle());
        state.put("photoReportMonth", report.reportMonth().toString());
        state.put("photoReportId", report.reportId());
        state.put("photoSizeBytes", photo.original().length);
        state.put("photoTakenAt", photo.camera().takenAt() == null ? null : photo.camera().takenAt().toString());
        state.put("photoLatitude", latitude);
        state.put("photoLongitude", longitude);
        state.put("photoWithoutGps", photo.flags().withoutGps());
        state.put("photoOutsideKecamatan", photo.flags().outsideKecamatan());
        state.put("photoOutsideMonth", photo.flags().outsideMonth());
        return state;
    }
}
