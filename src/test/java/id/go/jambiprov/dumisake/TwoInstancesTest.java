package id.go.jambiprov.dumisake;

import id.go.jambiprov.dumisake.dashboard.internal.EarlyWarningJob;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.shared.SystemAuthentication;
import id.go.jambiprov.dumisake.shared.db.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application on one database, as behind a load balancer: this test's context and a
 * second one started on the same embedded PostgreSQL, each with its own web server. A login made on one
 * holds on the other (sessions in PostgreSQL), and the nightly job locked with ShedLock runs once for both.
 * The envelope rule across two instances is {@code allocation.EnvelopeConcurrencyTest}'s. Fiscal year 2091
 * belongs to this class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TwoInstancesTest {

    private static final int YEAR = 2091;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static ConfigurableApplicationContext second;

    @LocalServerPort
    int port;

    @Autowired
    LocalPostgres postgres;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EarlyWarningJob job;

    @Autowired
    FiscalYearService fiscalYears;

    /** No cookie store: each request carries exactly the cookie the test gives it, as a browser would. */
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void secondInstance() {
        if (second == null) {
            second = new SpringApplicationBuilder(DumisakeApplication.class).run(
                    "--server.port=0",
                    "--spring.datasource.url=" + postgres.jdbcUrl(),
                    "--spring.datasource.username=" + postgres.appUsername(),
                    "--spring.datasource.password=" + postgres.appPassword(),
                    "--spring.flyway.user=" + postgres.username(),
                    "--spring.main.banner-mode=off");
        }
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    @Test
    void aLoginOnOneInstanceHoldsOnTheOtherUntilLogout() throws Exception {
        String first = "http://localhost:" + port;
        String other = "http://localhost:" + second.getEnvironment().getProperty("local.server.port");

        HttpResponse<String> loginPage = send(get(first + "/login", null));
        String anonymous = sessionCookie(loginPage);
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(first + "/login"))
                .header("Cookie", anonymous)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=dumisake&_csrf="
                        + URLEncoder.encode(csrf(loginPage), StandardCharsets.UTF_8))).build());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(url -> assertThat(url).endsWith("/"));
        String signedIn = sessionCookie(login);
        assertThat(signedIn).as("session fixation protection: a new id at login").isNotEqualTo(anonymous);
        assertThat(sessionRows(anonymous)).as("the anonymous id no longer names a session").isZero();
        assertThat(jdbc.queryForObject("select principal_name from spring_session where session_id = ?", String.class,
                sessionId(signedIn))).isEqualTo("admin");

        HttpResponse<String> home = send(get(other + "/", signedIn));
        assertThat(home.statusCode()).as("the other instance knows the login").isEqualTo(200);
        assertThat(home.body()).contains("Administrator Dumisake");

        HttpResponse<String> logout = send(HttpRequest.newBuilder(URI.create(other + "/logout"))
                .header("Cookie", signedIn)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf(home),
                        StandardCharsets.UTF_8))).build());
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(url ->
                assertThat(url).endsWith("/login?logout"));
        assertThat(sessionRows(signedIn)).as("logout deletes the session row").isZero();
        HttpResponse<String> afterLogout = send(get(first + "/", signedIn));
        assertThat(afterLogout.statusCode()).isEqualTo(302);
        assertThat(afterLogout.headers().firstValue("Location")).hasValueSatisfying(url ->
                assertThat(url).endsWith("/login"));
    }

    @Test
    void theNightlyJobRunsOnceForBothInstances() throws Exception {
        SystemAuthentication.run(() -> {
            if (fiscalYears.all().stream().noneMatch(y -> y.year() == YEAR)) {
                fiscalYears.open(YEAR, new BigDecimal("2000000000.00"));
            }
        });
        try {
            jdbc.update("delete from shedlock where name = 'early-warning-record'");
            EarlyWarningJob otherJob = second.getBean(EarlyWarningJob.class);
            assertThat(otherJob).isNotSameAs(job);
            int before = recordedRuns();

            // both schedulers fire at the same moment
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> runs = new ArrayList<>();
                for (EarlyWarningJob instance : List.of(job, otherJob)) {
                    runs.add(pool.submit(() -> {
                        start.await();
                        instance.run();
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> run : runs) {
                    run.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(recordedRuns()).as("one run for the cluster").isEqualTo(before + 1);

            // and a scheduler firing a little later, as one with a late clock would, finds the lock still held
            otherJob.run();
            job.run();
            assertThat(recordedRuns()).isEqualTo(before + 1);
            assertThat(jdbc.queryForObject("select lock_until > timezone('utc', now()) from shedlock "
                    + "where name = 'early-warning-record'", Boolean.class)).isTrue();
        } finally {
            // an open year newer than the demo's would become the dashboard's default for the tests after this one
            SystemAuthentication.run(() -> fiscalYears.close(YEAR, fiscalYears.get(YEAR).version()));
        }
    }

    private int recordedRuns() {
        return jdbc.queryForObject("""
                select count(*) from audit_event
                where action = 'EARLY_WARNINGS_RECORDED' and entity_type = 'FiscalYear' and entity_id = ?""",
                Integer.class, String.valueOf(YEAR));
    }

    private int sessionRows(String cookie) {
        return jdbc.queryForObject("select count(*) from spring_session where session_id = ?", Integer.class,
                sessionId(cookie));
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest get(String url, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return request.build();
    }

    /** {@code SESSION=…} as the response set it. */
    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    private static String sessionId(String cookie) {
        return new String(Base64.getDecoder().decode(cookie.substring("SESSION=".length())), StandardCharsets.UTF_8);
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        assertThat(matcher.find()).as("a form with the CSRF token").isTrue();
        return matcher.group(1);
    }
}
