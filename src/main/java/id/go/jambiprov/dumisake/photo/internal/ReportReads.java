package id.go.jambiprov.dumisake.photo.internal;

import id.go.jambiprov.dumisake.account.OpdScope;
import id.go.jambiprov.dumisake.photo.PhotoReport;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The progress reports as this capability needs them, read from the progress and allocation tables: the
 * reports are another capability's records, and only their allocation, month, kecamatan and OPD matter here.
 */
@Component
public class ReportReads {

    private static final String SELECT = """
            select r.id, r.allocation_id, a.title, r.fiscal_year, r.month, a.kecamatan_code, k.name as kecamatan_name,
                   a.opd_code, o.name as opd_name, fy.status = 'CLOSED' as year_closed
            from progress_report r
            join allocation a on a.id = r.allocation_id
            join kecamatan k on k.code = a.kecamatan_code
            join opd o on o.code = a.opd_code
            join fiscal_year fy on fy.year = r.fiscal_year
            """;

    private static final RowMapper<PhotoReport> ROW = (rs, row) -> new PhotoReport(rs.getLong("id"),
            rs.getLong("allocation_id"), rs.getString("title"), rs.getInt("fiscal_year"), rs.getInt("month"),
            rs.getString("kecamatan_code"), rs.getString("kecamatan_name"), rs.getString("opd_code"),
            rs.getString("opd_name"), rs.getBoolean("year_closed"));

    private final NamedParameterJdbcTemplate jdbc;

    ReportReads(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @throws NotFoundException when there is no such report or the caller's OPD may not see it
     */
    public PhotoReport visible(long reportId) {
        PhotoReport report = jdbc.query(SELECT + "where r.id = :id", new MapSqlParameterSource("id", reportId), ROW)
                .stream().findFirst().orElseThrow(() -> notFound(reportId));
        OpdScope.check(report.opdCode(), () -> notFound(reportId));
        return report;
    }

    /**
     * Reports of open years that have no photo yet, the latest of one kecamatan each, the kecamatan in an order
     * that scatters them over the province (by a hash of the code): where the demo photos go.
     */
    public List<PhotoReport> withoutPhotos(int limit) {
        return jdbc.query("select * from (select distinct on (x.kecamatan_code) x.* from (" + SELECT + """
                where fy.status = 'OPEN' and a.status = 'ACTIVE'
                  and not exists (select 1 from progress_photo p where p.report_id = r.id)) x
                order by x.kecamatan_code, x.fiscal_year desc, x.month desc, x.id) latest
                order by hashtext(kecamatan_code), id
                limit :limit""", new MapSqlParameterSource("limit", limit), ROW);
    }

    public static NotFoundException notFound(long reportId) {
        return new NotFoundException("photo.reportNotFound", reportId);
    }
}
