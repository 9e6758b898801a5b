package id.go.jambiprov.dumisake.notification.internal;

import id.go.jambiprov.dumisake.notification.NotificationKind;
import id.go.jambiprov.dumisake.notification.NotificationView;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The inbox as its recipient reads it; every query takes the recipient, so nobody reads another's. */
@Repository
public class NotificationQueries {

    private static final String SELECT = "select n.id, n.kind, n.params, n.link, n.created_at, n.read_at from notification n";

    private final NamedParameterJdbcTemplate jdbc;
    private final NotificationText text;

    NotificationQueries(NamedParameterJdbcTemplate jdbc, NotificationText text) {
        this.jdbc = jdbc;
        this.text = text;
    }

    /** One indexed count (the partial index on unread rows), for the navigation of every page. */
    public long unreadCount(String username) {
        return jdbc.queryForObject("select count(*) from notification where recipient = :recipient and read_at is null",
                new MapSqlParameterSource("recipient", username), Long.class);
    }

    /** Whether the person has any notification, read or not: stops at the first. */
    public boolean any(String username) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from notification where recipient = :recipient)",
                new MapSqlParameterSource("recipient", username), Boolean.class));
    }

    /** Newest first. */
    public Page<NotificationView> page(String username, boolean unreadOnly, Pageable pageable, Locale locale) {
        MapSqlParameterSource params = new MapSqlParameterSource("recipient", username);
        String where = " where n.recipient = :recipient" + (unreadOnly ? " and n.read_at is null" : "");
        long total = jdbc.queryForObject("select count(*) from notification n" + where, params, Long.class);
        params.addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
        List<NotificationView> rows = jdbc.query(SELECT + where
                + " order by n.created_at desc, n.id desc limit :limit offset :offset", params, row(locale));
        return new PageImpl<>(rows, pageable, total);
    }

    public Optional<NotificationView> get(long id, String username, Locale locale) {
        return jdbc.query(SELECT + " where n.id = :id and n.recipient = :recipient",
                new MapSqlParameterSource("id", id).addValue("recipient", username), row(locale)).stream().findFirst();
    }

    /** What the daily digest lists for a person: unread and not mailed yet, oldest first. */
    List<NotificationView> unmailed(String username, Locale locale) {
        return jdbc.query(SELECT + " where n.recipient = :recipient and n.read_at is null and n.mailed_at is null"
                + " order by n.created_at, n.id", new MapSqlParameterSource("recipient", username), row(locale));
    }

    /** Everybody the daily digest has something for: enabled, with an e-mail address. */
    List<DigestRecipient> digestRecipients() {
        return jdbc.query("""
                select u.username, u.full_name, u.email from user_account u
                where u.enabled and coalesce(trim(u.email), '') <> ''
                  and exists (select 1 from notification n
                              where n.recipient = u.username and n.read_at is null and n.mailed_at is null)
                order by u.username""", (rs, i) -> new DigestRecipient(rs.getString("username"),
                rs.getString("full_name"), rs.getString("email").strip()));
    }

    private RowMapper<NotificationView> row(Locale locale) {
        return (rs, i) -> {
            NotificationKind kind = NotificationKind.valueOf(rs.getString("kind"));
            return new NotificationView(rs.getLong("id"), kind, text.sentence(kind, params(rs), locale),
                    rs.getString("link"), rs.getObject("created_at", OffsetDateTime.class),
                    rs.getObject("read_at") != null);
        };
    }

    private static List<String> params(ResultSet rs) throws SQLException {
        Array array = rs.getArray("params");
        return List.of((String[]) array.getArray());
    }
}
