package id.go.jambiprov.dumisake.allocation;

import com.jayway.jsonpath.JsonPath;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.FiscalYearStatus;
import id.go.jambiprov.dumisake.programme.FiscalYearView;
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

import java.math.BigDecimal;
import java.util.List;

import static id.go.jambiprov.dumisake.allocation.AllocationTestSupport.asAdmin;
import static id.go.jambiprov.dumisake.allocation.AllocationTestSupport.ensureOpen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The allocation JSON API with HTTP Basic, each role. Fiscal years 2071–2073 belong to this class. */
@SpringBootTest
@AutoConfigureMockMvc
class AllocationApiTest {

    static final int YEAR = 2071;
    static final int CLOSED_YEAR = 2072;
    static final BigDecimal PAGU = new BigDecimal("2000000000.00");

    static final RequestPostProcessor ADMIN = httpBasic("admin", "dumisake");
    static final RequestPostProcessor EXPERT = httpBasic("ahli", "dumisake");
    static final RequestPostProcessor OP_DISDIK = httpBasic("op-disdik", "dumisake");
    static final RequestPostProcessor OP_DINKES = httpBasic("op-dinkes", "dumisake");

    @Autowired
    MockMvc mvc;

    @Autowired
    FiscalYearService fiscalYears;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void openTheYearsOfThisClass() {
        ensureOpen(fiscalYears, YEAR, PAGU);
        ensureOpen(fiscalYears, CLOSED_YEAR, PAGU);
        asAdmin(() -> {
            FiscalYearView closed = fiscalYears.get(CLOSED_YEAR);
            if (closed.status() == FiscalYearStatus.OPEN) {
                fiscalYears.close(CLOSED_YEAR, closed.version());
            }
        });
    }

