package id.go.jambiprov.dumisake.beneficiary.internal;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The import jobs as their pages show them, in the caller's scope (null: every OPD's). */
@Component
class ImportJobQueries {

    private final NamedParameterJdbcTemplate jdbc;
    private final JsonMapper json;

    ImportJobQueries(NamedParameterJdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The job, if the caller may see it: admins see every job, an operator those of their OPD. */
    Optional<ImportJobView> find(long id, String scope) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", id).addValue("scope", scope);
        return jdbc.query(SELECT + " where id = :id" + (scope == null ? "" : " and opd_code = :scope"), params, row())
                .stream().findFirst();
    }

    /** The latest jobs the caller may see, newest first. */
    List<ImportJobView> latest(String scope, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("scope", scope).addValue("limit", limit);
        return jdbc.query(SELECT + (scope == null ? "" : " where opd_code = :scope") + " order by id desc limit :limit",
                params, row());
    }

    private static final String SELECT = """
            select id, file_name, status, phase, opd_code, created_by, created_at, finished_at, rows_read,
                   rows_validated, records_to_write, records_written, beneficiaries_created, aid_created, error_count,
                   error_preview::text as error_preview, failure_code, failure_message
            from beneficiary_import""";

    private RowMapper<ImportJobView> row() {
        return (rs, n) -> new ImportJobView(rs.getLong("id"), rs.getString("file_name"),
                ImportJobStatus.valueOf(rs.getString("status")), ImportPhase.valueOf(rs.getString("phase")),
                rs.getString("opd_code"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class), rs.getInt("rows_read"), rs.getInt("rows_validated"),
                rs.getInt("records_to_write"), rs.getInt("records_written"), rs.getInt("beneficiaries_created"),
                rs.getInt("aid_created"), rs.getInt("error_count"), preview(rs.getString("error_preview")),
                rs.getString("failure_code"), rs.getString("failure_message"));
    }

    private List<ImportError> preview(String text) {
        return text == null ? List.of() : json.readValue(text, new TypeReference<List<ImportError>>() {
        });
    }
}
