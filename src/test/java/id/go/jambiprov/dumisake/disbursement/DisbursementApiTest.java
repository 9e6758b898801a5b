package id.go.jambiprov.dumisake.disbursement;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.account.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.TimeZone;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The disbursement API and pages over HTTP, with the real security configuration. Works on a demo
 * allocation of DISDIK in 2026 that still has room, with SP2D numbers of its own and SP2D dates not after
 * today (the real clock: 28 Nov 2026 when written; 2 Nov 2026 is used).
 */
@SpringBootTest
@AutoConfigureMockMvc
class DisbursementApiTest {

    static final String SP2D_DATE = "2026-11-02";
    static final String PASSWORD = "dumisake";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    long allocationId;

    @BeforeEach
    void pickADisdikAllocationWithRoom() throws Exception {
        JsonNode page = read(mvc.perform(get("/api/v1/allocations").param("year", "2026").param("status", "ACTIVE")
                        .param("size", "1000").with(op("op-disdik")))
                .andExpect(status().isOk()).andReturn());
        BigDecimal bestRoom = BigDecimal.ZERO;
        for (JsonNode allocation : page.get("content")) {
            assertThat(allocation.get("opdCode").asString()).isEqualTo("DISDIK");
            BigDecimal room = allocation.get("amount").decimalValue().subtract(allocation.get("disbursed").decimalValue());
            if (room.compareTo(bestRoom) > 0) {
                bestRoom = room;
                allocationId = allocation.get("id").asLong();
            }
        }
        assertThat(bestRoom).as("a DISDIK allocation of 2026 with room").isGreaterThan(new BigDecimal("10000000"));
    }

    @Test
    void anOperatorRecordsADraftOnItsOwnAllocation() throws Exception {
        MvcResult result = mvc.perform(create(allocationId, body("1000000", sp2d())).with(op("op-disdik")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.matchesPattern(".*/api/v1/disbursements/\\d+")))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.allocationId").value(allocationId))
                .andExpect(jsonPath("$.createdBy").value("op-disdik"))
                .andReturn();
        long id = read(result).get("id").asLong();
        assertThat(result.getResponse().getHeader("Location")).endsWith("/api/v1/disbursements/" + id);
        mvc.perform(get("/api/v1/disbursements/{id}", id).with(op("op-disdik")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id));
    }

    @Test
    void theSameIdempotencyKeyTwiceAnswersWithTheSameDisbursement() throws Exception {
        String key = UUID.randomUUID().toString();
        long first = read(mvc.perform(create(allocationId, body("1000000", sp2d())).header("Idempotency-Key", key)
                .with(op("op-disdik"))).andExpect(status().isCreated()).andReturn()).get("id").asLong();
        BigDecimal disbursedAfterFirst = allocation("op-disdik").get("disbursed").decimalValue();
        long second = read(mvc.perform(create(allocationId, body("1000000", sp2d())).header("Idempotency-Key", key)
                .with(op("op-disdik"))).andReturn()).get("id").asLong();
        assertThat(second).isEqualTo(first);
        assertThat(allocation("op-disdik").get("disbursed").decimalValue()).isEqualByComparingTo(disbursedAfterFirst);
        JsonNode list = read(mvc.perform(get("/api/v1/allocations/{id}/disbursements", allocationId)
                .with(op("op-disdik"))).andExpect(status().isOk()).andReturn());
        long withThatId = 0;
        for (JsonNode d : list) {
            if (d.get("id").asLong() == first) {
                withThatId++;
            }
        }
        assertThat(withThatId).isEqualTo(1);
    }

