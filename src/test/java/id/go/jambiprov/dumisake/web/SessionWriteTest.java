package id.go.jambiprov.dumisake.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page view does not write the session row again within a minute of its last write; a login (new
 * session id and principal) and a stored last access older than a minute still do. Through a real server,
 * as in {@link SignedInOutageTest}, so that Spring Session's filter runs as it does for a browser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionWriteTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;


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

    private Map<String, Object> row(String sessionId) {
        return jdbc.queryForMap("select principal_name, last_access_time from spring_session where session_id = ?",
                sessionId);
    }
}
