package id.go.jambiprov.dumisake.account;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
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
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Password guessing through the login form and HTTP Basic, against the real database. */
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

    @Test
    void anAddressThatFailsTooOftenMayNotTryAgainEvenWithTheRightPassword() throws Exception {
        String username = account();
        String sprayer = nextAddress();
        for (int i = 0; i < 20; i++) {
            formLogin("tebakan-" + i, "password" + i, sprayer);
        }
        int eventsBefore = jdbc.queryForObject("select count(*) from audit_event", Integer.class);
        formLogin(username, PASSWORD, sprayer).andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/api/v1/opd").with(httpBasic(username, PASSWORD)).with(from(sprayer)))
                .andExpect(status().isUnauthorized());
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Integer.class))
                .as("refused before the database is asked").isEqualTo(eventsBefore);

        formLogin(username, PASSWORD, nextAddress()).andExpect(authenticated().withUsername(username));
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
