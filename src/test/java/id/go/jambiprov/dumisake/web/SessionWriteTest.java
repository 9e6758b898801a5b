package id.go.jambiprov.dumisake.web;

import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.Advised;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parallel requests of one session each add the same attribute (the CSRF token of a fresh login) without
 * failing on the attribute's primary key. A page view does not write the session row again within a minute of its last write; a login (new
 * session id and principal) and a stored last access older than a minute still do. Through a real server,
 * as in {@link SignedInOutageTest}, so that Spring Session's filter runs as it does for a browser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionWriteTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JdbcIndexedSessionRepository sessions;

    /**
     * The store Spring Session's filter uses is the one that answers a request's second read (SessionReadOnceFilter)
     * and reads without a transaction (SessionTransactions).
     */
    @Test
    void theSessionStoreIsTheOneThatReadsASessionOncePerRequest() {
        assertThat(sessions).isInstanceOf(Advised.class);
        assertThat(((Advised) sessions).getAdvisors()).extracting(advisor -> advisor.getAdvice().getClass().getName())
                .anyMatch(advice -> advice.startsWith(SessionReadOnceFilter.class.getName()));
        Object transactions = ReflectionTestUtils.getField((Object) AopTestUtils.getTargetObject(sessions),
                "transactionOperations");
        assertThat(transactions.getClass().getEnclosingClass()).as("reads without a transaction")
                .isEqualTo(SessionTransactions.class);
    }

    @Test
    void pageViewsWriteTheSessionRowOnlyWhenSomethingChangedOrAMinuteHasPassed() throws Exception {
        ServerClient client = new ServerClient(port);
        String cookie = client.login("ahli");
        String sessionId = new String(Base64.getDecoder().decode(cookie.substring("SESSION=".length())),
                StandardCharsets.UTF_8);
        Map<String, Object> afterLogin = row(sessionId);
        assertThat(afterLogin).as("the login's new session id and principal are written")
                .containsEntry("principal_name", "ahli");

        assertThat(client.send(client.get("/opd", cookie)).statusCode()).isEqualTo(200);
        assertThat(client.send(client.get("/dasbor", cookie)).statusCode()).isEqualTo(200);
        assertThat(row(sessionId).get("last_access_time")).as("not written again within the minute")
                .isEqualTo(afterLogin.get("last_access_time"));

        long twoMinutesAgo = (long) afterLogin.get("last_access_time") - 120_000;
        jdbc.update("update spring_session set last_access_time = ?, expiry_time = ? + max_inactive_interval * 1000 "
                + "where session_id = ?", twoMinutesAgo, twoMinutesAgo, sessionId);
        assertThat(client.send(client.get("/opd", cookie)).statusCode()).isEqualTo(200);
        assertThat((long) row(sessionId).get("last_access_time")).as("written once the stored one is a minute old")
                .isGreaterThanOrEqualTo((long) afterLogin.get("last_access_time"));
    }

    /**
     * A dashboard opened right after signing in loads its parts in parallel (htmx), and two tabs do the
     * same: every request finds no CSRF token in the fresh session, makes one and stores it. Each of them
     * used to insert the attribute row, and all but the first failed with a duplicate key (a 500).
     */
    @Test
    void sixteenParallelRequestsOfAFreshSessionAllSucceed() throws Exception {
        ServerClient client = new ServerClient(port);
        String cookie = client.login("admin");
        List<String> paths = List.of("/dasbor", "/penerima/jumlah/ringkasan?year=2026", "/alokasi", "/opd");
        ExecutorService browser = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String path = paths.get(i % paths.size());
                Callable<HttpResponse<String>> view = () -> {
                    start.await();
                    return client.send(client.get(path, cookie));
                };
                responses.add(browser.submit(view));
            }
            start.countDown();
            for (Future<HttpResponse<String>> response : responses) {
                HttpResponse<String> answer = response.get(60, TimeUnit.SECONDS);
                assertThat(answer.statusCode()).as(answer.uri().getPath()).isEqualTo(200);
            }
        } finally {
            browser.shutdownNow();
        }
    }

    private Map<String, Object> row(String sessionId) {
        return jdbc.queryForMap("select principal_name, last_access_time from spring_session where session_id = ?",
                sessionId);
    }
}
