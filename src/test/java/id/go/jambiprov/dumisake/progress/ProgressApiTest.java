package id.go.jambiprov.dumisake.progress;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.account.Role;
import id.go.jambiprov.dumisake.shared.JambiTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The output and progress report API and pages over HTTP with the real security configuration, on the demo data:
 * DISDIK allocations of 2026 with output targets and reports up to November, which may show 100 % already (the demo
 * reports up to last month; written in December 2026, so the current month's report is new), and a BEDAH-RUMAH allocation of DPUPR whose
 * programme releases tranche 2 only at 60 % (set by the demo).
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProgressApiTest {

    static final String PASSWORD = "dumisake";
    static final DumisakeUser OP_DISDIK = new DumisakeUser("op-disdik", "Operator DISDIK", Role.OPD_OPERATOR, "DISDIK",
            true, "x");

    static final DumisakeUser EXPERT = new DumisakeUser("ahli", "Tim Ahli", Role.EXPERT, null, true, "x");

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void outputsAreReadWithinTheOpdAndByTheExpertTeam() throws Exception {
        long id = disdikAllocation(0);
        mvc.perform(get("/api/v1/allocations/{id}/outputs", id).with(httpBasic("op-disdik", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").isNumber())
                .andExpect(jsonPath("$[0].name").value("Siswa penerima"))
                .andExpect(jsonPath("$[0].unit").value("siswa"))
                .andExpect(jsonPath("$[0].target").isNumber())
                .andExpect(jsonPath("$[0].achieved").isNumber());
        mvc.perform(get("/api/v1/allocations/{id}/outputs", id).with(httpBasic("ahli", PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/allocations/{id}/progress-reports", id).with(httpBasic("op-dinkes", PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/alokasi/{id}/kemajuan", id).with(user(dinkes()))).andExpect(status().isNotFound());
        long reportId = jdbc.queryForObject("select id from progress_report where allocation_id = ? order by month limit 1",
                Long.class, id);
        mvc.perform(get("/laporan-kemajuan/{id}", reportId).with(user(dinkes()))).andExpect(status().isNotFound());
        mvc.perform(get("/laporan-kemajuan/{id}", reportId).with(user(OP_DISDIK)))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void theExpertTeamReadsButWritesNothing() throws Exception {
        long id = disdikAllocation(1);
        mvc.perform(put("/api/v1/allocations/{id}/outputs", id).contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"name\":\"Siswa\",\"unit\":\"siswa\",\"target\":5}]").with(httpBasic("ahli", PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(report(id, "{\"month\":12,\"physicalPercent\":90}").with(httpBasic("ahli", PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/alokasi/{id}/kemajuan", id).with(user(EXPERT)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Laporan kemajuan bulanan")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"write-report\""))));
    }

    @Test
    void theOperatorWritesTheMonthsReportOnceAndChangesItWithItsVersion() throws Exception {
        long id = disdikAllocation(2);
        JsonNode outputs = read(mvc.perform(get("/api/v1/allocations/{id}/outputs", id)
                .with(httpBasic("op-disdik", PASSWORD))).andReturn().getResponse().getContentAsString());
        long outputId = outputs.get(0).get("id").asLong();
        String body = "{\"month\":12,\"physicalPercent\":100,\"outputs\":[{\"outputId\":" + outputId
                + ",\"achieved\":3}],\"narrative\":\"Penyaluran tahap akhir\"}";

        JsonNode created = read(mvc.perform(report(id, body).with(httpBasic("op-disdik", PASSWORD)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", matchesPattern(".*/api/v1/allocations/" + id + "/progress-reports/\\d+")))
                .andExpect(jsonPath("$.month").value(12))
                .andExpect(jsonPath("$.outputs[0].achieved").value(3))
                .andReturn().getResponse().getContentAsString());
        mvc.perform(report(id, body).with(httpBasic("op-disdik", PASSWORD)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("STALE_VERSION"));
        long version = created.get("version").asLong();
        mvc.perform(report(id, "{\"month\":12,\"physicalPercent\":90,\"version\":" + version + "}")
                        .with(httpBasic("op-disdik", PASSWORD)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("PROGRESS_DECREASE_NEEDS_REASON"))
                .andExpect(jsonPath("$.detail").value(containsString("isi alasan koreksinya")));
        mvc.perform(report(id, "{\"month\":12,\"physicalPercent\":90,\"correctionReason\":\"Salah hitung\",\"version\":"
                        + version + "}").with(httpBasic("op-disdik", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.correctionReason").value("Salah hitung"));
        mvc.perform(get("/api/v1/allocations/{id}/progress-reports", id).with(httpBasic("op-disdik", PASSWORD)))
                .andExpect(jsonPath("$[0].month").value(12))
                .andExpect(jsonPath("$[0].physicalPercent").value(90.0))
                .andExpect(jsonPath("$[1].closed").value(true));
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_event where entity_type = 'ProgressReport' and entity_id = ?
                  and action in ('PROGRESS_REPORT_CREATED', 'PROGRESS_REPORT_EDITED')""", Long.class,
                created.get("id").asString())).isEqualTo(2);
    }

    @Test
    void badInputIsA400AndABrokenRuleA422() throws Exception {
        long id = disdikAllocation(3);
        mvc.perform(report(id, "{\"month\":\"Desember\",\"physicalPercent\":10}").with(httpBasic("op-disdik", PASSWORD)))
                .andExpect(status().isBadRequest());
        mvc.perform(report(id, "{\"month\":12}").with(httpBasic("op-disdik", PASSWORD)))
                .andExpect(status().isBadRequest());
        mvc.perform(report(id, "{\"month\":12,\"physicalPercent\":150}").with(httpBasic("op-disdik", PASSWORD)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("PERCENT_INVALID"));
        mvc.perform(put("/api/v1/allocations/{id}/outputs", id).contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"name\":\" \",\"unit\":\"siswa\",\"target\":5}]").with(httpBasic("op-disdik", PASSWORD)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("OUTPUT_TARGETS_INVALID"))
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void theReportPageShowsARefusalAtItsField() throws Exception {
        long id = disdikAllocation(4);
        mvc.perform(post("/alokasi/{id}/kemajuan/laporan", id).with(user(OP_DISDIK)).with(csrf())
                        .param("month", "12").param("physicalPercent", "1").param("narrative", "Turun"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"correctionReason-error\"")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")))
                .andExpect(content().string(containsString("isi alasan koreksinya")));
        mvc.perform(post("/alokasi/{id}/kemajuan/laporan", id).with(user(OP_DISDIK)).with(csrf())
                        .param("month", "12").param("physicalPercent", "sembilan"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"physicalPercent-error\"")));
        mvc.perform(post("/alokasi/{id}/kemajuan/laporan", id).with(user(OP_DISDIK)).with(csrf())
                        .param("month", "12").param("physicalPercent", "100").param("narrative", "Selesai"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select physical_percent from progress_report where allocation_id = ? and month = 12",
                java.math.BigDecimal.class, id)).isEqualByComparingTo("100");
    }

    @Test
    void aSecondTrancheWaitsForTheProgressTheProgrammeAsks() throws Exception {
        long id = jdbc.queryForObject("""
                select a.id from allocation a
                where a.fiscal_year = 2026 and a.programme_code = 'BEDAH-RUMAH' and a.status = 'ACTIVE'
                  and a.amount - a.disbursed > 2000000
                  and (select r.physical_percent from progress_report r where r.allocation_id = a.id
                       order by r.month desc limit 1) < 60
                order by a.id limit 1""", Long.class);
        String opd = jdbc.queryForObject("select lower(opd_code) from allocation where id = ?", String.class, id);
        String today = LocalDate.now(JambiTime.ZONE).toString();
        JsonNode draft = read(mvc.perform(post("/api/v1/allocations/{id}/disbursements", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"tranche\":2,\"amount\":1000000,\"sp2dNumber\":\"UJI-KEMAJUAN-" + UUID.randomUUID()
                                .toString().substring(0, 8) + "\",\"sp2dDate\":\"" + today + "\"}")
                        .with(httpBasic("op-" + opd, PASSWORD)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        mvc.perform(post("/api/v1/disbursements/{id}/submit", draft.get("id").asLong())
                        .with(httpBasic("op-" + opd, PASSWORD)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("PROGRESS_TOO_LOW"))
                .andExpect(jsonPath("$.requiredPercent").value(60.0))
                .andExpect(jsonPath("$.detail").value(containsString("tahap 2 memerlukan 60 %")));
        assertThat(jdbc.queryForObject("select status from disbursement where id = ?", String.class,
                draft.get("id").asLong())).isEqualTo("DRAFT");

        DumisakeUser operator = new DumisakeUser("op-" + opd, "Operator", Role.OPD_OPERATOR, opd.toUpperCase(), true, "x");
        mvc.perform(post("/pencairan/{id}/ajukan", draft.get("id").asLong()).with(user(operator)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("actionError", containsString("tahap 2 memerlukan 60 %")));
    }

    /** The n-th DISDIK allocation of 2026 with output targets and no December report yet. */
    private long disdikAllocation(int n) {
        return jdbc.queryForObject("""
                select a.id from allocation a
                where a.fiscal_year = 2026 and a.opd_code = 'DISDIK' and a.status = 'ACTIVE'
                  and exists (select 1 from allocation_output o where o.allocation_id = a.id)
                  and exists (select 1 from progress_report r where r.allocation_id = a.id and r.month = 11)
                  and not exists (select 1 from progress_report r where r.allocation_id = a.id and r.month = 12)
                order by a.id offset ? limit 1""", Long.class, 10 + n);
    }

    private static DumisakeUser dinkes() {
        return new DumisakeUser("op-dinkes", "Operator DINKES", Role.OPD_OPERATOR, "DINKES", true, "x");
    }

    private static MockHttpServletRequestBuilder report(long id, String body) {
        return post("/api/v1/allocations/{id}/progress-reports", id).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private JsonNode read(String body) {
        return json.readTree(body);
    }
}
