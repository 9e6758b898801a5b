package id.go.jambiprov.dumisake.web;

import com.zaxxer.hikari.HikariDataSource;
import id.go.jambiprov.dumisake.shared.db.LocalPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import javax.sql.DataSource;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private ServerClient client;

    private RequestMappingInfo midwayOutage;

    @BeforeEach
    void client() {
        client = new ServerClient(port);
    }

    /**
     * The page that stops the database midway is this class's alone: mapped on the running server for each test and
     * removed afterwards, so that the class shares the context of the other real-server tests instead of starting one.
     */
    @BeforeEach
    void mapTheMidwayOutage() throws NoSuchMethodException {
        midwayOutage = RequestMappingInfo.paths(MIDWAY_OUTAGE).methods(RequestMethod.GET)
                .options(mappings.getBuilderConfiguration()).build();
        mappings.registerMapping(midwayOutage, new StopsTheDatabase(postgres),
                StopsTheDatabase.class.getDeclaredMethod("answer"));
    }

    @Autowired
    DataSource dataSource;

    /**
     * The pool's connections of before the outage are dead; one used within the last half second is handed out
     * without a check, so the next test of this context would get it: they are closed here instead.
     */
    @AfterEach
    void databaseIsBack() throws SQLException {
        mappings.unregisterMapping(midwayOutage);
        postgres.start();
        dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
    }

    @Test
    void aSignedInBrowserGetsThe503PageDuringAnOutageAndKeepsItsLoginAfterwards() throws Exception {
        String session = client.login("ahli");
        assertThat(client.send(client.get("/opd", session)).statusCode()).isEqualTo(200);

        postgres.stop();
        // the three are sent at once: each waits out the connection timeout on its own
        Instant asked = Instant.now();
        CompletableFuture<HttpResponse<String>> pageAnswer = client.sendAsync(client.get("/opd", session));
        CompletableFuture<HttpResponse<String>> apiAnswer = client.sendAsync(client.get("/api/v1/opd", session));
        CompletableFuture<HttpResponse<String>> formAnswer = client.sendAsync(HttpRequest.newBuilder(client.uri("/kata-sandi"))
                .header("Cookie", session)
                .header("Accept", "text/html,*/*;q=0.8")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("currentPassword=x")).build());

        HttpResponse<String> page = pageAnswer.get(60, TimeUnit.SECONDS);
        assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(15));
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).contains("30");
        assertThat(page.body()).contains("Layanan sementara tidak tersedia");

        HttpResponse<String> api = apiAnswer.get(60, TimeUnit.SECONDS);
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(api.body()).contains("\"code\":\"DATABASE_UNAVAILABLE\"");

        HttpResponse<String> form = formAnswer.get(60, TimeUnit.SECONDS);
        assertThat(form.statusCode()).as("a form sent during the outage").isEqualTo(503);

        postgres.start();
        int status = 0;
        for (Instant back = Instant.now(); status != 200
                && Duration.between(back, Instant.now()).compareTo(Duration.ofSeconds(30)) < 0; ) {
            status = client.send(client.get("/opd", session)).statusCode();
        }
        assertThat(status).as("the same login works again without signing in").isEqualTo(200);
    }

    /**
     * The database goes away while a page is being answered, after the session was read: the page's own
     * 503 cannot be kept (saving the session fails too), and the container's error page that replaces it
     * must not reach for the session again.
     */
    @Test
    void aPageWhoseDatabaseGoesAwayMidwayStillGetsThe503Page() throws Exception {
        String session = client.login("ahli");

        Instant asked = Instant.now();
        HttpResponse<String> page = client.send(client.get(MIDWAY_OUTAGE, session));

        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("Layanan sementara tidak tersedia");
        assertThat(Duration.between(asked, Instant.now())).as("one connection timeout, not three")
                .isLessThan(Duration.ofSeconds(14));
    }

    private static final String MIDWAY_OUTAGE = "/uji/basis-data-hilang";

    /** Its handler: no component, so that no context's scan ever picks it up. */
    static final class StopsTheDatabase {

        private final LocalPostgres postgres;

        StopsTheDatabase(LocalPostgres postgres) {
            this.postgres = postgres;
        }

        @ResponseBody
        String answer() {
            postgres.stop();
            throw new DataAccessResourceFailureException("the database went away during the request");
        }
    }
}