    @Test
    void postCreatesAnAllocation() throws Exception {
        mvc.perform(json(post("/api/v1/allocations"), allocation(YEAR, "15.04.01", "100000000")).with(ADMIN))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/allocations/")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.year").value(YEAR))
                .andExpect(jsonPath("$.kecamatanCode").value("15.04.01"))
                .andExpect(jsonPath("$.opdCode").value("DISDIK"))
                .andExpect(jsonPath("$.programmeCode").value("BANTUAN-PENDIDIKAN"))
                .andExpect(jsonPath("$.mechanism").value("BELANJA_OPD"))
                .andExpect(jsonPath("$.title").value("Seragam sekolah siswa miskin"))
                .andExpect(jsonPath("$.amount").value(100000000.0))
                .andExpect(jsonPath("$.plannedMonth").value(6))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(content().string(containsString("\"amount\":100000000.00")));

        MvcResult desa = mvc.perform(json(post("/api/v1/allocations"), """
                        {"year": %d, "kecamatanCode": "15.04.01", "opdCode": "DP3AP2", "programmeCode": "BKBK-DESA",
                         "mechanism": "BANTUAN_KEUANGAN_DESA", "desaCode": "%s", "title": "BKBK",
                         "amount": 25000000, "plannedMonth": 4}""".formatted(YEAR, desaOf("15.04.01")))
                        .with(ADMIN))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.desaCode").value(desaOf("15.04.01")))
                .andExpect(content().string(containsString("\"amount\":25000000.00")))
                .andReturn();
        long id = id(desa);
        assertThat(desa.getResponse().getHeader("Location")).endsWith("/api/v1/allocations/" + id);

        mvc.perform(get("/api/v1/allocations/{id}", id).with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.mechanism").value("BANTUAN_KEUANGAN_DESA"))
                .andExpect(jsonPath("$.amount").value(25000000.0));
        mvc.perform(get("/api/v1/allocations/{id}", id).with(EXPERT)).andExpect(status().isOk());
    }

    @Test
    void anEnvelopeThatIsShortAnswers422WithWhatRemains() throws Exception {
        String kecamatan = "15.04.02";
        mvc.perform(json(post("/api/v1/allocations"), allocation(YEAR, kecamatan, "1500000000")).with(ADMIN))
                .andExpect(status().isCreated());
        mvc.perform(json(post("/api/v1/allocations"), allocation(YEAR, kecamatan, "500000001")).with(ADMIN))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(422))
                .andExpect(jsonPath("$.code").value("ENVELOPE_EXCEEDED"))
                .andExpect(jsonPath("$.remaining").value(500000000.0))
                .andExpect(jsonPath("$.detail").value(containsString("Rp 500.000.000")));
        mvc.perform(get("/api/v1/fiscal-years/{year}/envelopes/{code}", YEAR, kecamatan).with(ADMIN))
                .andExpect(jsonPath("$.allocated").value(1500000000.0));
    }

    @Test
    void aClosedYearAndADesaOfAnotherKecamatanAnswer422() throws Exception {
        mvc.perform(json(post("/api/v1/allocations"), allocation(CLOSED_YEAR, "15.04.03", "1000000")).with(ADMIN))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("FISCAL_YEAR_CLOSED"));
        mvc.perform(json(post("/api/v1/allocations"), """
                        {"year": %d, "kecamatanCode": "15.04.03", "opdCode": "DP3AP2", "programmeCode": "BKBK-DESA",
                         "mechanism": "BANTUAN_KEUANGAN_DESA", "desaCode": "%s", "title": "BKBK",
                         "amount": 1000000, "plannedMonth": 4}""".formatted(YEAR, desaOf("15.04.01")))
                        .with(ADMIN))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("DESA_OUTSIDE_KECAMATAN"));
    }

    @Test
    void malformedInputAnswers400ProblemJson() throws Exception {
        List<String> bodies = List.of(
                allocation(YEAR, "15.04.04", "\"abc\""),
                allocation(YEAR, "15.04.04", "-5"),
                allocation(YEAR, "15.04.04", "0"),
                allocation(YEAR, "15.04.04", "1.001"),
                allocation(YEAR, "15.04.04", "1000000").replace("\"plannedMonth\": 6", "\"plannedMonth\": 13"),
                allocation(YEAR, "15.04.04", "1000000").replace("\"mechanism\": \"BELANJA_OPD\"",
                        "\"mechanism\": \"TUNAI\""),
                """
                {"year": %d, "kecamatanCode": "15.04.04"}""".formatted(YEAR),
                "{\"year\": ",
                "");
        for (String body : bodies) {
            mvc.perform(json(post("/api/v1/allocations"), body).with(ADMIN))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(400));
        }
        mvc.perform(get("/api/v1/fiscal-years/{year}/envelopes/{code}", YEAR, "15.04.04").with(ADMIN))
                .andExpect(jsonPath("$.allocated").value(0.0));
    }

    @Test
    void onlyTheAdminAllocates() throws Exception {
        for (RequestPostProcessor notAdmin : List.of(EXPERT, OP_DISDIK)) {
            mvc.perform(json(post("/api/v1/allocations"), allocation(YEAR, "15.04.05", "1000000")).with(notAdmin))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(get("/api/v1/fiscal-years/{year}/envelopes/{code}", YEAR, "15.04.05").with(ADMIN))
                .andExpect(jsonPath("$.allocated").value(0.0));
    }

    @Test
    void anonymousCallsAnswer401() throws Exception {
        mvc.perform(get("/api/v1/allocations").param("year", String.valueOf(YEAR)))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/fiscal-years"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/allocations").with(httpBasic("admin", "salah")))
                .andExpect(status().isUnauthorized());
    }

    /** Without credentials and without a session nobody is authenticated yet: 401, not 403. */
    @Test
    void anAnonymousPostAnswers401() throws Exception {
        mvc.perform(json(post("/api/v1/allocations"), allocation(YEAR, "15.04.05", "1000000")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void operatorsSeeOnlyTheirOwnOpd() throws Exception {
        String kecamatan = "15.04.06";
        long disdik = id(mvc.perform(json(post("/api/v1/allocations"), allocation(YEAR, kecamatan, "10000000"))
                .with(ADMIN)).andExpect(status().isCreated()).andReturn());
        long dinkes = id(mvc.perform(json(post("/api/v1/allocations"), """
                        {"year": %d, "kecamatanCode": "%s", "opdCode": "DINKES", "programmeCode": "JAMINAN-KESEHATAN",
                         "mechanism": "BELANJA_OPD", "title": "Iuran JKN", "amount": 20000000, "plannedMonth": 3}"""
                        .formatted(YEAR, kecamatan))
                .with(ADMIN)).andExpect(status().isCreated()).andReturn());

        mvc.perform(get("/api/v1/allocations/{id}", disdik).with(OP_DINKES))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/allocations/{id}", dinkes).with(OP_DINKES)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/allocations/{id}", disdik).with(OP_DISDIK)).andExpect(status().isOk());

        mvc.perform(get("/api/v1/allocations").param("year", String.valueOf(YEAR)).param("kecamatanCode", kecamatan)
                        .with(OP_DISDIK))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].opdCode", everyItem(is("DISDIK"))))
                .andExpect(jsonPath("$.content[*].id", hasItem((int) disdik)))
                .andExpect(jsonPath("$.content[*].id", not(hasItem((int) dinkes))))
                .andExpect(jsonPath("$.totalElements").value(1));
        // asking for another OPD's rows explicitly changes nothing
        mvc.perform(get("/api/v1/allocations").param("year", String.valueOf(YEAR)).param("opdCode", "DINKES")
                        .with(OP_DISDIK))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(0));
        mvc.perform(get("/api/v1/allocations").param("year", String.valueOf(YEAR)).param("kecamatanCode", kecamatan)
                        .with(ADMIN))
                .andExpect(jsonPath("$.totalElements").value(2));
    }

    @Test
    void searchIsPagedAndFiltered() throws Exception {
        String kecamatan = "15.04.07";
        for (int i = 0; i < 3; i++) {
            mvc.perform(json(post("/api/v1/allocations"), allocation(YEAR, kecamatan, "1000000")).with(ADMIN))
                    .andExpect(status().isCreated());
        }
        mvc.perform(get("/api/v1/allocations").param("year", String.valueOf(YEAR)).param("kecamatanCode", kecamatan)
                        .param("opdCode", "DISDIK").param("size", "2").param("page", "0").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(2))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.totalElements").value(3))
                .andExpect(jsonPath("$.totalPages").value(2))
                .andExpect(jsonPath("$.content[*].kecamatanCode", everyItem(is(kecamatan))))
                .andExpect(jsonPath("$.content[*].year", everyItem(is(YEAR))));
        mvc.perform(get("/api/v1/allocations").param("year", String.valueOf(YEAR)).param("kecamatanCode", kecamatan)
                        .param("size", "2").param("page", "1").with(ADMIN))
                .andExpect(jsonPath("$.content.length()").value(1))
                .andExpect(jsonPath("$.page").value(1));
        mvc.perform(get("/api/v1/allocations").param("year", String.valueOf(YEAR)).param("kecamatanCode", kecamatan)
                        .param("opdCode", "DINKES").with(ADMIN))
                .andExpect(jsonPath("$.totalElements").value(0));
    }

    @Test
    void putAmountRevisesAndAStaleVersionAnswers409() throws Exception {
        String kecamatan = "15.04.08";
        long id = id(mvc.perform(json(post("/api/v1/allocations"), allocation(YEAR, kecamatan, "100000000"))
                .with(ADMIN)).andExpect(status().isCreated()).andReturn());

        mvc.perform(json(put("/api/v1/allocations/{id}/amount", id), "{\"amount\": 150000000, \"version\": 0}")
                        .with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.amount").value(150000000.0))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(json(put("/api/v1/allocations/{id}/amount", id), "{\"amount\": 160000000, \"version\": 0}")
                        .with(ADMIN))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("STALE_VERSION"));
        mvc.perform(json(put("/api/v1/allocations/{id}/amount", id), "{\"amount\": 2000000001, \"version\": 1}")
                        .with(ADMIN))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("ENVELOPE_EXCEEDED"))
                .andExpect(jsonPath("$.remaining").value(1850000000.0));
        mvc.perform(json(put("/api/v1/allocations/{id}/amount", id), "{\"amount\": \"banyak\", \"version\": 1}")
                        .with(ADMIN))
                .andExpect(status().isBadRequest());
        mvc.perform(json(put("/api/v1/allocations/{id}/amount", id), "{\"amount\": 1}").with(ADMIN))
                .andExpect(status().isBadRequest());
        mvc.perform(json(put("/api/v1/allocations/{id}/amount", id), "{\"amount\": 1, \"version\": 1}")
                        .with(OP_DISDIK))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/allocations/{id}", id).with(ADMIN))
                .andExpect(jsonPath("$.amount").value(150000000.0))
                .andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void cancelReturnsTheMoneyToTheEnvelope() throws Exception {
        String kecamatan = "15.04.01";
        long id = id(mvc.perform(json(post("/api/v1/allocations"), allocation(YEAR, kecamatan, "300000000"))
                .with(ADMIN)).andExpect(status().isCreated()).andReturn());
        BigDecimal remainingBefore = remaining(kecamatan);

        mvc.perform(json(post("/api/v1/allocations/{id}/cancel", id), "{\"reason\": \"salah kecamatan\", \"version\": 0}")
                        .with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.cancelReason").value("salah kecamatan"));

        assertThat(remaining(kecamatan)).isEqualByComparingTo(remainingBefore.add(new BigDecimal("300000000")));
        mvc.perform(json(post("/api/v1/allocations/{id}/cancel", id), "{\"version\": 1}").with(ADMIN))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("ALLOCATION_CANCELLED"));
        mvc.perform(post("/api/v1/allocations/{id}/cancel", 999_999_999L).with(ADMIN))
                .andExpect(status().isNotFound());
    }

    @Test
    void perDesaAllocatesEveryDesaOrRefusesWithTheShortKecamatan() throws Exception {
        String kecamatan = "15.05.02";
        int desa = jdbc.queryForObject("select count(*) from desa where kecamatan_code = ?", Integer.class, kecamatan);
        String perDesa = """
                {"year": %d, "kecamatanCode": "%s", "onlyDesa": false, "opdCode": "DP3AP2",
                 "programmeCode": "BKBK-DESA", "title": "BKBK", "amountPerDesa": %s, "plannedMonth": 4}""";
        mvc.perform(json(post("/api/v1/allocations/per-desa"), perDesa.formatted(YEAR, kecamatan, "10000000"))
                        .with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.allocations").value(desa))
                .andExpect(jsonPath("$.kecamatan").value(1))
                .andExpect(jsonPath("$.total").value(10_000_000.0 * desa));
        // again: every desa holds a BKBK-DESA allocation of the year now, so each is skipped and listed
        mvc.perform(json(post("/api/v1/allocations/per-desa"), perDesa.formatted(YEAR, kecamatan, "10000000"))
                        .with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.allocations").value(0))
                .andExpect(jsonPath("$.skipped.length()").value(desa));
        BigDecimal remaining = remaining(kecamatan);
        String includingExisting = perDesa.replace("\"onlyDesa\": false", "\"onlyDesa\": false, \"includeExisting\": true");
        mvc.perform(json(post("/api/v1/allocations/per-desa"), includingExisting.formatted(YEAR, kecamatan, "2000000000"))
                        .with(ADMIN))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ENVELOPE_EXCEEDED"))
                .andExpect(jsonPath("$.shortfalls.length()").value(1))
                .andExpect(jsonPath("$.shortfalls[0].kecamatanCode").value(kecamatan))
                .andExpect(jsonPath("$.shortfalls[0].required").value(2_000_000_000.0 * desa))
                .andExpect(jsonPath("$.shortfalls[0].remaining").value(remaining.doubleValue()));
        assertThat(remaining(kecamatan)).isEqualByComparingTo(remaining);
        mvc.perform(json(post("/api/v1/allocations/per-desa"), perDesa.formatted(YEAR, kecamatan, "1000000"))
                        .with(OP_DISDIK))
                .andExpect(status().isForbidden());
    }

    /** Allocations are whole rupiah: sen are refused by the one rule, on every path of the API, and nothing moves. */
    @Test
    void senAreRefusedWithAProblemAndNothingChanges() throws Exception {
        String kecamatan = "15.05.03";
        BigDecimal remaining = remaining(kecamatan);
        mvc.perform(json(post("/api/v1/allocations"), allocation(YEAR, kecamatan, "10000000.50")).with(ADMIN))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("SEN_NOT_ALLOWED"))
                .andExpect(jsonPath("$.detail").value(containsString("Rp 10.000.000,50")));
        long id = id(mvc.perform(json(post("/api/v1/allocations"), allocation(YEAR, kecamatan, "10000000.00"))
                .with(ADMIN)).andExpect(status().isCreated()).andReturn());
        mvc.perform(json(put("/api/v1/allocations/{id}/amount", id), "{\"amount\": 12000000.01, \"version\": 0}")
                        .with(ADMIN))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("SEN_NOT_ALLOWED"));
        mvc.perform(json(post("/api/v1/allocations/per-desa"), """
                        {"year": %d, "kecamatanCode": "%s", "onlyDesa": false, "opdCode": "DP3AP2", "programmeCode": "BKBK-DESA",
                         "title": "BKBK", "amountPerDesa": 1000000.5, "plannedMonth": 4}""".formatted(YEAR, kecamatan))
                        .with(ADMIN))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("SEN_NOT_ALLOWED"));
        assertThat(remaining(kecamatan)).isEqualByComparingTo(remaining.subtract(new BigDecimal("10000000")));
    }

    /** An envelope's total spans every OPD, so it is for the admin and the expert team only. */
    @Test
    void operatorsDoNotReadEnvelopes() throws Exception {
        mvc.perform(get("/api/v1/fiscal-years/{year}/envelopes/{code}", YEAR, "15.05.01").with(OP_DISDIK))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/fiscal-years/{year}/envelopes", YEAR).with(OP_DISDIK))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/fiscal-years/{year}/envelopes/{code}", YEAR, "15.05.01").with(EXPERT))
                .andExpect(status().isOk());
    }

    @Test
    void fiscalYearsEnvelopesAndProgrammes() throws Exception {
        mvc.perform(get("/api/v1/fiscal-years").with(EXPERT))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.year == %d)].status".formatted(YEAR)).value(hasItem("OPEN")))
                .andExpect(jsonPath("$[?(@.year == %d)].status".formatted(CLOSED_YEAR)).value(hasItem("CLOSED")))
                .andExpect(jsonPath("$[?(@.year == %d)].paguPerKecamatan".formatted(YEAR)).value(hasItem(2.0E9)));

        mvc.perform(get("/api/v1/fiscal-years/{year}/envelopes/{code}", YEAR, "15.05.01").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(YEAR))
                .andExpect(jsonPath("$.kecamatanCode").value("15.05.01"))
                .andExpect(jsonPath("$.kecamatanName").isString())
                .andExpect(jsonPath("$.pagu").value(2.0E9))
                .andExpect(jsonPath("$.allocated").value(0.0))
                .andExpect(jsonPath("$.remaining").value(2.0E9))
                .andExpect(jsonPath("$.realised").value(0.0))
                .andExpect(content().string(containsString("\"pagu\":2000000000.00")));
        mvc.perform(get("/api/v1/fiscal-years/{year}/envelopes/{code}", YEAR, "15.99.99").with(ADMIN))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        mvc.perform(get("/api/v1/programmes").with(OP_DISDIK))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(org.hamcrest.Matchers.greaterThanOrEqualTo(11)))
                .andExpect(jsonPath("$[?(@.code == 'BANTUAN-PENDIDIKAN')].leadOpdCode").value(hasItem("DISDIK")))
                .andExpect(jsonPath("$[?(@.code == 'BANTUAN-PENDIDIKAN')].pillar").value(hasItem("CERDAS")))
                .andExpect(jsonPath("$[?(@.code == 'BANTUAN-PENDIDIKAN')].active").value(hasItem(true)))
                .andExpect(jsonPath("$[0].name").isString());
    }

    @Test
    void openingAYearThroughTheApiIsForTheAdmin() throws Exception {
        mvc.perform(json(post("/api/v1/fiscal-years"), "{\"year\": 2073, \"paguPerKecamatan\": 2000000000}")
                        .with(EXPERT))
                .andExpect(status().isForbidden());
        mvc.perform(json(post("/api/v1/fiscal-years"), "{\"year\": %d, \"paguPerKecamatan\": 2000000000}"
                        .formatted(YEAR)).with(ADMIN))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("FISCAL_YEAR_EXISTS"));
        mvc.perform(json(post("/api/v1/fiscal-years"), "{\"year\": 2073, \"paguPerKecamatan\": -1}").with(ADMIN))
                .andExpect(status().isBadRequest());
        mvc.perform(json(post("/api/v1/fiscal-years"), "{\"year\": 2073, \"paguPerKecamatan\": 2000000000}")
                        .with(ADMIN))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", endsWith("/api/v1/fiscal-years/2073/envelopes")))
                .andExpect(jsonPath("$.year").value(2073))
                .andExpect(jsonPath("$.status").value("OPEN"));
    }

    private BigDecimal remaining(String kecamatan) throws Exception {
        String body = mvc.perform(get("/api/v1/fiscal-years/{year}/envelopes/{code}", YEAR, kecamatan).with(ADMIN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return new BigDecimal(JsonPath.parse(body).read("$.remaining").toString());
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON,
                MediaType.APPLICATION_PROBLEM_JSON).content(body);
    }

    private static String allocation(int year, String kecamatan, String amount) {
        return """
                {"year": %d, "kecamatanCode": "%s", "opdCode": "DISDIK", "programmeCode": "BANTUAN-PENDIDIKAN",
                 "mechanism": "BELANJA_OPD", "title": "Seragam sekolah siswa miskin", "amount": %s,
                 "plannedMonth": 6}""".formatted(year, kecamatan, amount);
    }

    private static long id(MvcResult result) throws Exception {
        return ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.id")).longValue();
    }

    private String desaOf(String kecamatan) {
        return jdbc.queryForObject("select min(code) from desa where kecamatan_code = ? and type = 'DESA'",
                String.class, kecamatan);
    }
}
