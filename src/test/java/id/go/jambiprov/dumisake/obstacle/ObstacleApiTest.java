package id.go.jambiprov.dumisake.obstacle;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The obstacle API over HTTP with the real security configuration and the demo data: the codes of each answer,
 * an operator kept to its own OPD, the expert team that may only comment. Works on a DISDIK allocation of 2026.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ObstacleApiTest {

    private static final String PASSWORD = "dumisake";
    private static final String PROBLEM = "application/problem+json";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbc;

    long allocationId;
    final String today = LocalDate.now(ZoneId.of("Asia/Jakarta")).toString();

    @BeforeEach
    void aDisdikAllocation() throws Exception {
        JsonNode page = read(mvc.perform(get("/api/v1/allocations").param("year", "2026").param("status", "ACTIVE")
                .param("size", "1").with(as("op-disdik"))).andExpect(status().isOk()).andReturn());
        allocationId = page.get("content").get(0).get("id").asLong();
    }

    @Test
    void anObstacleLivesThroughTheApi() throws Exception {
        MvcResult created = mvc.perform(json(post("/api/v1/obstacles"), """
                        {"allocationId": %d, "category": "PENGADAAN", "description": "Gagal lelang", "since": "%s"}"""
                        .formatted(allocationId, today)).with(as("op-disdik")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.opdCode").value("DISDIK"))
                .andReturn();
        long id = read(created).get("id").asLong();
        assertThat(created.getResponse().getHeader("Location")).endsWith("/api/v1/obstacles/" + id);

        long version = read(mvc.perform(json(post("/api/v1/obstacles/{id}/follow-ups", id), """
                        {"action": "Tender ulang", "responsible": "Pokja UKPBJ", "dueDate": "%s"}""".formatted(today))
                        .with(as("op-disdik")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_FOLLOW_UP"))
                .andExpect(jsonPath("$.followUps[0].responsible").value("Pokja UKPBJ"))
                .andReturn()).get("version").asLong();

        mvc.perform(post("/api/v1/obstacles/{id}/escalate", id).with(as("op-disdik")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.escalatedBy").value("op-disdik"));
        mvc.perform(post("/api/v1/obstacles/{id}/escalate", id).with(as("op-disdik")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.code").value("ALREADY_ESCALATED"));

        mvc.perform(json(post("/api/v1/obstacles/{id}/comments", id), "{\"text\": \"Rapat koordinasi Senin\"}")
                        .with(as("ahli")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.comments[0].createdBy").value("ahli"));

        mvc.perform(json(post("/api/v1/obstacles/{id}/resolve", id),
                        "{\"resolution\": \"Kontrak ditandatangani\", \"version\": %d}".formatted(version))
                        .with(as("op-disdik")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(json(post("/api/v1/obstacles/{id}/resolve", id), "{\"resolution\": \"Kontrak ditandatangani\"}")
                        .with(as("admin")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RESOLVED"))
                .andExpect(jsonPath("$.resolvedBy").value("admin"));
        mvc.perform(json(post("/api/v1/obstacles/{id}/follow-ups", id), """
                        {"action": "Lagi", "responsible": "PPK", "dueDate": "%s"}""".formatted(today))
                        .with(as("op-disdik")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("OBSTACLE_ALREADY_RESOLVED"));

        mvc.perform(get("/api/v1/obstacles/{id}", id).with(as("ahli")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.followUps.length()").value(1))
                .andExpect(jsonPath("$.comments.length()").value(1));
    }

    @Test
    void anotherOpdsObstacleIsNotFoundAndTheListKeepsToTheOperatorsOpd() throws Exception {
        long id = raise();

        mvc.perform(get("/api/v1/obstacles/{id}", id).with(as("op-dinkes")))
                .andExpect(status().isNotFound()).andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(json(post("/api/v1/obstacles/{id}/follow-ups", id), """
                        {"action": "x", "responsible": "y", "dueDate": "%s"}""".formatted(today)).with(as("op-dinkes")))
                .andExpect(status().isNotFound());
        mvc.perform(json(post("/api/v1/obstacles"), """
                        {"allocationId": %d, "category": "SDM", "description": "x", "since": "%s"}"""
                        .formatted(allocationId, today)).with(as("op-dinkes")))
                .andExpect(status().isNotFound());

        JsonNode list = read(mvc.perform(get("/api/v1/obstacles").param("year", "2026").param("opdCode", "DISDIK")
                .with(as("op-dinkes"))).andExpect(status().isOk()).andReturn());
        list.get("content").forEach(row -> assertThat(row.get("opdCode").asString()).isEqualTo("DINKES"));

        JsonNode escalated = read(mvc.perform(get("/api/v1/obstacles").param("year", "2026")
                .param("escalated", "true").with(as("ahli"))).andExpect(status().isOk()).andReturn());
        assertThat(escalated.get("totalElements").asLong()).isPositive();
        escalated.get("content").forEach(row -> assertThat(row.get("escalatedAt").isNull()).isFalse());
    }

    @Test
    void theExpertTeamMayOnlyComment() throws Exception {
        long id = raise();

        mvc.perform(json(post("/api/v1/obstacles"), """
                        {"allocationId": %d, "category": "SDM", "description": "x", "since": "%s"}"""
                        .formatted(allocationId, today)).with(as("ahli")))
                .andExpect(status().isForbidden());
        mvc.perform(json(post("/api/v1/obstacles/{id}/follow-ups", id), """
                        {"action": "x", "responsible": "y", "dueDate": "%s"}""".formatted(today)).with(as("ahli")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/obstacles/{id}/escalate", id).with(as("ahli"))).andExpect(status().isForbidden());
        mvc.perform(json(post("/api/v1/obstacles/{id}/resolve", id), "{\"resolution\": \"x\"}").with(as("ahli")))
                .andExpect(status().isForbidden());
        mvc.perform(json(post("/api/v1/obstacles/{id}/comments", id), "{\"text\": \"Mohon datanya\"}").with(as("ahli")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/obstacles/{id}", id).with(as("ahli")))
                .andExpect(jsonPath("$.status").value("OPEN")).andExpect(jsonPath("$.escalatedAt").isEmpty());
    }

    @Test
    void malformedRequestsAre400AndRefusalsAre422WithACode() throws Exception {
        mvc.perform(json(post("/api/v1/obstacles"), """
                        {"allocationId": %d, "category": "BANJIR", "description": "x", "since": "%s"}"""
                        .formatted(allocationId, today)).with(as("op-disdik")))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(json(post("/api/v1/obstacles"), """
                        {"allocationId": %d, "category": "SDM", "since": "%s"}""".formatted(allocationId, today))
                        .with(as("op-disdik")))
                .andExpect(status().isBadRequest());
        mvc.perform(json(post("/api/v1/obstacles"), """
                        {"allocationId": %d, "category": "SDM", "description": "Pergantian PPTK", "since": "%s"}"""
                        .formatted(allocationId, LocalDate.parse(today).plusDays(1))).with(as("op-disdik")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("SINCE_IN_FUTURE"));
    }

    /**
     * Two escalations of one obstacle at the same moment: one is stored, the other refused (409 when both read it
     * before either saved, else 422 ALREADY_ESCALATED), and only one audit event and one escalation are written.
     */
    @Test
    void twoSimultaneousEscalationsEscalateOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            long id = raise();
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService clients = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (int client = 0; client < 2; client++) {
                    answers.add(clients.submit(() -> {
                        start.await();
                        return mvc.perform(post("/api/v1/obstacles/{id}/escalate", id).with(as("op-disdik")))
                                .andReturn().getResponse().getStatus();
                    }));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get(60, TimeUnit.SECONDS));
                }
                assertThat(statuses).containsOnlyOnce(200).hasSize(2).containsAnyOf(409, 422);
            } finally {
                clients.shutdownNow();
            }
            assertThat(jdbc.queryForObject("""
                    select count(*) from audit_event where action = 'OBSTACLE_ESCALATED' and entity_type = 'Obstacle'
                      and entity_id = ?""", Long.class, String.valueOf(id))).isEqualTo(1);
        }
    }

    private long raise() throws Exception {
        return read(mvc.perform(json(post("/api/v1/obstacles"), """
                        {"allocationId": %d, "category": "DATA_PENERIMA", "description": "SK penerima belum ditetapkan",
                         "since": "%s"}""".formatted(allocationId, today)).with(as("op-disdik")))
                .andExpect(status().isCreated()).andReturn()).get("id").asLong();
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static RequestPostProcessor as(String username) {
        return httpBasic(username, PASSWORD);
    }

    private JsonNode read(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }
}
