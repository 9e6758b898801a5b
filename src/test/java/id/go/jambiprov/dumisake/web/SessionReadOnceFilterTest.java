package id.go.jambiprov.dumisake.web;

import jakarta.servlet.Filter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Session's own filter in front of a page longer than the response buffer, which the view flushes: the
 * session store is asked for the session once with this filter around Spring Session's, twice without it; a
 * session deleted in the request, or read outside one, is read from the store. A page that only reads its session
 * does not save it while the stored last access is younger than the interval; a changed attribute or an older
 * last access is saved, once.
 */
class SessionReadOnceFilterTest {

    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger saves = new AtomicInteger();
    private final MapSessionRepository stored = new MapSessionRepository(new HashMap<>()) {
        @Override
        public MapSession findById(String id) {
            reads.incrementAndGet();
            return super.findById(id);
        }

        @Override
        public void save(MapSession session) {
            saves.incrementAndGet();
            super.save(session);
        }
    };

    @Test
    void aSignedInPageReadsItsSessionOnce() throws Exception {
        String id = storedSession();

        MockHttpServletResponse response = page(id, new SessionReadOnceFilter());

        assertThat(response.getContentAsString()).hasSizeGreaterThan(20_000);
        assertThat(reads).hasValue(1);
        assertThat(saves).as("the changed attribute, saved when the page was committed").hasValue(1);
        assertThat(stored.findById(id).<String>getAttribute("seen")).isEqualTo("yes");
    }

    @Test
    void aPageThatOnlyReadsItsSessionDoesNotSaveItWithinTheInterval() throws Exception {
        String id = storedSession(Instant.now().minusSeconds(50));

        page(id, new SessionReadOnceFilter(), new ReadingPage());

        assertThat(reads).hasValue(1);
        assertThat(saves).hasValue(0);
    }

    @Test
    void aStoredLastAccessOlderThanTheIntervalIsSavedOnce() throws Exception {
        Instant older = Instant.now().minusSeconds(70);
        String id = storedSession(older);

        page(id, new SessionReadOnceFilter(), new ReadingPage());

        assertThat(saves).hasValue(1);
        assertThat(stored.findById(id).getLastAccessedTime()).isAfter(older.plusSeconds(60));
    }

    @Test
    void withoutItSpringSessionReadsTheSessionAgainAfterSavingIt() throws Exception {
        String id = storedSession();

        page(id, (request, response, chain) -> chain.doFilter(request, response));

        assertThat(reads).hasValue(2);
    }

    @Test
    void aSessionDeletedInTheRequestIsLookedForInTheStoreAgain() throws Exception {
        String id = storedSession();
        SessionRepository<Session> sessions = readOnce();
        Session[] found = new Session[1];
        HttpServlet login = new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) {
                sessions.save(sessions.findById(id));
                sessions.deleteById(id);
                found[0] = sessions.findById(id);
            }
        };

        new MockFilterChain(login, new SessionReadOnceFilter()).doFilter(new MockHttpServletRequest("GET", "/"),
                new MockHttpServletResponse());

        assertThat(found[0]).isNull();
        assertThat(reads).hasValue(2);
    }

    @Test
    void outsideARequestEveryReadGoesToTheStore() {
        String id = storedSession();
        SessionRepository<Session> sessions = readOnce();

        sessions.save(sessions.findById(id));
        sessions.findById(id);

        assertThat(reads).hasValue(2);
    }

    private String storedSession() {
        return storedSession(Instant.now());
    }

    private String storedSession(Instant lastAccess) {
        MapSession session = stored.createSession();
        session.setLastAccessedTime(lastAccess);
        stored.save(session);
        saves.set(0);
        return session.getId();
    }

    /** A request with the session's cookie through {@code outer}, Spring Session's filter and a long page. */
    private MockHttpServletResponse page(String sessionId, Filter outer) throws Exception {
        return page(sessionId, outer, new LongPage());
    }

    private MockHttpServletResponse page(String sessionId, Filter outer, HttpServlet servlet) throws Exception {
        SessionRepositoryFilter<Session> springSession = new SessionRepositoryFilter<>(readOnce());

        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/alokasi");
        request.setCookies(new Cookie("SESSION",
                Base64.getEncoder().encodeToString(sessionId.getBytes(StandardCharsets.UTF_8))));
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setBufferSize(8192);
        new MockFilterChain(servlet, outer, springSession).doFilter(request, response);
        return response;
    }

    /** The store as the application has it: through the filter's post-processor. */
    @SuppressWarnings("unchecked")
    private SessionRepository<Session> readOnce() {
        return (SessionRepository<Session>) SessionReadOnceFilter.sessionStoreReadOncePerRequest(new MockEnvironment())
                .postProcessAfterInitialization(stored, "sessionRepository");
    }

    /** A long page that reads its session's attribute only, as almost every page does. */
    private static final class ReadingPage extends HttpServlet {

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<p>" + request.getSession().getAttribute("seen") + "</p>".repeat(2_000));
            response.getWriter().flush();
        }
    }

    private static final class LongPage extends HttpServlet {

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            request.getSession().setAttribute("seen", "yes");
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<p>baris</p>".repeat(2_000));
            response.getWriter().flush();
        }
    }
}
