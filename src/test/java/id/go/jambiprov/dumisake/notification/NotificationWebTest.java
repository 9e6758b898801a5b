package id.go.jambiprov.dumisake.notification;

import com.jayway.jsonpath.JsonPath;
import id.go.jambiprov.dumisake.account.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The inbox over HTTP with the real security configuration and the demo accounts: the API answers in the
 * request's language and hides another person's notifications (404); the bell on every page counts the unread;
 * the page marks one and all read. Works with notifications of its own (dedup keys {@code uji-web:}), removed
 * afterwards; the demo's unread ones of the two operators are marked read meanwhile and unread again afterwards.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NotificationWebTest {

    private static final String PASSWORD = "dumisake";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    private long disdiks;
    private long dinkess;

    /** The demo's unread notifications of the two operators, set aside (marked read) for the test. */
    private List<Long> setAside;

    @BeforeEach
    void oneNotificationEach() {
        setAside = jdbc.queryForList("""
                update notification set read_at = now() where recipient in ('op-disdik', 'op-dinkes') and read_at is null
                returning id""", Long.class);
        disdiks = notification("op-disdik", "uji-web:1");
        dinkess = notification("op-dinkes", "uji-web:2");
    }

    @AfterEach
    void removeAndRestore() {
        jdbc.update("delete from notification where dedup_key like 'uji-web:%'");
        setAside.forEach(id -> jdbc.update("update notification set read_at = null where id = ?", id));
    }

    @Test
    void theApiListsTheCallersUnreadInTheirLanguage() throws Exception {
        mvc.perform(get("/api/v1/notifications").param("unread", "true").param("lang", "en")
                        .with(httpBasic("op-disdik", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(disdiks))
                .andExpect(jsonPath("$[0].kind").value("DISBURSEMENT_REJECTED"))
                .andExpect(jsonPath("$[0].text").value("Tranche 2 for Beasiswa (Gunung Raya) was rejected by admin: SPJ belum lengkap"))
                .andExpect(jsonPath("$[0].link").value("/pencairan/77"))
                .andExpect(jsonPath("$[0].read").value(false))
                .andExpect(jsonPath("$[0].createdAt").exists());
    }

    @Test
    void anotherPersonsNotificationIsNotFound() throws Exception {
        mvc.perform(post("/api/v1/notifications/{id}/read", dinkess).with(httpBasic("op-disdik", PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/pemberitahuan/{id}/buka", dinkess).with(user(SignedIn.OPERATOR_DISDIK)))
                .andExpect(status().isNotFound());

        mvc.perform(post("/api/v1/notifications/{id}/read", disdiks).with(httpBasic("op-disdik", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.read").value(true));
        mvc.perform(post("/api/v1/notifications/read-all").with(httpBasic("op-dinkes", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.marked").value(1));
    }

    @Test
    void everyPageShowsTheUnreadCountAndTheInboxMarksRead() throws Exception {
        notification("op-disdik", "uji-web:3");
        mvc.perform(get("/").with(user(SignedIn.OPERATOR_DISDIK)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("aria-label=\"2 pemberitahuan belum dibaca\"")));
        mvc.perform(get("/pemberitahuan").with(user(SignedIn.OPERATOR_DISDIK)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "Pencairan tahap 2 untuk Beasiswa (Gunung Raya) ditolak oleh admin: SPJ belum lengkap")));

        mvc.perform(post("/pemberitahuan/{id}/dibaca", disdiks).with(user(SignedIn.OPERATOR_DISDIK)).with(csrf()))
                .andExpect(redirectedUrl("/pemberitahuan"));
        mvc.perform(get("/").with(user(SignedIn.OPERATOR_DISDIK)))
                .andExpect(content().string(containsString("aria-label=\"1 pemberitahuan belum dibaca\"")));
        mvc.perform(get("/pemberitahuan/{id}/buka", disdiks).with(user(SignedIn.OPERATOR_DISDIK)))
                .andExpect(redirectedUrl("/pencairan/77"));

        mvc.perform(post("/pemberitahuan/dibaca-semua").with(user(SignedIn.OPERATOR_DISDIK)).with(csrf()))
                .andExpect(redirectedUrl("/pemberitahuan"));
        mvc.perform(get("/pemberitahuan").param("unread", "true").with(user(SignedIn.OPERATOR_DISDIK)))
                .andExpect(content().string(containsString("Pemberitahuan, tidak ada yang belum dibaca")))
                .andExpect(content().string(containsString("id=\"no-notifications\"")))
                .andExpect(content().string(not(containsString("Beasiswa"))));
    }

    /** The real services publish, the inbox hears: a note and its answer, a submit and its rejection. */
    @Test
    void notesAndDisbursementsReachTheOtherSideThroughTheRealServices() throws Exception {
        long allocation = jdbc.queryForObject("""
                select id from allocation where opd_code = 'DISDIK' and fiscal_year = 2026 and status = 'ACTIVE'
                  and amount - disbursed > 10000000 order by id limit 1""", Long.class);
        mvc.perform(post("/catatan").param("target", "ALLOCATION").param("code", String.valueOf(allocation))
                        .param("text", "Mohon unggah bukti kegiatan.").param("returnTo", "/catatan")
                        .with(user(SignedIn.EXPERT)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long note = jdbc.queryForObject("select max(id) from review_note where created_by = 'ahli'", Long.class);
        assertThat(recipients("review-note:" + note + ":written")).contains("op-disdik").doesNotContain("op-dinkes");

        mvc.perform(post("/catatan/{id}/selesai", note).param("reply", "Sudah diunggah.").param("returnTo", "/catatan")
                        .with(user(SignedIn.OPERATOR_DISDIK)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(recipients("review-note:" + note + ":answered")).containsExactly("ahli");

        String created = mvc.perform(post("/api/v1/allocations/{id}/disbursements", allocation)
                        .contentType(MediaType.APPLICATION_JSON).with(httpBasic("op-disdik", PASSWORD))
                        .content("""
                                {"tranche": 1, "amount": 1000000, "sp2dNumber": "UJI-NOTIF/%d/2026", "sp2dDate": "2026-11-02"}"""
                                .formatted(allocation)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long disbursement = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(post("/api/v1/disbursements/{id}/submit", disbursement).with(httpBasic("op-disdik", PASSWORD)))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForList("select recipient from notification where kind = 'DISBURSEMENT_SUBMITTED'"
                + " and link = ?", String.class, "/pencairan/" + disbursement)).contains("admin").doesNotContain("op-disdik");
        mvc.perform(post("/api/v1/disbursements/{id}/reject", disbursement).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"Nomor SP2D salah\"}").with(httpBasic("admin", PASSWORD)))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForList("select recipient from notification where kind = 'DISBURSEMENT_REJECTED'"
                + " and link = ?", String.class, "/pencairan/" + disbursement)).containsExactly("op-disdik");
    }

    private List<String> recipients(String dedupKey) {
        return jdbc.queryForList("select recipient from notification where dedup_key = ?", String.class, dedupKey);
    }

    private long notification(String recipient, String key) {
        return jdbc.queryForObject("""
                insert into notification (recipient, kind, params, link, dedup_key)
                values (?, 'DISBURSEMENT_REJECTED', '{2,Beasiswa,Gunung Raya,SPJ belum lengkap,admin}', '/pencairan/77', ?)
                returning id""", Long.class, recipient, key);
    }
}
