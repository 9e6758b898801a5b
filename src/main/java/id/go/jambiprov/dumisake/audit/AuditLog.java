package id.go.jambiprov.dumisake.audit;

import id.go.jambiprov.dumisake.shared.JambiTime;
import id.go.jambiprov.dumisake.shared.ListCount;
import id.go.jambiprov.dumisake.shared.ListPage;
import id.go.jambiprov.dumisake.shared.Pageables;
import id.go.jambiprov.dumisake.shared.SearchText;
import id.go.jambiprov.dumisake.shared.tabular.SpreadsheetCell;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Reading the audit trail: the admins' search and export, and the history of one record. */
@Service
@Transactional(readOnly = true)
public class AuditLog {

    private static final String COLUMNS = """
            select id, occurred_at, username, client_address, action, entity_type, entity_id,
                   before_state::text as before_state, after_state::text as after_state
            from public.audit_event""";
    private static final String NEWEST_FIRST = " order by occurred_at desc, id desc";
    /** Times in Jambi time, as the people reading the trail live them. */
    private static final RowMapper<AuditEvent> EVENT = (rs, row) -> new AuditEvent(rs.getLong("id"),
            rs.getObject("occurred_at", OffsetDateTime.class).atZoneSameInstant(JambiTime.ZONE).toOffsetDateTime(),
            rs.getString("username"),
            rs.getString("client_address"), rs.getString("action"), rs.getString("entity_type"),
            rs.getString("entity_id"), rs.getString("before_state"), rs.getString("after_state"));
    private static final int EXPORT_FETCH_SIZE = 500;
    /**
     * The trail grows by every change anyone makes, so its pager says "about" past a thousand events: counting up to
     * ten thousand index entries was most of PostgreSQL's work for every page of it (docs/benchmarks.md).
     */
    private static final int EXACT_COUNT_LIMIT = 1_000;

    private final JdbcTemplate jdbc;
    private final AuditSentences sentences;
    private final ListCount count;

    AuditLog(JdbcTemplate jdbc, AuditSentences sentences, ListCount count) {
        this.jdbc = jdbc;
        this.sentences = sentences;
        this.count = count.upTo(EXACT_COUNT_LIMIT);
    }

    /**
     * Events matching {@code filter}, newest first whatever {@code pageable} asks for; their number is counted
     * up to a thousand and estimated beyond it (the trail grows by every change).
     */
    // no transaction of its own, as AllocationQueries.rows: cheaper, and the same in READ COMMITTED
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(propagation = Propagation.SUPPORTS)
    public ListPage<AuditEvent> search(AuditFilter filter, Pageable pageable) {
        Where where = where(filter);
        ListCount.Rows total = count.of(" from public.audit_event" + where.sql(), where.args());
        return new ListPage<>(page(where, pageable), pageable, total);
    }

    /**
     * One page of events. A user's events are found by their ids first, each user's newest from the index on
     * (username, occurred_at, id) alone, several users' merged: read with the whole rows, the planner walked the trail
     * by time past everyone else's events (it takes a user's to be spread over the trail; the newest thousands may
     * all be one operator's), and a list of users in one condition read all their events and sorted them.
     */
    private List<AuditEvent> page(Where where, Pageable pageable) {
        if (where.users() == null || where.users().isEmpty()) {
            return jdbc.query(COLUMNS + where.sql() + NEWEST_FIRST + Pageables.limitOffset(pageable, 1), EVENT,
                    where.args().toArray());
        }
        long eachUpTo = pageable.getOffset() + pageable.getPageSize() + 1;
        List<String> branches = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (String user : where.users()) {
            Where one = new Where(List.of(user), where.conditions(), where.values());
            branches.add("(select id, occurred_at from public.audit_event" + one.sql() + NEWEST_FIRST + " limit "
                    + eachUpTo + ")");
            args.addAll(one.args());
        }
        String ids = "select id from (" + String.join(" union all ", branches) + ") e" + NEWEST_FIRST
                + Pageables.limitOffset(pageable, 1);
        return jdbc.query(COLUMNS + " where id in (" + ids + ")" + NEWEST_FIRST, EVENT, args.toArray());
    }

    /**
     * Everything that happened to one record, newest first. It checks no scope: the page that shows it
     * has already loaded the record through its own service, which refused anyone who may not see it.
     */
    @PreAuthorize("isAuthenticated()")
    public List<AuditEvent> history(String entityType, Object entityId) {
        return jdbc.query(COLUMNS + " where entity_type = ? and entity_id = ?" + NEWEST_FIRST, EVENT, entityType,
                String.valueOf(entityId));
    }

