package id.go.jambiprov.dumisake.shared.db;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.account.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * PostgreSQL stops while requests run: pages answer the friendly 503 page, the API a 503 problem, within
 * the connection timeout, nothing half-written stays behind, and the application recovers by itself when
 * the database is back.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DatabaseOutageTest {

    private static final DumisakeUser ADMIN = new DumisakeUser("admin", "Admin", Role.ADMIN, null, true, "x");

    @Autowired
    MockMvc mvc;

    @Autowired
    LocalPostgres postgres;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void databaseIsBack() {
        postgres.start();
    }

    @Test
    void anOutageAnswers503QuicklyAndTheApplicationRecoversWithoutRestart() throws Exception {
        int allocationsBefore = jdbc.queryForObject("select count(*) from allocation", Integer.class);
        Set<Integer> statusesDuringOutage = ConcurrentHashMap.newKeySet();
        Set<String> failures = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            clients.submit(() -> {
                while (running.get()) {
                    try {
                        statusesDuringOutage.add(mvc.perform(get("/api/v1/fiscal-years").with(user(ADMIN)))
                                .andReturn().getResponse().getStatus());
                    } catch (Exception e) {
                        statusesDuringOutage.add(-1);
                        failures.add(String.valueOf(e.getCause()));
                    }
                }
                return null;
            });
        }
        Thread.sleep(500);
        postgres.stop();

        // the three are asked at once: each waits out the connection timeout on its own
        ExecutorService askers = Executors.newFixedThreadPool(3);
        Future<Answer> apiAnswer = askers.submit(() -> answer(get("/api/v1/fiscal-years").with(user(ADMIN))));
        Future<Answer> pageAnswer = askers.submit(() -> answer(get("/dasbor").with(user(ADMIN))));
        Future<Answer> writeAnswer = askers.submit(() -> answer(post("/api/v1/allocations").with(user(ADMIN)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"year": 2026, "kecamatanCode": "15.01.01", "opdCode": "DISDIK",
                         "programmeCode": "BANTUAN-PENDIDIKAN", "mechanism": "BELANJA_OPD", "title": "Saat gangguan",
                         "amount": 1000000, "plannedMonth": 6}""")));
        askers.shutdown();

        Answer apiAnswered = apiAnswer.get(60, TimeUnit.SECONDS);
        assertThat(apiAnswered.took()).isLessThan(Duration.ofSeconds(10));
        var api = apiAnswered.response();
        assertThat(api.getStatus()).isEqualTo(503);
        assertThat(api.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(api.getHeader("Retry-After")).isEqualTo("30");

        var page = pageAnswer.get(60, TimeUnit.SECONDS).response();
        assertThat(page.getStatus()).isEqualTo(503);
        assertThat(page.getContentAsString()).contains("Layanan sementara tidak tersedia");

        var write = writeAnswer.get(60, TimeUnit.SECONDS).response();
        assertThat(write.getStatus()).isEqualTo(503);

        postgres.start();
        Instant back = Instant.now();
        int status = 0;
        while (status != 200 && Duration.between(back, Instant.now()).compareTo(Duration.ofSeconds(30)) < 0) {
            status = mvc.perform(get("/api/v1/fiscal-years").with(user(ADMIN))).andReturn().getResponse().getStatus();
        }
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(status).as("recovered without a restart").isEqualTo(200);
        assertThat(mvc.perform(get("/actuator/health/readiness")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(failures).as("requests that failed instead of answering").isEmpty();
        assertThat(statusesDuringOutage).as("only answers, no crash").isSubsetOf(List.of(200, 503));
        assertThat(jdbc.queryForObject("select count(*) from allocation", Integer.class))
                .as("the refused write left nothing").isEqualTo(allocationsBefore);
        assertThat(jdbc.queryForObject("select count(*) from allocation where title = 'Saat gangguan'", Integer.class))
                .isZero();
    }

    private Answer answer(RequestBuilder request) throws Exception {
        Instant asked = Instant.now();
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        return new Answer(response, Duration.between(asked, Instant.now()));
    }

    private record Answer(MockHttpServletResponse response, Duration took) {
    }
}