    @Test
    void onlyTheOperatorOfTheOpdRecords() throws Exception {
        mvc.perform(create(allocationId, body("1000000", sp2d())).with(op("op-dinkes")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(create(allocationId, body("1000000", sp2d())).with(httpBasic("ahli", PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(create(allocationId, body("1000000", sp2d())).with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    /**
     * An anonymous script is told to authenticate (401), whatever the method: a POST without credentials and
     * without a session must not stop at the CSRF filter with a 403. There is no Basic challenge: a browser
     * would answer it with a password prompt and then keep sending those credentials on its own.
     */
    @Test
    void anAnonymousCallerIsToldToAuthenticate() throws Exception {
        mvc.perform(get("/api/v1/allocations/{id}/disbursements", allocationId))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("WWW-Authenticate"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(create(allocationId, body("1000000", sp2d())))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("WWW-Authenticate"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void moreThanTheAllocationHasLeftIsRefusedWithWhatIsAvailable() throws Exception {
        JsonNode allocation = allocation("op-disdik");
        BigDecimal available = allocation.get("amount").decimalValue().subtract(allocation.get("disbursed").decimalValue());
        MvcResult result = mvc.perform(create(allocationId, body(available.add(new BigDecimal("0.01")).toPlainString(),
                        sp2d())).with(op("op-disdik")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ALLOCATION_EXCEEDED"))
                .andReturn();
        assertThat(read(result).get("available").decimalValue()).isEqualByComparingTo(available);
        assertThat(allocation("op-disdik").get("disbursed").decimalValue())
                .isEqualByComparingTo(allocation.get("disbursed").decimalValue());
    }

    @Test
    void aMalformedBodyIs400ProblemJson() throws Exception {
        for (String bad : new String[]{
                "{\"tranche\":1,\"amount\":\"abc\",\"sp2dNumber\":\"" + sp2d() + "\",\"sp2dDate\":\"" + SP2D_DATE + "\"}",
                "{\"tranche\":1,\"amount\":1000000,\"sp2dDate\":\"" + SP2D_DATE + "\"}",
                "{\"tranche\":0,\"amount\":1000000,\"sp2dNumber\":\"" + sp2d() + "\",\"sp2dDate\":\"" + SP2D_DATE + "\"}",
                "{\"tranche\":1,\"amount\":-5,\"sp2dNumber\":\"" + sp2d() + "\",\"sp2dDate\":\"" + SP2D_DATE + "\"}",
                "{\"tranche\":1,\"amount\":1000000,\"sp2dNumber\":\"" + sp2d() + "\",\"sp2dDate\":\"2. Nov\"}",
                "{not json"}) {
            mvc.perform(post("/api/v1/allocations/{id}/disbursements", allocationId)
                            .contentType(MediaType.APPLICATION_JSON).content(bad).with(op("op-disdik")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void submitVerifyAndRejectOverTheApi() throws Exception {
        BigDecimal realisedBefore = allocation("admin").get("realised").decimalValue();
        long id = createdDraft("2000000");

        mvc.perform(post("/api/v1/disbursements/{id}/submit", id).with(op("op-disdik")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"));
        mvc.perform(post("/api/v1/disbursements/{id}/verify", id).with(op("op-disdik")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/disbursements/{id}/verify", id).with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("VERIFIED"))
                .andExpect(jsonPath("$.decidedBy").value("admin"));
        assertThat(allocation("admin").get("realised").decimalValue())
                .isEqualByComparingTo(realisedBefore.add(new BigDecimal("2000000")));

        mvc.perform(post("/api/v1/disbursements/{id}/reject", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{}").with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/disbursements/{id}/reject", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"  \"}").with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/disbursements/{id}/reject", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"SPJ belum lengkap\"}").with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVALID_TRANSITION"));
    }

    @Test
    void aRejectionOverTheApiGivesTheMoneyBack() throws Exception {
        BigDecimal disbursedBefore = allocation("admin").get("disbursed").decimalValue();
        long id = createdDraft("3000000");
        mvc.perform(post("/api/v1/disbursements/{id}/submit", id).with(op("op-disdik"))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/disbursements/{id}/reject", id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"SPJ belum lengkap\"}").with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.rejectReason").value("SPJ belum lengkap"));
        assertThat(allocation("admin").get("disbursed").decimalValue()).isEqualByComparingTo(disbursedBefore);
    }

    @Test
    void aRecordOfDisdikIsNotFoundForDinkesAndVisibleToTheExperts() throws Exception {
        long id = createdDraft("1000000");
        mvc.perform(get("/api/v1/disbursements/{id}", id).with(op("op-dinkes")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/allocations/{id}/disbursements", allocationId).with(op("op-dinkes")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/disbursements/{id}/submit", id).with(op("op-dinkes")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/disbursements/{id}", id).with(httpBasic("ahli", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.status").value("DRAFT"));
        mvc.perform(get("/api/v1/allocations/{id}/disbursements", allocationId).with(httpBasic("ahli", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")]").exists());
        mvc.perform(get("/api/v1/disbursements/{id}", 999_999_999L).with(op("op-disdik")))
                .andExpect(status().isNotFound());
    }

    @Test
    void thePagesOfADisdikRecordAreNotFoundForDinkes() throws Exception {
        long id = createdDraft("1000000");
        DumisakeUser dinkes = new DumisakeUser("op-dinkes", "Operator DINKES", Role.OPD_OPERATOR, "DINKES", true, "x");
        for (String page : new String[]{"/pencairan/" + id, "/pencairan/" + id + "/bukti", "/alokasi/" + allocationId,
                "/alokasi/" + allocationId + "/pencairan", "/alokasi/" + allocationId + "/pencairan/baru",
                "/pencairan/" + id + "/ubah"}) {
            mvc.perform(get(page).with(user(dinkes)))
                    .andExpect(result -> assertThat(result.getResponse().getStatus()).as(page).isEqualTo(404));
        }
        DumisakeUser disdik = new DumisakeUser("op-disdik", "Operator DISDIK", Role.OPD_OPERATOR, "DISDIK", true, "x");
        mvc.perform(get("/pencairan/" + id).with(user(disdik))).andExpect(status().isOk());
    }

    @Test
    void aPagePostWithoutCsrfTokenIsRefused() throws Exception {
        long id = createdDraft("1000000");
        mvc.perform(post("/api/v1/disbursements/{id}/submit", id).with(op("op-disdik"))).andExpect(status().isOk());
        DumisakeUser admin = new DumisakeUser("admin", "Administrator", Role.ADMIN, null, true, "x");
        mvc.perform(post("/pencairan/{id}/verifikasi", id).with(user(admin)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/disbursements/{id}", id).with(httpBasic("admin", PASSWORD)))
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
    }

    /**
     * The attack of issue 19: a browser holding Basic credentials for the API is made by another site to
     * submit, then verify, a disbursement with a form. Refused before anyone is signed in; nothing changes.
     */
    @Test
    void aCrossSiteFormPostWithBasicCredentialsIsRefusedAndChangesNothing() throws Exception {
        long id = createdDraft("1000000");
        mvc.perform(post("/api/v1/disbursements/{id}/submit", id).with(op("op-disdik"))
                        .header("Origin", "http://evil.example").header("Sec-Fetch-Site", "cross-site")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("x=1"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("dari situs lain ditolak")));
        assertStatus(id, "DRAFT");

        mvc.perform(post("/api/v1/disbursements/{id}/submit", id).with(op("op-disdik"))).andExpect(status().isOk());
        // JSON with a foreign Origin (a fetch from another site), and a browser's cross-site flag alone
        mvc.perform(post("/api/v1/disbursements/{id}/verify", id).with(httpBasic("admin", PASSWORD))
                        .header("Origin", "http://evil.example").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/disbursements/{id}/verify", id).with(httpBasic("admin", PASSWORD))
                        .header("Sec-Fetch-Site", "cross-site"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/disbursements/{id}/verify", id).with(httpBasic("admin", PASSWORD))
                        .header("Origin", "null"))
                .andExpect(status().isForbidden());
        assertStatus(id, "SUBMITTED");

        // the application's own origin passes
        mvc.perform(post("/api/v1/disbursements/{id}/verify", id).with(httpBasic("admin", PASSWORD))
                        .header("Origin", "http://localhost").header("Sec-Fetch-Site", "same-origin")
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk());
        assertStatus(id, "VERIFIED");
    }

    /** Even without an Origin, a Basic request that changes data must carry what no HTML form can send. */
    @Test
    void aBasicRequestThatAFormCouldSendIsRefused() throws Exception {
        long id = createdDraft("1000000");
        for (MediaType formType : new MediaType[]{MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN,
                MediaType.MULTIPART_FORM_DATA}) {
            mvc.perform(post("/api/v1/disbursements/{id}/submit", id).with(op("op-disdik"))
                            .contentType(formType).content("x=1"))
                    .andExpect(status().isUnsupportedMediaType())
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("application/json")));
        }
        // a body without a type
        mvc.perform(post("/api/v1/disbursements/{id}/submit", id).with(op("op-disdik")).content("{}"))
                .andExpect(status().isUnsupportedMediaType());
        assertStatus(id, "DRAFT");
        mvc.perform(post("/api/v1/disbursements/{id}/submit", id).with(op("op-disdik"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk());
        assertStatus(id, "SUBMITTED");
    }

    /**
     * The status trail and the history of a disbursement print Jambi's time, labelled WIB, whatever the JVM's
     * zone (rendered under UTC and under New York time), and the history reads as sentences: no action code,
     * no JSON.
     */
    @Test
    void theDisbursementPageShowsWibTimesAndAReadableHistory() throws Exception {
        long id = createdDraft("2000000");
        mvc.perform(post("/api/v1/disbursements/{id}/submit", id).with(op("op-disdik"))).andExpect(status().isOk());
        JsonNode verified = read(mvc.perform(post("/api/v1/disbursements/{id}/verify", id)
                .with(httpBasic("admin", PASSWORD))).andExpect(status().isOk()).andReturn());
        DumisakeUser admin = new DumisakeUser("admin", "Administrator Dumisake", Role.ADMIN, null, true, "x");
        TimeZone jvmZone = TimeZone.getDefault();
        try {
            for (String zone : new String[]{"UTC", "America/New_York"}) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                String page = mvc.perform(get("/pencairan/{id}", id).with(user(admin)))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
                assertThat(page).as(zone)
                        .contains("Dicatat oleh op-disdik pada " + wib(verified.get("createdAt")))
                        .contains("Diajukan oleh op-disdik pada " + wib(verified.get("submittedAt")))
                        .contains("Diverifikasi oleh admin pada " + wib(verified.get("decidedAt")));
                String history = page.substring(page.indexOf("id=\"history-heading\""),
                        page.indexOf("</section>", page.indexOf("id=\"history-heading\"")));
                assertThat(history).as(zone)
                        .contains("admin memverifikasi pencairan Rp 2.000.000, SP2D API-TEST/",
                                "op-disdik mencatat pencairan tahap 1 sebesar Rp 2.000.000",
                                "<summary>Rincian</summary>", " WIB<")
                        .doesNotContain("DISBURSEMENT_", "Disbursement", "{&quot;", "{\"", "VERIFIED");
            }
        } finally {
            TimeZone.setDefault(jvmZone);
        }
    }

    /** {@code 5 Des 2026 16:35 WIB}: how the pages print a stored moment. */
    private static String wib(JsonNode time) {
        return OffsetDateTime.parse(time.asString()).atZoneSameInstant(ZoneId.of("Asia/Jakarta"))
                .format(DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.forLanguageTag("id"))) + " WIB";
    }

    // --- helpers

    private void assertStatus(long id, String expected) throws Exception {
        mvc.perform(get("/api/v1/disbursements/{id}", id).with(httpBasic("admin", PASSWORD)))
                .andExpect(jsonPath("$.status").value(expected));
    }

    private long createdDraft(String amount) throws Exception {
        return read(mvc.perform(create(allocationId, body(amount, sp2d())).with(op("op-disdik")))
                .andExpect(status().isCreated()).andReturn()).get("id").asLong();
    }

    private JsonNode allocation(String username) throws Exception {
        RequestPostProcessor auth = username.startsWith("op-") ? op(username) : httpBasic(username, PASSWORD);
        return read(mvc.perform(get("/api/v1/allocations/{id}", allocationId).with(auth))
                .andExpect(status().isOk()).andReturn());
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder create(long allocation,
                                                                                                   String body) {
        return post("/api/v1/allocations/{id}/disbursements", allocation).contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    private static String body(String amount, String sp2dNumber) {
        return "{\"tranche\":1,\"amount\":" + amount + ",\"sp2dNumber\":\"" + sp2dNumber + "\",\"sp2dDate\":\""
                + SP2D_DATE + "\",\"remark\":\"uji API\"}";
    }

    private static String sp2d() {
        return "API-TEST/" + UUID.randomUUID();
    }

    private static RequestPostProcessor op(String username) {
        return httpBasic(username, PASSWORD);
    }

    private JsonNode read(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }
}
