package id.go.jambiprov.dumisake.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The headers and the session cookie as a browser receives them from the real server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityHeadersTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bth:src=|[^>]*\\bsrc=)[^>]*>");
    private static final Pattern EVENT_HANDLER = Pattern.compile("\\s(?:th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void pagesAndApiSendTheSecurityHeaders() throws Exception {
        for (String path : List.of("/login", "/api/v1/opd", "/")) {
            HttpResponse<String> response = get(path);
            String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(csp).as(path).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                    .doesNotContain("'unsafe-eval'");
            assertThat(directive(csp, "script-src")).doesNotContain("unsafe-inline");
            assertThat(directive(csp, "default-src")).doesNotContain("unsafe-inline");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("same-origin");
            assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        }
    }

    /** The session lives in PostgreSQL (Spring Session), under the SESSION cookie with the same protections. */
    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndIdleSessionsEndAfterThirtyMinutes() throws Exception {
        String cookie = get("/login").headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
        String id = new String(Base64.getDecoder().decode(cookie.substring("SESSION=".length(), cookie.indexOf(';'))),
                StandardCharsets.UTF_8);
        assertThat(jdbc.queryForObject("select max_inactive_interval from spring_session where session_id = ?",
                Integer.class, id)).isEqualTo(30 * 60);
    }

    /**
     * A script calling the API 50 times, each time first without credentials and then with HTTP Basic (as a
     * client that waits to be asked does): no session is stored, no cookie set, no LOGIN_SUCCEEDED written,
     * and the 401 never asks for Basic credentials, which a browser would prompt for and then keep sending.
     */
    @Test
    void httpBasicCallsLeaveNoSessionAndNoSignInEvents() throws Exception {
        String credentials = "Basic " + Base64.getEncoder().encodeToString("ahli:dumisake".getBytes(StandardCharsets.UTF_8));
        int sessionsBefore = jdbc.queryForObject("select count(*) from spring_session", Integer.class);
        int signInsBefore = signIns("ahli");
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> asked = get("/api/v1/opd");
            assertThat(asked.statusCode()).isEqualTo(401);
            assertThat(asked.headers().firstValue("WWW-Authenticate")).isEmpty();
            assertThat(asked.headers().allValues("Set-Cookie")).isEmpty();
            HttpResponse<String> answered = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/v1/opd")).header("Authorization", credentials).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(answered.headers().allValues("Set-Cookie")).isEmpty();
        }
        assertThat(jdbc.queryForObject("select count(*) from spring_session", Integer.class)).isEqualTo(sessionsBefore);
        assertThat(signIns("ahli")).isEqualTo(signInsBefore);
    }

    private int signIns(String username) {
        return jdbc.queryForObject("select count(*) from audit_event where username = ? and action = 'LOGIN_SUCCEEDED'",
                Integer.class, username);
    }

    /** The CSP allows no inline script, so the templates must not rely on one: the rule is checked at the source. */
    @Test
    void templatesHaveNoInlineScriptsOrEventHandlers() throws IOException {
        List<String> inline = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path template : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(template);
                Matcher script = INLINE_SCRIPT.matcher(html);
                while (script.find()) {
                    inline.add(template + ": " + script.group());
                }
                Matcher handler = EVENT_HANDLER.matcher(html);
                while (handler.find()) {
                    inline.add(template + ": " + handler.group().strip());
                }
            }
        }
        assertThat(inline).isEmpty();
    }

    private static String directive(String csp, String name) {
        return Stream.of(csp.split(";")).map(String::strip).filter(d -> d.startsWith(name + " ")).findFirst()
                .orElse("");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
