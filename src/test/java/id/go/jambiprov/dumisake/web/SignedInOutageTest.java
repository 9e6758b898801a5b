package id.go.jambiprov.dumisake.web;

import id.go.jambiprov.dumisake.shared.db.LocalPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in browser while PostgreSQL is away: its session lives in the database, so the request fails
 * already where the session is read, before Spring MVC. It still gets the friendly 503 page (the API a
 * 503 problem), quickly, and keeps its login when the database is back. Through a real server, since the
 * page comes from the container's error dispatch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignedInOutageTest {

    @LocalServerPort
    int port;

    @Autowired
    LocalPostgres postgres;

    private ServerClient client;

    @BeforeEach
    void client() {
        client = new ServerClient(port);
    }

    @AfterEach
    void databaseIsBack() {
        postgres.start();
    }

    @Test
    void aSignedInBrowserGetsThe503PageDuringAnOutageAndKeepsItsLoginAfterwards() throws Exception {
        String session = client.login("ahli");
        assertThat(client.send(client.get("/opd", session)).statusCode()).isEqualTo(200);

        postgres.stop();
        Instant asked = Instant.now();
        HttpResponse<String> page = client.send(client.get("/opd", session));
        assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(15));
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).contains("30");
        assertThat(page.body()).contains("Layanan sementara tidak tersedia");

        HttpResponse<String> api = client.send(client.get("/api/v1/opd", session));
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(api.body()).contains("\"code\":\"DATABASE_UNAVAILABLE\"");

        HttpResponse<String> form = client.send(HttpRequest.newBuilder(client.uri("/kata-sandi")).header("Cookie", session)
                .header("Accept", "text/html,*/*;q=0.8")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("currentPassword=x")).build());
        assertThat(form.statusCode()).as("a form sent during the outage").isEqualTo(503);

        postgres.start();
        int status = 0;
        for (Instant back = Instant.now(); status != 200
                && Duration.between(back, Instant.now()).compareTo(Duration.ofSeconds(30)) < 0; ) {
            status = client.send(client.get("/opd", session)).statusCode();
        }
        assertThat(status).as("the same login works again without signing in").isEqualTo(200);
    }
}
