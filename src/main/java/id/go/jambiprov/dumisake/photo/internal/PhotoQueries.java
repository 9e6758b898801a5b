package id.go.jambiprov.dumisake.photo.internal;

import id.go.jambiprov.dumisake.account.OpdScope;
import id.go.jambiprov.dumisake.photo.KecamatanPhoto;
import id.go.jambiprov.dumisake.photo.PhotoView;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The photos as the caller may see them: the expert team and admins every one, an operator its own OPD's (any
 * other is "not found"). Lists never load the bytes, which live in {@code progress_photo_content}.
 */
@Component
public class PhotoQueries {

    private static final String SELECT = """
            select p.id, p.report_id, r.allocation_id, p.file_name, p.content_type, p.size_bytes, p.width, p.height,
                   p.taken_at, p.latitude, p.longitude, p.without_gps, p.outside_kecamatan, p.outside_month,
                   p.uploaded_at, p.uploaded_by, a.title, a.opd_code, r.fiscal_year, r.month
            from progress_photo p
            join progress_report r on r.id = p.report_id
            join allocation a on a.id = r.allocation_id
            """;

    private static final RowMapper<PhotoView> VIEW = (rs, row) -> view(rs);

    private final NamedParameterJdbcTemplate jdbc;

    PhotoQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The photos of a report the caller may see ({@link ReportReads#visible} checked that), oldest first. */
    public List<PhotoView> ofReport(long reportId) {
        return jdbc.query(SELECT + "where p.report_id = :report order by p.id",
                new MapSqlParameterSource("report", reportId), VIEW);
    }

    public PhotoView get(long id) {
        return jdbc.query(SELECT + "where p.id = :id", new MapSqlParameterSource("id", id), (rs, row) -> {
            OpdScope.check(rs.getString("opd_code"), () -> notFound(id));
            return view(rs);
        }).stream().findFirst().orElseThrow(() -> notFound(id));
    }

    /** The year's photos of a kecamatan that the caller may see, the flagged first, then newest report month first. */
    public List<KecamatanPhoto> ofKecamatan(String kecamatanCode, int year) {
        MapSqlParameterSource params = new MapSqlParameterSource("kecamatan", kecamatanCode).addValue("year", year);
        return jdbc.query(SELECT + "where a.kecamatan_code = :kecamatan and r.fiscal_year = :year"
                        + OpdScope.sql("a.opd_code", params)
                        + " order by (p.without_gps or p.outside_kecamatan or p.outside_month) desc, r.month desc, p.id",
                params, (rs, row) -> new KecamatanPhoto(view(rs), rs.getString("title"), rs.getString("opd_code"),
                        rs.getInt("fiscal_year"), rs.getInt("month")));
    }

    public boolean anyStored() {
        return Boolean.TRUE.equals(jdbc.getJdbcTemplate().queryForObject(
                "select exists (select 1 from progress_photo)", Boolean.class));
    }

    /** One stored size of a photo, for a caller who may see its report. */
    public StoredImage image(long id, ImageVariant variant) {
        return jdbc.query("""
                        select p.file_name, p.content_type, a.opd_code, c.""" + variant.column() + """
                         as content
                        from progress_photo p
                        join progress_photo_content c on c.photo_id = p.id
                        join progress_report r on r.id = p.report_id
                        join allocation a on a.id = r.allocation_id
                        where p.id = :id""", new MapSqlParameterSource("id", id), (rs, row) -> {
                    OpdScope.check(rs.getString("opd_code"), () -> notFound(id));
                    // the smaller sizes are always JPEG, whatever the original was
                    return variant == ImageVariant.ORIGINAL
                            ? new StoredImage(rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content"))
                            : new StoredImage(displayName(rs.getString("file_name")), "image/jpeg", rs.getBytes("content"));
                }).stream().findFirst().orElseThrow(() -> notFound(id));
    }

    private static String displayName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return (dot > 0 ? fileName.substring(0, dot) : fileName) + ".jpg";
    }

    private static PhotoView view(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        boolean withoutGps = rs.getBoolean("without_gps");
        boolean outsideKecamatan = rs.getBoolean("outside_kecamatan");
        boolean outsideMonth = rs.getBoolean("outside_month");
        return new PhotoView(id, rs.getLong("report_id"), rs.getLong("allocation_id"), rs.getString("file_name"),
                rs.getString("content_type"), rs.getInt("size_bytes"), rs.getInt("width"), rs.getInt("height"),
                rs.getObject("taken_at", OffsetDateTime.class), rs.getBigDecimal("latitude"),
                rs.getBigDecimal("longitude"), withoutGps, outsideKecamatan, outsideMonth,
                withoutGps || outsideKecamatan || outsideMonth, rs.getObject("uploaded_at", OffsetDateTime.class),
                rs.getString("uploaded_by"), PhotoView.Urls.of(id));
    }

    public static NotFoundException notFound(long photoId) {
        return new NotFoundException("photo.notFound", photoId);
    }
}
