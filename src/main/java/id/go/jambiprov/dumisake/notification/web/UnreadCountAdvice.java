package id.go.jambiprov.dumisake.notification.web;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.notification.internal.NotificationQueries;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in person's unread count on every page's model as {@code unreadNotifications}; the layout
 * shows the bell when it is there, knowing nothing of this module. Skipped where no page is rendered (the JSON
 * API) or only a part of one (htmx requests), so that those pay no query.
 */
@ControllerAdvice
class UnreadCountAdvice {

    static final String ATTRIBUTE = "unreadNotifications";

    private final NotificationQueries queries;

    UnreadCountAdvice(NotificationQueries queries) {
        this.queries = queries;
    }

    @ModelAttribute(ATTRIBUTE)
    Long unreadNotifications(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof DumisakeUser user)
                || request.getHeader("HX-Request") != null
                || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return null;
        }
        try {
            return queries.unreadCount(user.getUsername());
        } catch (DataAccessException e) {
            // the count is a courtesy: a page that works without the database (or a 503 page) shows no bell
            return null;
        }
    }
}
