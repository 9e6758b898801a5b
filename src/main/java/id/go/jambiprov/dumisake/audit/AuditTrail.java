package id.go.jambiprov.dumisake.audit;

import id.go.jambiprov.dumisake.shared.SystemAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Records who changed what, before → after, in the transaction of the change itself: if the change
 * rolls back, so does its audit event, and a change cannot commit without one.
 */
@Service
public class AuditTrail {

    /** The name recorded for work nobody signed in for: start-up data, scheduled jobs. */
    public static final String SYSTEM = SystemAuthentication.USERNAME;

    /*
     * The table is named with its schema here and wherever the application reads or writes it: unqualified,
     * a temporary table of the same name would take its place, since pg_temp comes first in the search path
     * (before the role's own search_path setting, which any session may change). One created on a pooled
     * connection would swallow every event written through it and restart every count read from it (NIK
     * searches, logins). The prod profile also refuses a runtime role that may create temporary tables
     * (shared/db/RuntimeRoleCheck).
     */
    private static final String INSERT = """
            insert into public.audit_event (username, client_address, action, entity_type, entity_id,
                                            before_state, after_state)
            values (?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))""";
    /** Many created records at once, in the order of the arrays (so their events' ids follow it too). */
    private static final String INSERT_CREATED = """
            insert into public.audit_event (username, client_address, action, entity_type, entity_id, after_state)
            select ?, ?, ?, ?, created.id, cast(created.state as jsonb)
            from unnest(cast(? as text[]), cast(? as text[])) with ordinality as created (id, state, n)
            order by created.n""";
    private static final int CREATED_PER_STATEMENT = 5_000;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    AuditTrail(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * @param before the record's state before the change as a map or record, {@code null} when created
     * @param after  its state after the change, {@code null} when deleted
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entityType, Object entityId, Object before, Object after) {
        recordAs(currentUsername(), action, entityType, entityId, before, after);
    }

    /**
     * As {@link #record}, for the moments when nobody is signed in yet but we know who it is about: a
     * login, successful or not, is recorded under the username that was typed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAs(String username, String action, String entityType, Object entityId, Object before,
                         Object after) {
        jdbc.update(INSERT, username, clientAddress(), action, entityType,
                entityId == null ? null : entityId.toString(), toJson(before), toJson(after));
    }

    /**
     * As {@link #record} for many records that one action created (a bulk import): one statement per
     * {@value #CREATED_PER_STATEMENT} records, the ids and states passed as two arrays, since a JDBC batch still
     * sends a statement per row and a take-over of tens of thousands of records waited on those.
     *
     * @param createdById the state of each created record by its id
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordCreated(String action, String entityType, Map<?, ?> createdById) {
        String username = currentUsername();
        String clientAddress = clientAddress();
        List<String> ids = new ArrayList<>(createdById.size());
        List<String> states = new ArrayList<>(createdById.size());
        createdById.forEach((id, state) -> {
            ids.add(id.toString());
            states.add(toJson(state));
        });
        for (int from = 0; from < ids.size(); from += CREATED_PER_STATEMENT) {
            int to = Math.min(ids.size(), from + CREATED_PER_STATEMENT);
            Object[] chunkIds = ids.subList(from, to).toArray();
            Object[] chunkStates = states.subList(from, to).toArray();
            jdbc.update(connection -> {
                PreparedStatement insert = connection.prepareStatement(INSERT_CREATED);
                insert.setString(1, username);
                insert.setString(2, clientAddress);
                insert.setString(3, action);
                insert.setString(4, entityType);
                insert.setArray(5, connection.createArrayOf("text", chunkIds));
                insert.setArray(6, connection.createArrayOf("text", chunkStates));
                return insert;
            });
        }
    }

    /**
     * How often the signed-in user recorded {@code action} within the last {@code period}, by the database's
     * clock, for limits that must hold on every instance alike and across restarts. It first takes a
     * transaction lock on the user and the action, so that parallel requests of one user count one after the
     * other: each records its own event in the same transaction before the next one counts.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Recent countRecentLocked(String action, Duration period) {
        String username = currentUsername();
        jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> null, "audit-count/" + action + "/" + username);
        long millis = period.toMillis();
        return jdbc.queryForObject("""
                        select count(*), ceil(extract(epoch from
                                   min(occurred_at) + ? * interval '1 millisecond' - clock_timestamp()))
                        from public.audit_event
                        where username = ? and action = ?
                          and occurred_at > clock_timestamp() - ? * interval '1 millisecond'""",
                (rs, row) -> new Recent(rs.getInt(1), Duration.ofSeconds(Math.max(1, rs.getLong(2)))),
                millis, username, action, millis);
    }

    /**
     * @param count          the events within the period
     * @param oldestLeavesIn when the oldest of them leaves the period (at least a second, also when none)
     */
    public record Recent(int count, Duration oldestLeavesIn) {
    }

    private String toJson(Object state) {
        return state == null ? null : json.writeValueAsString(state);
    }

    private static String currentUsername() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? SYSTEM : authentication.getName();
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
