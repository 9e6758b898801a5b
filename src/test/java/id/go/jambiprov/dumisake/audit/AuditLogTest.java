package id.go.jambiprov.dumisake.audit;

import id.go.jambiprov.dumisake.shared.JambiTime;

import id.go.jambiprov.dumisake.account.SignedIn;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.StringReader;
import java.math.BigDecimal;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class AuditLogTest {

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditLog log;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void theFilterOffersEachEntityTypeAndActionRecordedOnce() {
        record("TEST_CHOICE_Z", "choice-" + System.nanoTime(), Map.of("n", 1));
        record("TEST_CHOICE_Z", "choice-" + System.nanoTime(), Map.of("n", 2));
        SignedIn.as(SignedIn.ADMIN);

        AuditFilterChoices choices = log.filterChoices();

        assertThat(choices.entityTypes()).contains("Test").doesNotContain("TEST_CHOICE_Z").doesNotHaveDuplicates();
        assertThat(choices.actions()).contains("TEST_CHOICE_Z").doesNotContain("Test").doesNotHaveDuplicates();
        SignedIn.as(SignedIn.OPERATOR_DISDIK);
        assertThatThrownBy(() -> log.filterChoices()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void filtersByUserEntityActionAndDayNewestFirst() {
        String entityId = "search-" + System.nanoTime();
        record("TEST_SEARCH_A", entityId, Map.of("n", 1));
        record("TEST_SEARCH_B", entityId, Map.of("n", 2));
        record("TEST_SEARCH_B", entityId, Map.of("n", 3));
        SignedIn.as(SignedIn.ADMIN);

        Page<AuditEvent> all = log.search(new AuditFilter(null, "Test", entityId, null, null, null), PageRequest.of(0, 2));
        assertThat(all.getTotalElements()).isEqualTo(3);
        assertThat(all.getContent()).extracting(AuditEvent::after).containsExactly("{\"n\": 3}", "{\"n\": 2}");

        assertThat(log.search(new AuditFilter("SYST", "Test", entityId, "TEST_SEARCH_B", null, null),
                PageRequest.of(0, 10)).getTotalElements()).isEqualTo(2);
        LocalDate today = LocalDate.now(JambiTime.ZONE);
        assertThat(log.search(new AuditFilter(null, null, entityId, null, today, today), PageRequest.of(0, 10))
                .getTotalElements()).isEqualTo(3);
        assertThat(log.search(new AuditFilter(null, null, entityId, null, today.plusDays(1), null),
                PageRequest.of(0, 10)).getTotalElements()).isZero();
        assertThat(log.search(new AuditFilter(null, null, entityId, null, null, today.minusDays(1)),
                PageRequest.of(0, 10)).getTotalElements()).isZero();
    }

    @Test
    void aPartOfAUsernameFindsEveryUserWithItTheirEventsMergedNewestFirst() {
        String mark = "u" + System.nanoTime();
        recordAs(mark + "-ana", 1);
        recordAs(mark + "-budi", 2);
        recordAs(mark + "-ana", 3);
        recordAs("x" + mark, 4);
        recordAs("other-" + System.nanoTime(), 5);
        SignedIn.as(SignedIn.ADMIN);

        AuditFilter anyOfThree = new AuditFilter(mark.toUpperCase(Locale.ROOT), null, null, null, null, null);
        Page<AuditEvent> first = log.search(anyOfThree, PageRequest.of(0, 3));
        assertThat(first.getTotalElements()).isEqualTo(4);
        assertThat(first.getContent()).extracting(AuditEvent::after)
                .containsExactly("{\"n\": 4}", "{\"n\": 3}", "{\"n\": 2}");
        assertThat(log.search(anyOfThree, PageRequest.of(1, 3)).getContent()).extracting(AuditEvent::after)
                .containsExactly("{\"n\": 1}");
        assertThat(log.search(new AuditFilter(mark + "-ana", null, null, null, null, null), PageRequest.of(0, 5))
                .getContent()).extracting(AuditEvent::after).containsExactly("{\"n\": 3}", "{\"n\": 1}");
        assertThat(log.search(new AuditFilter(mark + "-budi", "Other", null, null, null, null),
                PageRequest.of(0, 5))).isEmpty();
    }

    @Test
    void theUserFilterTakesSqlMetacharactersAsPlainText() {
        record("TEST_METACHAR", "m", null);
        SignedIn.as(SignedIn.ADMIN);
        for (String typed : List.of("' or '1'='1", "%", "_", "\\", "'); delete from audit_event; --")) {
            assertThat(log.search(new AuditFilter(typed, null, null, null, null, null), PageRequest.of(0, 5)))
                    .as(typed).isEmpty();
        }
    }

    @Test
    void historyListsOneRecordsEvents() {
        String entityId = "history-" + System.nanoTime();
        record("TEST_CREATED", entityId, Map.of("v", 1));
        record("TEST_CHANGED", entityId, Map.of("v", 2));
        SignedIn.as(SignedIn.OPERATOR_DISDIK);
        assertThat(log.history("Test", entityId)).extracting(AuditEvent::action)
                .containsExactly("TEST_CHANGED", "TEST_CREATED");
    }

    @Test
    void onlyAdminsSearchAndExport() {
        SignedIn.as(SignedIn.EXPERT);
        assertThatThrownBy(() -> log.search(new AuditFilter(null, null, null, null, null, null), PageRequest.of(0, 5)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> log.exportCsv(new AuditFilter(null, null, null, null, null, null), Locale.ENGLISH,
                new StringWriter()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theCsvExportNeutralisesFormulas() throws Exception {
        String entityId = "csv-" + System.nanoTime();
        record("TEST_CSV", entityId, Map.of("fullName", "=HYPERLINK(\"http://x\")"));
        transaction.executeWithoutResult(status -> trail.recordAs("@evil", "TEST_CSV", "Test", entityId, null, null));
        transaction.executeWithoutResult(status -> trail.recordAs("+plus", "TEST_CSV", "Test", entityId, null, null));
        transaction.executeWithoutResult(status -> trail.recordAs("-minus", "TEST_CSV", "Test", entityId, null, null));
        transaction.executeWithoutResult(status -> trail.recordAs("=sum(1)", "TEST_CSV", "Test", entityId, null,
                null));

        byte[] body = mvc.perform(get("/audit/ekspor.csv").param("entityId", entityId).with(user(SignedIn.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        String csv = new String(body, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFid,occurred_at,username");
        List<CSVRecord> rows = CSVParser.parse(new StringReader(csv.substring(1)),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).getRecords();
        assertThat(rows).extracting(r -> r.get("username"))
                .containsExactly("'=sum(1)", "'-minus", "'+plus", "'@evil", "system");
        assertThat(rows.get(4).get("after")).isEqualTo("{\"fullName\": \"=HYPERLINK(\\\"http://x\\\")\"}");
    }

    @Test
    void adminsReadTheTrailThroughTheApiPagedNewestFirst() throws Exception {
        String entityId = "api-" + System.nanoTime();
        record("TEST_API", entityId, Map.of("step", 1));
        record("TEST_API", entityId, Map.of("step", 2));
        record("TEST_API", entityId, Map.of("step", 3));
        String today = LocalDate.now(JambiTime.ZONE).toString();
        mvc.perform(get("/api/v1/audit").param("entityType", "Test").param("entityId", entityId)
                        .param("user", "system").param("from", today).param("to", today).param("size", "2")
                        .with(httpBasic("admin", "dumisake")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(3))
                .andExpect(jsonPath("$.totalPages").value(2))
                .andExpect(jsonPath("$.content.length()").value(2))
                .andExpect(jsonPath("$.content[0].after.step").value(3))
                .andExpect(jsonPath("$.content[0].username").value("system"))
                .andExpect(jsonPath("$.content[1].after.step").value(2));
        mvc.perform(get("/api/v1/audit").with(httpBasic("ahli", "dumisake")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/audit").param("from", "kemarin").with(httpBasic("admin", "dumisake")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theAuditPageShowsStoredTextEscaped() throws Exception {
        String entityId = "xss-" + System.nanoTime();
        record("TEST_XSS", entityId, Map.of("title", "<script>alert(1)</script>"));
        mvc.perform(get("/audit").param("entityId", entityId).with(user(SignedIn.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
    }

    /** The page reads as sentences: no action code, no type name, no JSON, the application as "Sistem". */
    @Test
    void theAuditPageShowsSentencesNotCodesOrJson() throws Exception {
        String entityId = String.valueOf(900_000_000L + System.nanoTime() % 100_000_000L);
        transaction.executeWithoutResult(status -> trail.record("DISBURSEMENT_VERIFIED", "Disbursement", entityId,
                Map.of("amount", new BigDecimal("50000000.00"), "sp2dNumber", "000123/SP2D-LS/1/2026",
                        "status", "SUBMITTED", "version", 2),
                Map.of("amount", new BigDecimal("50000000.00"), "sp2dNumber", "000123/SP2D-LS/1/2026",
                        "status", "VERIFIED", "version", 3)));
        String page = mvc.perform(get("/audit").param("entityId", entityId).with(user(SignedIn.ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String table = page.substring(page.indexOf("id=\"audit-table\""), page.lastIndexOf("</table>"));
        assertThat(table)
                .contains("Sistem memverifikasi pencairan Rp 50.000.000, SP2D 000123/SP2D-LS/1/2026",
                        "<summary>Rincian</summary>", "Diajukan", "Terverifikasi",
                        "href=\"/pencairan/" + entityId + "\">Pencairan " + entityId + "</a>")
                .doesNotContain("DISBURSEMENT_VERIFIED", "Disbursement", "{&quot;", "{\"", "system", "version",
                        "VERIFIED");
        assertThat(page).contains(">Pencairan</option>", ">Pencairan diverifikasi</option>")
                .doesNotContain(">Disbursement</option>", ">DISBURSEMENT_VERIFIED</option>");
    }

    /**
     * The time of an event is Jambi's and says so, whatever the JVM's zone: the page is rendered under UTC and
     * under New York time, and both show the WIB hour.
     */
    @Test
    void theAuditPageShowsWibWhateverTheJvmZone() throws Exception {
        String entityId = "zone-" + System.nanoTime();
        record("TEST_ZONE", entityId, null);
        SignedIn.as(SignedIn.ADMIN);
        OffsetDateTime occurred = log.history("Test", entityId).get(0).occurredAt();
        SignedIn.nobody();
        String wib = occurred.atZoneSameInstant(ZoneId.of("Asia/Jakarta"))
                .format(DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.forLanguageTag("id"))) + " WIB";
        TimeZone jvmZone = TimeZone.getDefault();
        try {
            for (String zone : List.of("UTC", "America/New_York")) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                mvc.perform(get("/audit").param("entityId", entityId).with(user(SignedIn.ADMIN)))
                        .andExpect(status().isOk())
                        .andExpect(content().string(containsString(wib)));
            }
        } finally {
            TimeZone.setDefault(jvmZone);
        }
    }

    @Test
    void theCsvExportKeepsTheCodesAndAddsTheSentence() throws Exception {
        String entityId = "csv-sentence-" + System.nanoTime();
        record("ALLOCATION_REVISED", entityId, Map.of("title", "Beasiswa", "amount", new BigDecimal("80000000.00")));
        String csv = mvc.perform(get("/audit/ekspor.csv").param("entityId", entityId).with(user(SignedIn.ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        CSVRecord row = CSVParser.parse(new StringReader(csv.substring(1)),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).getRecords().get(0);
        assertThat(row.get("action")).isEqualTo("ALLOCATION_REVISED");
        assertThat(row.get("entity_type")).isEqualTo("Test");
        assertThat(row.get("description")).isEqualTo("Sistem merevisi alokasi “Beasiswa” menjadi Rp 80.000.000");
    }

    private void recordAs(String username, int n) {
        transaction.executeWithoutResult(status -> trail.recordAs(username, "TEST_USERS", "Test", "users", null,
                Map.of("n", n)));
    }

    private void record(String action, String entityId, Object after) {
        transaction.executeWithoutResult(status -> trail.record(action, "Test", entityId, null, after));
    }
}
