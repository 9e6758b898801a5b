package id.go.jambiprov.dumisake.account;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Password guessing through the login form, HTTP Basic and the password page, against the real database. */
@SpringBootTest
@AutoConfigureMockMvc
class LoginProtectionTest {

    private static final String PASSWORD = "Rahasia-Jambi-2026";
    /** Each test logs in from its own address, so that the per-address limit of one never hits another. */
    private static final AtomicInteger ADDRESS = new AtomicInteger(10);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void fiveFailedFormLoginsLockTheAccountForFifteenMinutes() throws Exception {
        String username = account();
        String address = nextAddress();
        for (int i = 0; i < 5; i++) {
            formLogin(username, "salah-" + i, address).andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        }
        Map<String, Object> row = jdbc.queryForMap("select failed_attempts, locked_until from user_account "
                + "where username = ?", username);
        assertThat(row.get("failed_attempts")).isEqualTo(5);
        assertThat(((Timestamp) row.get("locked_until")).toInstant())
                .isCloseTo(OffsetDateTime.now().plus(Duration.ofMinutes(15)).toInstant(), within(Duration.ofSeconds(30)));

        formLogin(username, PASSWORD, address).andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));

        assertThat(actions(username)).containsExactly("LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED",
                "LOGIN_FAILED", "ACCOUNT_LOCKED", "LOGIN_FAILED");
        assertThat(jdbc.queryForList("select distinct client_address from audit_event where username = ?",
                String.class, username)).containsExactly(address);
        assertThat(jdbc.queryForObject("select after_state ->> 'reason' from audit_event where username = ? "
                + "order by id desc limit 1", String.class, username)).isEqualTo("LockedException");
    }

    @Test
    void aLockThatRanOutLetsTheRightPasswordInAndStartsTheCountAgain() throws Exception {
        String username = account();
        String address = nextAddress();
        for (int i = 0; i < 5; i++) {
            formLogin(username, "salah", address);
        }
        jdbc.update("update user_account set locked_until = now() - interval '1 second' where username = ?", username);
        formLogin(username, PASSWORD, address).andExpect(authenticated().withUsername(username));
        assertThat(jdbc.queryForMap("select failed_attempts, locked_until from user_account where username = ?",
                username)).containsEntry("failed_attempts", 0).containsEntry("locked_until", null);
        assertThat(actions(username)).last().isEqualTo("LOGIN_SUCCEEDED");
        assertThat(jdbc.queryForObject("select client_address from audit_event where username = ? "
                + "order by id desc limit 1", String.class, username)).isEqualTo(address);
    }

    @Test
    void httpBasicFailuresCountTowardsTheSameLock() throws Exception {
        String username = account();
        String address = nextAddress();
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/opd").with(httpBasic(username, "salah")).with(from(address)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/opd").with(httpBasic(username, PASSWORD)).with(from(address)))
                .andExpect(status().isUnauthorized());
        assertThat(actions(username)).contains("ACCOUNT_LOCKED");
    }

    @Test
    void lockedUnknownAndWrongLookAlike() throws Exception {
        String locked = account();
        String address = nextAddress();
        for (int i = 0; i < 5; i++) {
            formLogin(locked, "salah", address);
        }
        String known = account();
        List<MvcResult> answers = List.of(
                formLogin(locked, PASSWORD, address).andReturn(),
                formLogin("tidak-ada-" + System.nanoTime(), PASSWORD, address).andReturn(),
                formLogin(known, "salah", address).andReturn());
        assertThat(answers).extracting(r -> r.getResponse().getRedirectedUrl()).containsOnly("/login?error");
        List<String> apiBodies = List.of(
                basicBody(locked, PASSWORD, address), basicBody("tidak-ada", PASSWORD, address),
                basicBody(known, "salah", address));
        assertThat(apiBodies).containsOnly(apiBodies.get(0));
    }

    /** An office behind one NAT address: one person's failures do not shut out the colleagues. */
    @Test
    void twentyFailedLoginsOfOneUserDoNotBlockAnotherUserFromTheSameAddress() throws Exception {
        String clumsy = account();
        String colleague = account();
        String office = nextAddress();
        for (int i = 0; i < 20; i++) {
            formLogin(clumsy, "salah-" + i, office).andExpect(unauthenticated());
        }
        formLogin(colleague, PASSWORD, office).andExpect(authenticated().withUsername(colleague));
        mvc.perform(get("/api/v1/opd").with(httpBasic(colleague, PASSWORD)).with(from(office)))
                .andExpect(status().isOk());

        int eventsBefore = jdbc.queryForObject("select count(*) from audit_event", Integer.class);
        formLogin(clumsy, "salah-lagi", office).andExpect(unauthenticated());
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Integer.class))
                .as("that username from that address is refused before the database is asked").isEqualTo(eventsBefore);
    }

    /**
     * Password spraying: after failing as 10 different usernames, an address gets one attempt per interval
     * (LoginRateLimiterTest shows the turn coming back); faster ones are refused before the database is asked.
     */
    @Test
    void anAddressSprayingManyUsernamesIsSlowedDown() throws Exception {
        String username = account();
        String sprayer = nextAddress();
        for (int i = 0; i < 10; i++) {
            formLogin("tebakan-" + System.nanoTime(), "password" + i, sprayer);
        }
        formLogin("tebakan-" + System.nanoTime(), "password", sprayer);
        int eventsBefore = jdbc.queryForObject("select count(*) from audit_event", Integer.class);
        formLogin(username, PASSWORD, sprayer).andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/api/v1/opd").with(httpBasic(username, PASSWORD)).with(from(sprayer)))
                .andExpect(status().isUnauthorized());
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Integer.class))
                .as("refused before the database is asked").isEqualTo(eventsBefore);

        formLogin(username, PASSWORD, nextAddress()).andExpect(authenticated().withUsername(username));
    }

    /**
     * Someone spraying from an office's address (or from behind the same load balancer) neither slows those
     * who signed in from it, a script calling with HTTP Basic included, nor takes the turn of a newcomer by
     * retrying usernames that already failed.
     */
    @Test
    void aSprayingAddressDoesNotSlowThoseWhoSignedInFromItNorSpendTheTurnOnRetries() throws Exception {
        String script = account();
        String colleague = account();
        String newcomer = account();
        String office = nextAddress();
        mvc.perform(get("/api/v1/opd").with(httpBasic(script, PASSWORD)).with(from(office))).andExpect(status().isOk());
        formLogin(colleague, PASSWORD, office).andExpect(authenticated().withUsername(colleague));
        String prefix = "tebakan-" + System.nanoTime() + "-";
        for (int i = 0; i < 10; i++) {
            formLogin(prefix + i, "password", office).andExpect(unauthenticated());
        }
        for (int i = 0; i < 10; i++) {
            formLogin(prefix + i, "password-lagi", office).andExpect(unauthenticated());
            mvc.perform(get("/api/v1/opd").with(httpBasic(script, PASSWORD)).with(from(office)))
                    .andExpect(status().isOk());
        }
        formLogin(colleague, PASSWORD, office).andExpect(authenticated().withUsername(colleague));
        formLogin(newcomer, PASSWORD, office).andExpect(authenticated().withUsername(newcomer));
        formLogin(prefix + "baru", "password", office).andExpect(unauthenticated());
        int eventsBefore = jdbc.queryForObject("select count(*) from audit_event", Integer.class);
        formLogin(prefix + "baru-lagi", "password", office).andExpect(unauthenticated());
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Integer.class))
                .as("a new username beyond the turn is refused before the database is asked").isEqualTo(eventsBefore);
    }

    /**
     * A script's calls are not sign-ins: 50 of them leave no session in the database and no LOGIN_SUCCEEDED
     * event, while its failures are audited and count toward the lock like any other (SecurityHeadersTest
     * makes such calls against the real server, first without credentials, as a client waiting to be asked).
     */
    @Test
    void httpBasicIsStatelessAndOnlyItsFailuresAreAudited() throws Exception {
        String username = account();
        String address = nextAddress();
        int sessionsBefore = jdbc.queryForObject("select count(*) from spring_session", Integer.class);
        for (int i = 0; i < 50; i++) {
            MvcResult call = mvc.perform(get("/api/v1/opd").with(httpBasic(username, PASSWORD)).with(from(address)))
                    .andExpect(status().isOk()).andReturn();
            assertThat(call.getResponse().getCookie("SESSION")).isNull();
        }
        assertThat(jdbc.queryForObject("select count(*) from spring_session", Integer.class)).isEqualTo(sessionsBefore);
        assertThat(actions(username)).isEmpty();

        mvc.perform(get("/api/v1/opd").with(httpBasic(username, "salah")).with(from(address)))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist(HttpHeaders.WWW_AUTHENTICATE));
        assertThat(actions(username)).containsExactly("LOGIN_FAILED");
        assertThat(jdbc.queryForObject("select failed_attempts from user_account where username = ?", Integer.class,
                username)).isEqualTo(1);
        mvc.perform(get("/api/v1/opd").with(httpBasic(username, PASSWORD)).with(from(address)))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select failed_attempts from user_account where username = ?", Integer.class,
                username)).as("a right password starts the count again").isZero();
        assertThat(actions(username)).containsExactly("LOGIN_FAILED");
        assertThat(jdbc.queryForObject("select count(*) from spring_session", Integer.class)).isEqualTo(sessionsBefore);
    }

    /** Nothing makes a browser ask for Basic credentials that it would then send to the API on its own. */
    @Test
    void theApiNeverChallengesForHttpBasic() throws Exception {
        mvc.perform(get("/api/v1/opd").with(from(nextAddress())))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist(HttpHeaders.WWW_AUTHENTICATE));
        mvc.perform(post("/api/v1/fiscal-years").contentType(MediaType.APPLICATION_JSON).content("{}")
                        .with(from(nextAddress())))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist(HttpHeaders.WWW_AUTHENTICATE));
    }

    /** The current password on Ubah kata sandi is a password guess like a login's, and is treated as one. */
    @Test
    void wrongCurrentPasswordsOnThePasswordPageLockTheAccountAndAreAudited() throws Exception {
        String username = account();
        String address = nextAddress();
        Cookie session = formLogin(username, PASSWORD, address).andExpect(authenticated()).andReturn().getResponse()
                .getCookie("SESSION");
        for (int i = 0; i < 5; i++) {
            changePassword(session, address, "salah-" + i).andExpect(status().isOk())
                    .andExpect(content().string(containsString("Kata sandi saat ini salah.")));
        }
        assertThat(actions(username)).containsExactly("LOGIN_SUCCEEDED", "PASSWORD_CHECK_FAILED",
                "PASSWORD_CHECK_FAILED", "PASSWORD_CHECK_FAILED", "PASSWORD_CHECK_FAILED", "PASSWORD_CHECK_FAILED",
                "ACCOUNT_LOCKED");
        assertThat(jdbc.queryForList("select distinct client_address from audit_event where username = ?",
                String.class, username)).containsExactly(address);
        assertThat(jdbc.queryForObject("select locked_until > now() from user_account where username = ?",
                Boolean.class, username)).isTrue();

        String hashBefore = passwordHash(username);
        changePassword(session, address, PASSWORD).andExpect(status().isOk())
                .andExpect(content().string(containsString("Terlalu banyak kata sandi yang salah")));
        assertThat(passwordHash(username)).isEqualTo(hashBefore);
        formLogin(username, PASSWORD, nextAddress()).andExpect(unauthenticated());
    }

    private ResultActions changePassword(Cookie session, String address, String current) throws Exception {
        return mvc.perform(post("/kata-sandi").cookie(session).with(csrf()).with(from(address))
                .param("currentPassword", current).param("newPassword", "Sungai Batanghari 2026")
                .param("confirmation", "Sungai Batanghari 2026"));
    }

    private String passwordHash(String username) {
        return jdbc.queryForObject("select password_hash from user_account where username = ?", String.class,
                username);
    }

    private String account() {
        String username = AccountServiceTest.uniqueName("login");
        jdbc.update("insert into user_account (username, full_name, password_hash, role) values (?, ?, ?, 'EXPERT')",
                username, "Uji Login", passwordEncoder.encode(PASSWORD));
        return username;
    }

    private ResultActions formLogin(String username, String password,
                                                                       String address) throws Exception {
        MockHttpServletRequestBuilder request = post("/login").param("username", username)
                .param("password", password).with(csrf()).with(from(address));
        return mvc.perform(request);
    }

    private String basicBody(String username, String password, String address) throws Exception {
        return mvc.perform(get("/api/v1/opd").with(httpBasic(username, password)).with(from(address)))
                .andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
    }

    private List<String> actions(String username) {
        return jdbc.queryForList("select action from audit_event where entity_type = 'UserAccount' and entity_id = "
                + "(select id::text from user_account where username = ?) order by id", String.class, username);
    }

    private static String nextAddress() {
        return "192.0.2." + ADDRESS.incrementAndGet();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
