package id.go.jambiprov.dumisake.web;

import jakarta.servlet.http.Cookie;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A browser's session as the application keeps it: a row of Spring Session JDBC, named by the
 * {@code SESSION} cookie (the session id, Base64-encoded). With sessions in the database a MockMvc
 * {@code MockHttpSession} is never consulted, so tests send the cookie and read the stored attributes.
 */
public final class StoredSession {

    private static final String COOKIE = "SESSION";

    private final JdbcIndexedSessionRepository repository;
    private final String id;

    private StoredSession(JdbcIndexedSessionRepository repository, String id) {
        this.repository = repository;
        this.id = id;
    }

    /** A new, empty session, as a browser has after its first request. */
    public static StoredSession create(JdbcIndexedSessionRepository repository) {
        return new StoredSession(repository, saveNew(repository));
    }

    /** A session as a form login leaves it: {@code user} signed in. */
    public static StoredSession signedIn(JdbcIndexedSessionRepository repository, UserDetails user) {
        SecurityContext context = new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        return new StoredSession(repository, saveNew(repository, context));
    }

    private static <S extends Session> String saveNew(SessionRepository<S> repository) {
        return saveNew(repository, null);
    }

    /** Generic so that the repository's own session class, which is not public, never has to be named. */
    private static <S extends Session> String saveNew(SessionRepository<S> repository, SecurityContext context) {
        S session = repository.createSession();
        if (context != null) {
            session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        }
        repository.save(session);
        return session.getId();
    }

    /** The session a response's {@code SESSION} cookie names, e.g. the one a login started. */
    public static StoredSession of(JdbcIndexedSessionRepository repository, Cookie cookie) {
        return new StoredSession(repository,
                new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8));
    }

    public Cookie cookie() {
        return new Cookie(COOKIE, Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8)));
    }

    public <T> T attribute(String name) {
        Session session = repository.findById(id);
        return session == null ? null : session.getAttribute(name);
    }

    /** Whether the row is gone: invalidated (logout, a disabled account) or expired. */
    public boolean isInvalid() {
        return repository.findById(id) == null;
    }
}
