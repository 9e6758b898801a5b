package id.go.jambiprov.dumisake.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What operations see: probes, Prometheus with the programme's figures, and a request id everywhere. */
@SpringBootTest
@AutoConfigureMockMvc
class ObservabilityTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    List<ScheduledTaskHolder> schedulers;

    @Test
    void livenessAndReadinessIncludingTheDatabaseAreOpenToTheLoadBalancer() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void prometheusShowsTheProgrammesFiguresToAdminsOnly() throws Exception {
        refreshTheFigures();
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("ahli", "dumisake"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "dumisake")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("dumisake_allocated_rupiah{year=\"2026\"}")))
                .andExpect(content().string(containsString("dumisake_realised_rupiah{year=\"2025\"}")))
                .andExpect(content().string(containsString("dumisake_disbursements_waiting")));
    }

    /**
     * Runs the scheduled refresh of the programme's figures now, as its next turn would: its minute may not have come
     * since the demo data was loaded (a shorter period for this class alone would cost the suite a context of its own).
     */
    private void refreshTheFigures() {
        List<ScheduledTask> refresh = schedulers.stream().flatMap(holder -> holder.getScheduledTasks().stream())
                .filter(task -> task.toString().endsWith(".BusinessMetrics.refresh")).toList();
        assertThat(refresh).as("the scheduled refresh of the figures").hasSize(1);
        refresh.get(0).getTask().getRunnable().run();
    }

    @Test
    void everyResponseCarriesARequestIdThatErrorsRepeat() throws Exception {
        mvc.perform(get("/login")).andExpect(header().string(RequestIdFilter.HEADER, matchesPattern("[0-9a-f-]{36}")));
        mvc.perform(get("/api/v1/tidak-ada").header(RequestIdFilter.HEADER, "lb-1234567890")
                        .with(httpBasic("admin", "dumisake")))
                .andExpect(header().string(RequestIdFilter.HEADER, "lb-1234567890"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/login").header(RequestIdFilter.HEADER, "<script>"))
                .andExpect(header().string(RequestIdFilter.HEADER, matchesPattern("[0-9a-f-]{36}")));
    }
}
