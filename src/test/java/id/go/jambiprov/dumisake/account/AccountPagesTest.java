package id.go.jambiprov.dumisake.account;

import id.go.jambiprov.dumisake.web.StoredSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The account pages with the real security configuration, database and templates. */
@SpringBootTest
@AutoConfigureMockMvc
class AccountPagesTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";

    @Autowired
    JdbcIndexedSessionRepository sessions;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFullNameWithAScriptIsShownAsTextEverywhere() throws Exception {
        String username = AccountServiceTest.uniqueName("xss");
        MvcResult created = mvc.perform(post("/akun/baru").with(user(SignedIn.ADMIN)).with(csrf())
                        .param("username", username).param("fullName", SCRIPT).param("role", "OPD_OPERATOR")
                        .param("opdCode", "DISDIK"))
                .andExpect(status().isFound()).andReturn();
        String detailUrl = created.getResponse().getRedirectedUrl();
        String oneTimePassword = (String) created.getFlashMap().get("oneTimePassword");

        mvc.perform(get(detailUrl).with(user(SignedIn.ADMIN)))
                .andExpect(content().string(containsString(ESCAPED)))
                .andExpect(content().string(not(containsString(SCRIPT))));
        mvc.perform(get("/akun").param("q", username).with(user(SignedIn.ADMIN)))
                .andExpect(content().string(containsString(ESCAPED)))
                .andExpect(content().string(not(containsString(SCRIPT))));
        mvc.perform(get("/audit").param("entityId", detailUrl.substring("/akun/".length()))
                        .with(user(SignedIn.ADMIN)))
                .andExpect(content().string(not(containsString(SCRIPT))));

        // and in the layout, where the signed-in person's own name stands
        StoredSession session = login(username, oneTimePassword);
        mvc.perform(get("/kata-sandi").cookie(session.cookie()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(ESCAPED)))
                .andExpect(content().string(not(containsString(SCRIPT))));
    }

    @Test
    void badInputIsRefusedWithIndonesianMessagesOnTheFormAndChangesNothing() throws Exception {
        int before = jdbc.queryForObject("select count(*) from user_account", Integer.class);
        mvc.perform(post("/akun/baru").with(user(SignedIn.ADMIN)).with(csrf())
                        .param("username", "Op Baru!").param("fullName", "").param("nip", "12ab")
                        .param("email", "bukan surel").param("role", "OPD_OPERATOR").param("opdCode", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Periksa kembali isian yang ditandai di bawah.")))
                .andExpect(content().string(containsString("Nama pengguna harus 3–50 karakter")))
                .andExpect(content().string(containsString("Nama lengkap wajib diisi")))
                .andExpect(content().string(containsString("NIP harus 18 angka.")))
                .andExpect(content().string(containsString("Alamat surel tidak valid.")))
                .andExpect(content().string(containsString("Operator OPD wajib terikat pada satu OPD yang aktif.")))
                .andExpect(content().string(containsString("value=\"Op Baru!\"")));
        mvc.perform(post("/akun/baru").with(user(SignedIn.ADMIN)).with(csrf())
                        .param("username", "valid-name").param("fullName", "X").param("role", "SUPERUSER"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nilai ini tidak dikenali.")));
        assertThat(jdbc.queryForObject("select count(*) from user_account", Integer.class)).isEqualTo(before);
    }

    @Test
    void aOneTimePasswordMustBeReplacedBeforeAnythingElse() throws Exception {
        String username = AccountServiceTest.uniqueName("otp");
        MvcResult created = mvc.perform(post("/akun/baru").with(user(SignedIn.ADMIN)).with(csrf())
                        .param("username", username).param("fullName", "Rahmat Hidayat").param("role", "OPD_OPERATOR")
                        .param("opdCode", "DINKES"))
                .andReturn();
        String oneTimePassword = (String) created.getFlashMap().get("oneTimePassword");

        StoredSession session = login(username, oneTimePassword);
        for (String page : new String[]{"/", "/wilayah", "/opd"}) {
            mvc.perform(get(page).cookie(session.cookie())).andExpect(redirectedUrl("/kata-sandi"));
        }
        mvc.perform(get("/api/v1/opd").cookie(session.cookie()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("kata sandi sekali pakai")));
        mvc.perform(get("/api/v1/opd").with(httpBasic(username, oneTimePassword)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/kata-sandi").cookie(session.cookie()))
                .andExpect(content().string(containsString("Anda masuk dengan kata sandi sekali pakai.")));

        mvc.perform(post("/kata-sandi").cookie(session.cookie()).with(csrf()).param("currentPassword", oneTimePassword)
                        .param("newPassword", "Sungai Batanghari 2026").param("confirmation", "Sungai Batanghari 2025"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kedua isian kata sandi baru tidak sama.")));
        mvc.perform(post("/kata-sandi").cookie(session.cookie()).with(csrf()).param("currentPassword", oneTimePassword)
                        .param("newPassword", username + "-2026").param("confirmation", username + "-2026"))
                .andExpect(content().string(containsString("Kata sandi tidak boleh memuat nama pengguna.")));
        mvc.perform(post("/kata-sandi").cookie(session.cookie()).with(csrf()).param("currentPassword", oneTimePassword)
                        .param("newPassword", "Sungai Batanghari 2026").param("confirmation", "Sungai Batanghari 2026"))
                .andExpect(redirectedUrl("/"))
                .andExpect(flash().attribute("flashSuccess", "Kata sandi Anda telah diganti."));

        mvc.perform(get("/").cookie(session.cookie()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Beranda Operator Dinas Kesehatan")));
        mvc.perform(get("/api/v1/opd").with(httpBasic(username, "Sungai Batanghari 2026")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/opd").with(httpBasic(username, oneTimePassword)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aDisabledAccountCannotLogIn() throws Exception {
        String username = AccountServiceTest.uniqueName("off");
        MvcResult created = mvc.perform(post("/akun/baru").with(user(SignedIn.ADMIN)).with(csrf())
                        .param("username", username).param("fullName", "Akan Nonaktif").param("role", "EXPERT"))
                .andReturn();
        String detailUrl = created.getResponse().getRedirectedUrl();
        mvc.perform(post(detailUrl + "/nonaktifkan").with(user(SignedIn.ADMIN)).with(csrf()))
                .andExpect(redirectedUrl(detailUrl))
                .andExpect(flash().attribute("flashSuccess", "Akun telah dinonaktifkan."));
        mvc.perform(post("/login").with(csrf()).param("username", username)
                        .param("password", (String) created.getFlashMap().get("oneTimePassword")))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void disablingAnAccountEndsItsOpenSessions() throws Exception {
        String username = AccountServiceTest.uniqueName("sesi");
        MvcResult created = mvc.perform(post("/akun/baru").with(user(SignedIn.ADMIN)).with(csrf())
                        .param("username", username).param("fullName", "Sesi Terbuka").param("role", "EXPERT"))
                .andReturn();
        StoredSession session = login(username, (String) created.getFlashMap().get("oneTimePassword"));
        mvc.perform(get("/kata-sandi").cookie(session.cookie())).andExpect(status().isOk());

        mvc.perform(post(created.getResponse().getRedirectedUrl() + "/nonaktifkan").with(user(SignedIn.ADMIN))
                .with(csrf()));

        mvc.perform(get("/kata-sandi").cookie(session.cookie())).andExpect(redirectedUrl("/login"));
        assertThat(session.isInvalid()).isTrue();
        StoredSession apiSession = login("ahli", "dumisake");
        jdbc.update("update user_account set enabled = false where username = 'ahli'");
        try {
            mvc.perform(get("/api/v1/opd").cookie(apiSession.cookie()))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        } finally {
            jdbc.update("update user_account set enabled = true where username = 'ahli'");
        }
    }

    @Test
    void unknownAccountsAre404() throws Exception {
        mvc.perform(get("/akun/987654").with(user(SignedIn.ADMIN)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Akun dengan nomor 987654 tidak ditemukan.")));
    }

    private StoredSession login(String username, String password) throws Exception {
        MvcResult login = mvc.perform(post("/login").with(csrf()).param("username", username)
                        .param("password", password))
                .andExpect(redirectedUrl("/")).andReturn();
        return StoredSession.of(sessions, login.getResponse().getCookie("SESSION"));
    }
}
