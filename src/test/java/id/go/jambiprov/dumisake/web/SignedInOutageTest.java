package id.go.jambiprov.dumisake.web;

import id.go.jambiprov.dumisake.shared.db.LocalPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in browser while PostgreSQL is away: its session lives in the database, so the request fails
 * already where the session is read, before Spring MVC. It still gets the friendly 503 page (the API a
 * 503 problem), quickly, and keeps its login when the database is back. Through a real server, since the
 * page comes from the container's error dispatch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignedInOutageTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    LocalPostgres postgres;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void databaseIsBack() {
        postgres.start();
    }

    @Test
    void aSignedInBrowserGetsThe503PageDuringAnOutageAndKeepsItsLoginAfterwards() throws Exception {
        String session = login();
        assertThat(send(get("/opd", session)).statusCode()).isEqualTo(200);

        postgres.stop();
        Instant asked = Instant.now();
        HttpResponse<String> page = send(get("/opd", session));
        assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(15));
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).contains("30");
        assertThat(page.body()).contains("Layanan sementara tidak tersedia");

        HttpResponse<String> api = send(get("/api/v1/opd", session));
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(api.body()).contains("\"code\":\"DATABASE_UNAVAILABLE\"");

        HttpResponse<String> form = send(HttpRequest.newBuilder(uri("/kata-sandi")).header("Cookie", session)
                .header("Accept", "text/html,*/*;q=0.8")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("currentPassword=x")).build());
        assertThat(form.statusCode()).as("a form sent during the outage").isEqualTo(503);

        postgres.start();
        int status = 0;
        for (Instant back = Instant.now(); status != 200
                && Duration.between(back, Instant.now()).compareTo(Duration.ofSeconds(30)) < 0; ) {
            status = send(get("/opd", session)).statusCode();
        }
        assertThat(status).as("the same login works again without signing in").isEqualTo(200);
    }

    private String login() throws Exception {
        HttpResponse<String> loginPage = send(get("/login", null));
        Matcher token = CSRF.matcher(loginPage.body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login"))
                .header("Cookie", cookie(loginPage))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=ahli&password=dumisake&_csrf="
                        + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))).build());
        assertThat(login.statusCode()).isEqualTo(302);
        return cookie(login);
    }

    private static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    /** As a browser asks: for HTML first. */
    private HttpRequest get(String path, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,*/*;q=0.8");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return request.build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
