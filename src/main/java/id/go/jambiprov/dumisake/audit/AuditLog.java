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
        ListCount.Rows total = count.of(" from public.audit_event" + where.sql, where.args);
        List<AuditEvent> events = jdbc.query(COLUMNS + where.sql + NEWEST_FIRST + Pageables.limitOffset(pageable, 1),
                EVENT, where.args.toArray());
        return new ListPage<>(events, pageable, total);
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
     * smallest, each time the next larger one), not a pass over every event. One statement each, so without a
     * transaction of their own, as the search: the audit page asked for three read-only transactions.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<String> entityTypes() {
        return jdbc.queryForList(DISTINCT.formatted("entity_type"), String.class);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<String> actions() {
        return jdbc.queryForList(DISTINCT.formatted("action"), String.class);
    }

    private static final String DISTINCT = """
            with recursive found(value) as (
                select min(%1$s) from public.audit_event
                union all
                select (select min(%1$s) from public.audit_event where %1$s > found.value) from found
                where found.value is not null)
            select value from found where value is not null order by value""";

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
                var statement = connection.prepareStatement(COLUMNS + where.sql + NEWEST_FIRST);
                statement.setFetchSize(EXPORT_FETCH_SIZE);
                for (int i = 0; i < where.args.size(); i++) {
                    statement.setObject(i + 1, where.args.get(i));
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

    /** A day in a filter is a day in Jambi (WIB), not in UTC. */
    private static Where where(AuditFilter filter) {
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        String userPattern = SearchText.containsPattern(filter.user());
        if (userPattern != null) {
            condition(sql, "lower(username) like ? escape '\\'");
            args.add(userPattern);
        }
        if (hasText(filter.entityType())) {
            condition(sql, "entity_type = ?");
            args.add(filter.entityType().strip());
        }
        if (hasText(filter.entityId())) {
            condition(sql, "entity_id = ?");
            args.add(filter.entityId().strip());
        }
        if (hasText(filter.action())) {
            condition(sql, "action = ?");
            args.add(filter.action().strip());
        }
        if (filter.from() != null) {
            condition(sql, "occurred_at >= ?");
            args.add(filter.from().atStartOfDay(JambiTime.ZONE).toOffsetDateTime());
        }
        if (filter.to() != null) {
            condition(sql, "occurred_at < ?");
            args.add(filter.to().plusDays(1).atStartOfDay(JambiTime.ZONE).toOffsetDateTime());
        }
        return new Where(sql.toString(), args);
    }

    private static void condition(StringBuilder sql, String condition) {
        sql.append(sql.isEmpty() ? " where " : " and ").append(condition);
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private record Where(String sql, List<Object> args) {
    }
}
