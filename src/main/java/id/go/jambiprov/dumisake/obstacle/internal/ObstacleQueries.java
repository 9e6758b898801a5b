package id.go.jambiprov.dumisake.obstacle.internal;

import id.go.jambiprov.dumisake.account.OpdScope;
import id.go.jambiprov.dumisake.obstacle.ObstacleCategory;
import id.go.jambiprov.dumisake.obstacle.ObstacleDetails;
import id.go.jambiprov.dumisake.obstacle.ObstacleFilter;
import id.go.jambiprov.dumisake.obstacle.ObstacleStatus;
import id.go.jambiprov.dumisake.obstacle.ObstacleSummary;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The obstacles as lists and pages read them: SQL over the obstacle rows with the names of their allocation,
 * kecamatan and OPD, scoped to an operator's own OPD (another OPD's obstacle is "not found").
 */
@Service
@Transactional(readOnly = true)
public class ObstacleQueries {

    private final NamedParameterJdbcTemplate jdbc;

    ObstacleQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One page of the list: unresolved escalations first (they wait for the expert team), then the other unresolved
     * ones, then the resolved ones; within each, the oldest obstacle first.
     */
    public Page<ObstacleSummary> search(ObstacleFilter filter, Pageable pageable) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(filter, params);
        long total = jdbc.queryForObject("select count(*) from obstacle o" + where, params, Long.class);
        params.addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
        List<ObstacleSummary> rows = jdbc.query(SUMMARY + where + ORDER + " limit :limit offset :offset", params,
                SUMMARY_ROW);
        return new PageImpl<>(rows, pageable, total);
    }

    /** The obstacles of one allocation the caller may see, unresolved first. */
    public List<ObstacleSummary> ofAllocation(long allocationId) {
        MapSqlParameterSource params = new MapSqlParameterSource("allocationId", allocationId);
        return jdbc.query(SUMMARY + " where o.allocation_id = :allocationId" + OpdScope.sql("o.opd_code", params)
                + ORDER, params, SUMMARY_ROW);
    }

    public ObstacleDetails get(long id) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", id);
        return jdbc.query(DETAILS + " where o.id = :id" + OpdScope.sql("o.opd_code", params), params,
                        (rs, n) -> details(rs, followUps(id), comments(id)))
                .stream().findFirst().orElseThrow(() -> new NotFoundException("obstacle.notFound", id));
    }

    /** Whether the progress report exists and is a report of this allocation. */
    public boolean reportOfAllocation(long reportId, long allocationId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from progress_report where id = :report and allocation_id = :allocation)",
                new MapSqlParameterSource("report", reportId).addValue("allocation", allocationId), Boolean.class));
    }

    private List<ObstacleDetails.FollowUp> followUps(long id) {
        return jdbc.query("""
                        select id, action, responsible, due_date, created_at, created_by from obstacle_follow_up
                        where obstacle_id = :id order by id""", new MapSqlParameterSource("id", id),
                (rs, n) -> new ObstacleDetails.FollowUp(rs.getLong("id"), rs.getString("action"),
                        rs.getString("responsible"), rs.getObject("due_date", LocalDate.class),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by")));
    }

    private List<ObstacleDetails.Comment> comments(long id) {
        return jdbc.query("""
                        select id, text, created_at, created_by from obstacle_comment
                        where obstacle_id = :id order by id""", new MapSqlParameterSource("id", id),
                (rs, n) -> new ObstacleDetails.Comment(rs.getLong("id"), rs.getString("text"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by")));
    }

    private static String where(ObstacleFilter filter, MapSqlParameterSource params) {
        List<String> conditions = new ArrayList<>();
        conditions.add("true");
        if (filter.year() != null) {
            conditions.add("o.fiscal_year = :year");
            params.addValue("year", filter.year());
        }
        if (filter.opdCode() != null && !filter.opdCode().isBlank()) {
            conditions.add("o.opd_code = :opd");
            params.addValue("opd", filter.opdCode());
        }
        if (filter.kecamatanCode() != null && !filter.kecamatanCode().isBlank()) {
            conditions.add("o.kecamatan_code = :kecamatan");
            params.addValue("kecamatan", filter.kecamatanCode());
        }
        if (filter.status() != null) {
            conditions.add("o.status = :status");
            params.addValue("status", filter.status().name());
        }
        if (filter.category() != null) {
            conditions.add("o.category = :category");
            params.addValue("category", filter.category().name());
        }
        if (filter.escalated() != null) {
            conditions.add(filter.escalated() ? "o.escalated_at is not null" : "o.escalated_at is null");
        }
        return " where " + String.join(" and ", conditions) + OpdScope.sql("o.opd_code", params);
    }

    private static ObstacleDetails details(ResultSet rs, List<ObstacleDetails.FollowUp> followUps,
                                           List<ObstacleDetails.Comment> comments) throws SQLException {
        return new ObstacleDetails(rs.getLong("id"), rs.getLong("allocation_id"), rs.getString("allocation_title"),
                rs.getInt("fiscal_year"), rs.getString("opd_code"), rs.getString("opd_name"),
                rs.getString("kecamatan_code"), rs.getString("kecamatan_name"), rs.getString("kabupaten_kota_name"),
                (Long) rs.getObject("progress_report_id"), ObstacleCategory.valueOf(rs.getString("category")),
                rs.getString("description"), rs.getObject("since", LocalDate.class),
                ObstacleStatus.valueOf(rs.getString("status")), rs.getObject("escalated_at", OffsetDateTime.class),
                rs.getString("escalated_by"), rs.getString("resolution"),
                rs.getObject("resolved_at", OffsetDateTime.class), rs.getString("resolved_by"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"), rs.getLong("version"),
                followUps, comments);
    }

    private static final String ORDER =
            " order by (o.status = 'RESOLVED'), (o.escalated_at is null), o.since, o.resolved_at desc, o.id";

    private static final String FROM = """
            from obstacle o
            join allocation a on a.id = o.allocation_id
            join kecamatan c on c.code = o.kecamatan_code
            join kabupaten_kota k on k.code = c.kabupaten_kota_code
            """;

    private static final String SUMMARY = """
            select o.id, o.allocation_id, a.title as allocation_title, o.fiscal_year, o.opd_code, o.kecamatan_code,
                   c.name as kecamatan_name, k.name as kabupaten_kota_name, o.category, o.description, o.since,
                   o.status, o.escalated_at, o.created_at,
                   (select count(*) from obstacle_follow_up f where f.obstacle_id = o.id) as follow_ups,
                   (select count(*) from obstacle_comment m where m.obstacle_id = o.id) as comments
            """ + FROM;

    private static final String DETAILS = """
            select o.*, a.title as allocation_title, p.name as opd_name, c.name as kecamatan_name,
                   k.name as kabupaten_kota_name
            """ + FROM + " join opd p on p.code = o.opd_code";

    private static final RowMapper<ObstacleSummary> SUMMARY_ROW = (rs, n) -> new ObstacleSummary(rs.getLong("id"),
            rs.getLong("allocation_id"), rs.getString("allocation_title"), rs.getInt("fiscal_year"),
            rs.getString("opd_code"), rs.getString("kecamatan_code"), rs.getString("kecamatan_name"),
            rs.getString("kabupaten_kota_name"), ObstacleCategory.valueOf(rs.getString("category")),
            rs.getString("description"), rs.getObject("since", LocalDate.class),
            ObstacleStatus.valueOf(rs.getString("status")), rs.getObject("escalated_at", OffsetDateTime.class),
            rs.getInt("follow_ups"), rs.getInt("comments"), rs.getObject("created_at", OffsetDateTime.class));
}
