package id.go.jambiprov.dumisake.monev;

import id.go.jambiprov.dumisake.StatementCounter;
import id.go.jambiprov.dumisake.account.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The deviation API and the monev pages over HTTP with the real security configuration, on the rows of
 * {@link MonevFixture} (fiscal year 2004, rolled back after each test), and the number of SQL statements they
 * cost: the same for that small year and the demo's full 2026.
 */
// the properties of the other statement-count tests, so that they share one context
@SpringBootTest(properties = "dumisake.web.fragment-cache-ttl=PT0S")
@AutoConfigureMockMvc
@Transactional
@Import(StatementCounter.class)
class DeviationApiTest {

    private static final int YEAR = 2004;

    @Autowired
    MockMvc mvc;
    @Autowired
    StatementCounter statements;
    @Autowired
    JdbcTemplate jdbc;

    MonevFixture data;

    @BeforeEach
    void aYearWithReports() {
        data = MonevFixture.insert(jdbc, YEAR);
    }

    @Test
    void theRowsPerOpdCarryTheFiguresAndTheLight() throws Exception {
        mvc.perform(get("/api/v1/dashboard/deviation").param("year", "2004").param("groupBy", "opd")
                        .with(user(SignedIn.EXPERT)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[?(@.code == 'DISDIK')].status").value("YELLOW"))
                .andExpect(jsonPath("$[?(@.code == 'DISDIK')].plannedPercent").value(100.0))
                .andExpect(jsonPath("$[?(@.code == 'DISDIK')].physicalPercent").value(81.0))
                .andExpect(jsonPath("$[?(@.code == 'DISDIK')].financialPercent").value(10.0))
                .andExpect(jsonPath("$[?(@.code == 'DISDIK')].deviation").value(19.0))
                .andExpect(jsonPath("$[?(@.code == 'DINKES')].status").value("RED"));

        mvc.perform(get("/api/v1/dashboard/deviation").param("year", "2004").param("groupBy", "kabupaten-kota")
                        .with(user(SignedIn.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code").value(org.hamcrest.Matchers.contains("15.01", "15.71")));
        mvc.perform(get("/api/v1/dashboard/deviation").param("year", "2004").param("groupBy", "programme")
                        .param("kabupatenKota", "15.01").with(user(SignedIn.ADMIN)))
                .andExpect(jsonPath("$[*].code").value(org.hamcrest.Matchers.contains("BANTUAN-PENDIDIKAN")));
    }

    @Test
    void anOperatorGetsOnlyItsOpdsAllocations() throws Exception {
        mvc.perform(get("/api/v1/dashboard/deviation").param("year", "2004").param("groupBy", "allocation")
                        .with(user(SignedIn.OPERATOR_DINKES)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].code").value(String.valueOf(data.silent())))
                .andExpect(jsonPath("$[0].status").value("RED"));
    }

    @Test
    void everyAllocationOfAYearComesInPagesWithTheirCountAndLinks() throws Exception {
        String allocations = "/api/v1/dashboard/deviation?year=" + YEAR + "&groupBy=allocation";
        mvc.perform(get(allocations + "&size=3").with(user(SignedIn.EXPERT)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code").value(org.hamcrest.Matchers.contains(String.valueOf(data.green()),
                        String.valueOf(data.behind()), String.valueOf(data.silent()))))
                .andExpect(header().string("X-Total-Count", "4"))
                .andExpect(header().string("Link", containsString("page=1&size=3>; rel=\"next\"")))
                .andExpect(header().string("Link", containsString("page=1&size=3>; rel=\"last\"")));
        // a page beyond the last answers the last one
        mvc.perform(get(allocations + "&size=3&page=7").with(user(SignedIn.EXPERT)))
                .andExpect(jsonPath("$[*].code").value(org.hamcrest.Matchers.contains(String.valueOf(data.late()))))
                .andExpect(header().string("Link", containsString("page=0&size=3>; rel=\"prev\"")));
        // without page or size: the allocations are paged all the same, the grouped views answer whole
        mvc.perform(get(allocations).with(user(SignedIn.EXPERT)))
                .andExpect(jsonPath("$", hasSize(4)))
                .andExpect(header().string("X-Total-Count", "4"));
        mvc.perform(get("/api/v1/dashboard/deviation?year=" + YEAR + "&groupBy=opd").with(user(SignedIn.EXPERT)))
                .andExpect(header().doesNotExist("X-Total-Count"));
        for (String bad : new String[] {"&size=0", "&size=501", "&page=-1", "&size=banyak"}) {
            mvc.perform(get(allocations + bad).with(user(SignedIn.EXPERT)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }

        mvc.perform(get("/monev?year=" + YEAR + "&groupBy=allocation&size=10").with(user(SignedIn.EXPERT)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Menampilkan 1–4 dari 4 data")))
                .andExpect(content().string(containsString("Gunung Raya, Kabupaten Kerinci")));
    }

    @Test
    void aGroupingOrYearThatIsNoneIsAProblem() throws Exception {
        for (String[] bad : new String[][] {{"2004", "desa"}, {"dua ribu", "opd"}, {"1800", "opd"}}) {
            mvc.perform(get("/api/v1/dashboard/deviation").param("year", bad[0]).param("groupBy", bad[1])
                            .with(user(SignedIn.EXPERT)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(get("/api/v1/dashboard/deviation").param("year", "2002").with(user(SignedIn.EXPERT)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void thePagesShowTheLightInWordsAndKenapaBelumJalanTheEscalatedObstacle() throws Exception {
        mvc.perform(get("/monev").param("year", "2004").param("groupBy", "kecamatan").with(user(SignedIn.EXPERT)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"monev-row-15.01.01\" data-status=\"YELLOW\"")))
                .andExpect(content().string(containsString(">Kuning</span>")));
        mvc.perform(get("/monev/belum-jalan").param("year", "2004").with(user(SignedIn.OPERATOR_DISDIK)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/kendala/" + data.escalatedObstacle())))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("/alokasi/" + data.silent()))));
    }

    @Test
    void onlyAnAdminSetsTheThresholdsAndAWrongPairIsShownAtTheField() throws Exception {
        mvc.perform(get("/monev/ambang").with(user(SignedIn.EXPERT))).andExpect(status().isForbidden());
        long version = jdbc.queryForObject("select version from monev_setting", Long.class);
        mvc.perform(post("/monev/ambang").param("greenMax", "30").param("yellowMax", "20")
                        .param("version", String.valueOf(version)).with(csrf()).with(user(SignedIn.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("aria-invalid=\"true\"")))
                .andExpect(content().string(containsString("Ambang kuning tidak boleh lebih kecil dari ambang hijau.")));
        assertThat(jdbc.queryForObject("select yellow_max_deviation from monev_setting", BigDecimal.class))
                .isEqualByComparingTo("25");

        mvc.perform(post("/monev/ambang").param("greenMax", "12.5").param("yellowMax", "30")
                        .param("version", String.valueOf(version)).with(csrf()).with(user(SignedIn.ADMIN)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'MONEV_SETTING_CHANGED'"
                + " and after_state ->> 'greenMaxDeviation' = '12.5'", Integer.class)).isEqualTo(1);
    }

    @Test
    void theDeviationCostsTheSameStatementsForTheDemoYearAsForAFewAllocations() throws Exception {
        for (String url : new String[] {"/api/v1/dashboard/deviation?groupBy=allocation&year=", "/monev?year=",
                "/monev/belum-jalan?year="}) {
            statements.statementsOf(mvc, url + YEAR);
            int few = statements.statementsOf(mvc, url + YEAR);
            int full = statements.statementsOf(mvc, url + 2026);
            // a page's statements include the navigation's unread count (one) and the thresholds (one, read by
            // JDBC since JPA's find was a twelfth of the API's time), besides the deviation's own
            assertThat(full).as(url).isEqualTo(few).isLessThanOrEqualTo(8);
        }
    }

}
