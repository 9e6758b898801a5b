package id.go.jambiprov.dumisake.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;

/**
 * The database outage answer for requests that fail before Spring MVC: sessions live in PostgreSQL, so a
 * browser that sends its session cookie while the database is away fails in Spring Session's filter,
 * where neither {@link PageExceptionHandler} nor {@link ApiExceptionHandler} can answer. This filter sits
 * just outside it and gives the same answers: the 503 page, or a 503 problem for the API, with
 * {@code Retry-After}. Anything else passes through unchanged.
 * <p>
 * On the container's error dispatch that follows its 503 it hides the session from Spring Session — the
 * cookie, and the session the failed request may have loaded already: Spring MVC asks for the session on
 * every request it handles (flash attributes), and Spring Session would save a loaded one again, both
 * reaching for the database that is away. The error dispatch of any other error keeps the session, so that
 * its page shows who is signed in.
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER - 1)
class SessionStoreOutageFilter extends OncePerRequestFilter {

    private static final String RETRY_AFTER_SECONDS = "30";
    /** Where Spring Session keeps the session a request has loaded (its own constant is private). */
    private static final String LOADED_SESSION = SessionRepositoryFilter.SESSION_REPOSITORY_ATTR + ".CURRENT_SESSION";

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;
    private final String sessionCookie;

    SessionStoreOutageFilter(MessageSource messages, LocaleResolver locales, JsonMapper json,
                             @Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
        this.sessionCookie = sessionCookie;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            boolean outage = Integer.valueOf(HttpStatus.SERVICE_UNAVAILABLE.value())
                    .equals(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
            chain.doFilter(outage ? withoutSession(request) : request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            if (!DatabaseOutage.causedBy(failure) || response.isCommitted()) {
                throw failure;
            }
            response.reset();
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                writeProblem(request, response);
            } else {
                response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
            }
        }
    }

    private HttpServletRequest withoutSession(HttpServletRequest request) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public Object getAttribute(String name) {
                return LOADED_SESSION.equals(name) ? null : super.getAttribute(name);
            }

            @Override
            public Cookie[] getCookies() {
                Cookie[] cookies = super.getCookies();
                return cookies == null ? null : Arrays.stream(cookies)
                        .filter(cookie -> !cookie.getName().equals(sessionCookie))
                        .toArray(Cookie[]::new);
            }
        };
    }

    private void writeProblem(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                messages.getMessage("problem.databaseUnavailable", null, locales.resolveLocale(request)));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", "DATABASE_UNAVAILABLE");
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
