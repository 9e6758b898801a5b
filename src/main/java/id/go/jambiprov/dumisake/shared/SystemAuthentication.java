package id.go.jambiprov.dumisake.shared;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work that nobody signed in for (demo data at start-up, scheduled jobs) as the user {@code system}
 * with the admin role, so that it passes the same service checks and is audited under that name.
 */
public final class SystemAuthentication {

    /** The username the application's own work is done and recorded under. */
    public static final String USERNAME = "system";

    private SystemAuthentication() {
    }

    public static void run(Runnable work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(USERNAME, null,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
