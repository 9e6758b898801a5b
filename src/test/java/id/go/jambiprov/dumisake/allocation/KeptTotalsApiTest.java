package id.go.jambiprov.dumisake.allocation;

import id.go.jambiprov.dumisake.programme.FiscalYearService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;

import static id.go.jambiprov.dumisake.allocation.AllocationTestSupport.ensureOpen;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The operators' check of the kept totals over HTTP: admins read the differences of a year (none after a write through
 * the API), everyone else is refused. Fiscal year 2077 (shared with {@code KeptTotalsConcurrencyTest}, whose writes
 * leave no difference either).
 */
@SpringBootTest
@AutoConfigureMockMvc
class KeptTotalsApiTest {

    static final int YEAR = 2077;
    static final String DIFFERENCES = "/api/v1/allocations/kept-totals/differences";

    @Autowired
    MockMvc mvc;

    @Autowired
    FiscalYearService fiscalYears;

    @Test
    void anAdminReadsNoDifferenceAfterAWrite() throws Exception {
        ensureOpen(fiscalYears, YEAR, new BigDecimal("2000000000.00"));
        mvc.perform(post("/api/v1/allocations").with(httpBasic("admin", "dumisake"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"year": 2077, "kecamatanCode": "15.07.01", "opdCode": "DISDIK",
                                 "programmeCode": "BANTUAN-PENDIDIKAN", "mechanism": "BELANJA_OPD",
                                 "title": "Uji total terjaga lewat API", "amount": 25000000, "plannedMonth": 4}"""))
                .andExpect(status().isCreated());

        mvc.perform(get(DIFFERENCES).param("year", String.valueOf(YEAR)).with(httpBasic("admin", "dumisake")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void theExpertTeamAndOperatorsAreRefused() throws Exception {
        mvc.perform(get(DIFFERENCES).param("year", String.valueOf(YEAR)).with(httpBasic("ahli", "dumisake")))
                .andExpect(status().isForbidden());
        mvc.perform(get(DIFFERENCES).param("year", String.valueOf(YEAR)).with(httpBasic("op-disdik", "dumisake")))
                .andExpect(status().isForbidden());
    }
}
