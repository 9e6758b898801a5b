package id.go.jambiprov.dumisake.notification.internal;

import id.go.jambiprov.dumisake.account.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Adds notifications for a group of people with one statement each: the recipients are the enabled accounts
 * the group names, and {@code on conflict do nothing} on (recipient, dedup key) makes every delivery safe to
 * repeat, on one instance or on several at once. Positional parameters on purpose: the parameters go in as one
 * {@code text[]}, which a named-parameter template would spread into a list.
 */
@Repository
class NotificationStore {

    private static final String INSERT = """
            insert into notification (recipient, kind, params, link, dedup_key)
            select u.username, ?, ?, ?, ? from user_account u where u.enabled and %s
            on conflict (recipient, dedup_key) do nothing""";

    private final JdbcTemplate jdbc;

    NotificationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    int toUser(String username, Notice notice) {
        return insert("u.username = ?", notice, username);
    }

    int toOperatorsOf(String opdCode, Notice notice) {
        return insert("u.role = 'OPD_OPERATOR' and u.opd_code = ?", notice, opdCode);
    }

    int toRole(Role role, Notice notice) {
        return insert("u.role = ?", notice, role.name());
    }

    /**
     * The operators of every OPD with an active allocation in the kecamatan, in {@code year} (any year when
     * {@code null}).
     */
    int toOperatorsActiveIn(String kecamatanCode, Integer year, Notice notice) {
        return insert("""
                u.role = 'OPD_OPERATOR' and u.opd_code in (
                    select a.opd_code from allocation a
                    where a.kecamatan_code = ? and a.status = 'ACTIVE' and (cast(? as integer) is null or a.fiscal_year = ?))""",
                notice, kecamatanCode, year, year);
    }

    /**
     * What names a comment on an obstacle: the id of its newest comment as this transaction sees it (the comment
     * the event was published for); failing that, the transaction, which is one comment.
     */
    String commentOccurrence(long obstacleId) {
        return jdbc.queryForObject(
                "select coalesce(max(id)::text, 'tx' || txid_current()) from obstacle_comment where obstacle_id = ?",
                String.class, obstacleId);
    }

    private int insert(String recipients, Notice notice, Object... arguments) {
        List<Object> all = new ArrayList<>(List.of(notice.kind().name(), notice.params().toArray(String[]::new),
                notice.link(), notice.dedupKey()));
        all.addAll(Arrays.asList(arguments));
        return jdbc.update(INSERT.formatted(recipients), all.toArray());
    }
}