    /**
     * The entity types and actions recorded so far, for the filter lists: one index probe per value (from the
     * smallest, each time the next larger one), not a pass over every event. Both in one statement, and without a
     * transaction of its own, as the search: the audit page asked for three read-only transactions, then for a
     * statement each.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(propagation = Propagation.SUPPORTS)
    public AuditFilterChoices filterChoices() {
        List<String> entityTypes = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        jdbc.query(CHOICES, rs -> {
            (rs.getBoolean("entity_type") ? entityTypes : actions).add(rs.getString("value"));
        }, NO_ARGUMENTS);
        return new AuditFilterChoices(entityTypes, actions);
    }

    /**
     * Without arguments JdbcTemplate sends a plain statement, which PostgreSQL plans every time (0.2 ms each); with
     * them a prepared one, whose plan it keeps.
     */
    private static final Object[] NO_ARGUMENTS = {};

    /** A recursive query's part that finds the distinct values of {@code column}, as the rows of {@code name}. */
    private static String distinct(String name, String column) {
        return """
                %1$s(value) as (
                    select min(%2$s) from public.audit_event
                    union all
                    select (select min(%2$s) from public.audit_event where %2$s > found.value) from %1$s found
                    where found.value is not null)""".formatted(name, column);
    }

    private static final String CHOICES = "with recursive " + distinct("entity_types", "entity_type") + ", "
            + distinct("actions", "action") + """
             select true as entity_type, value from entity_types where value is not null
            union all
            select false, value from actions where value is not null
            order by entity_type desc, value""";

    /**
     * Writes the events matching {@code filter} as CSV, streamed row by row: the codes and states for
     * machines, and last what happened as a sentence in {@code locale} for people. A cell that a spreadsheet
     * would take for a formula (starting with = + - @, tab or carriage return) gets a leading apostrophe:
     * a full name typed as {@code =HYPERLINK(…)} must not run on an auditor's computer.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public void exportCsv(AuditFilter filter, Locale locale, Writer out) {
        Where where = where(filter);
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("id", "occurred_at",
                    "username", "client_address", "action", "entity_type", "entity_id", "before", "after", "description").get());
            jdbc.query(connection -> {
                var statement = connection.prepareStatement(COLUMNS + where.sql() + NEWEST_FIRST);
                statement.setFetchSize(EXPORT_FETCH_SIZE);
                List<Object> args = where.args();
                for (int i = 0; i < args.size(); i++) {
                    statement.setObject(i + 1, args.get(i));
                }
                return statement;
            }, rs -> {
                AuditEvent event = EVENT.mapRow(rs, 0);
                try {
                    csv.printRecord(event.id(), event.occurredAt(),
                            SpreadsheetCell.neutralised(event.username()), SpreadsheetCell.neutralised(event.clientAddress()), SpreadsheetCell.neutralised(event.action()),
                            SpreadsheetCell.neutralised(event.entityType()), SpreadsheetCell.neutralised(event.entityId()), SpreadsheetCell.neutralised(event.before()),
                            SpreadsheetCell.neutralised(event.after()),
                            SpreadsheetCell.neutralised(sentences.sentence(event, locale)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A day in a filter is a day in Jambi (WIB), not in UTC. A part of a username is first turned into the usernames
     * in the trail that contain it (a handful: one index probe each), so that the events are read through the index
     * on the username; {@code lower(username) like …} read every event (docs/benchmarks.md).
     */
    private Where where(AuditFilter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (hasText(filter.entityType())) {
            conditions.add("entity_type = ?");
            values.add(filter.entityType().strip());
        }
        if (hasText(filter.entityId())) {
            conditions.add("entity_id = ?");
            values.add(filter.entityId().strip());
        }
        if (hasText(filter.action())) {
            conditions.add("action = ?");
            values.add(filter.action().strip());
        }
        if (filter.from() != null) {
            conditions.add("occurred_at >= ?");
            values.add(filter.from().atStartOfDay(JambiTime.ZONE).toOffsetDateTime());
        }
        if (filter.to() != null) {
            conditions.add("occurred_at < ?");
            values.add(filter.to().plusDays(1).atStartOfDay(JambiTime.ZONE).toOffsetDateTime());
        }
        String userPattern = SearchText.containsPattern(filter.user());
        List<String> users = userPattern == null ? null : jdbc.queryForList(USERNAMES_LIKE, String.class, userPattern);
        return new Where(users, conditions, values);
    }

    private static final String USERNAMES_LIKE = "with recursive " + distinct("usernames", "username")
            + " select value from usernames where lower(value) like ? escape '\\' order by value";

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    /** The users whose events are asked for ({@code null}: anyone's), and the other conditions with their values. */
    private record Where(List<String> users, List<String> conditions, List<Object> values) {

        String sql() {
            List<String> all = new ArrayList<>();
            if (users != null) {
                all.add(users.isEmpty() ? "false"
                        : "username in (" + String.join(", ", Collections.nCopies(users.size(), "?")) + ")");
            }
            all.addAll(conditions);
            return all.isEmpty() ? "" : " where " + String.join(" and ", all);
        }

        List<Object> args() {
            List<Object> args = new ArrayList<>(users == null ? List.of() : users);
            args.addAll(values);
            return args;
        }
    }
}
