package id.go.jambiprov.dumisake.notification.internal;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.notification.NotificationView;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in person's inbox: read it, mark one or all read. Another person's notification is "not found",
 * like one that does not exist. Marking read is the reader's own bookkeeping, not a change to a record of the
 * programme, so it is not audited (the events the notifications report on are).
 */
@Service
@Transactional
public class NotificationInbox {

    private final NotificationQueries queries;
    private final NamedParameterJdbcTemplate jdbc;

    NotificationInbox(NotificationQueries queries, NamedParameterJdbcTemplate jdbc) {
        this.queries = queries;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Page<NotificationView> page(boolean unreadOnly, Pageable pageable) {
        return queries.page(CurrentUser.username(), unreadOnly, pageable, LocaleContextHolder.getLocale());
    }

    @Transactional(readOnly = true)
    public long unreadCount() {
        return queries.unreadCount(CurrentUser.username());
    }

    /** Marks one read (again: nothing changes) and returns it. */
    public NotificationView markRead(long id) {
        String me = CurrentUser.username();
        jdbc.update("update notification set read_at = now() where id = :id and recipient = :me and read_at is null",
                new MapSqlParameterSource("id", id).addValue("me", me));
        return queries.get(id, me, LocaleContextHolder.getLocale())
                .orElseThrow(() -> new NotFoundException("notification.notFound", id));
    }

    /** @return how many were unread */
    public int markAllRead() {
        return jdbc.update("update notification set read_at = now() where recipient = :me and read_at is null",
                new MapSqlParameterSource("me", CurrentUser.username()));
    }
}
