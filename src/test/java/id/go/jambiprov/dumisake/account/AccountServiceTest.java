package id.go.jambiprov.dumisake.account;

import id.go.jambiprov.dumisake.account.internal.AccountRuleException;
import id.go.jambiprov.dumisake.account.internal.AccountService;
import id.go.jambiprov.dumisake.account.internal.AccountSummary;
import id.go.jambiprov.dumisake.account.internal.CreatedAccount;
import id.go.jambiprov.dumisake.account.internal.NewAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
class AccountServiceTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    @BeforeEach
    void signInAsAdmin() {
        SignedIn.as(SignedIn.ADMIN);
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void createsAnOperatorWithAOneTimePasswordAndAnAuditEvent() {
        String username = uniqueName("op-baru");
        CreatedAccount created = accounts.create(new NewAccount(username, "Siti Rahmah", "198705122010012003",
                "siti@jambiprov.go.id", Role.OPD_OPERATOR, "DINKES"));

        Map<String, Object> row = jdbc.queryForMap("select * from user_account where id = ?", created.id());
        assertThat(row).containsEntry("username", username).containsEntry("opd_code", "DINKES")
                .containsEntry("nip", "198705122010012003").containsEntry("must_change_password", true);
        assertThat(passwordEncoder.matches(created.oneTimePassword(), (String) row.get("password_hash"))).isTrue();
        assertThat(created.oneTimePassword()).hasSize(14);

        Map<String, Object> event = lastEvent(created.id());
        assertThat(event).containsEntry("username", "admin").containsEntry("action", "ACCOUNT_CREATED");
        assertThat((String) event.get("after_state")).contains("Siti Rahmah").doesNotContain("password")
                .doesNotContain(created.oneTimePassword());
        assertThat(event.get("before_state")).isNull();
    }

    @Test
    void refusesBadInputWithAMessagePerFieldAndChangesNothing() {
        int accountsBefore = count("select count(*) from user_account");
        int eventsBefore = count("select count(*) from audit_event");
        assertThatThrownBy(() -> accounts.create(new NewAccount("A b", " ", "123", "bukan-surel", Role.OPD_OPERATOR,
                null)))
                .isInstanceOfSatisfying(AccountRuleException.class, e -> assertThat(e.violations())
                        .extracting(AccountRuleException.Violation::field, AccountRuleException.Violation::messageKey)
                        .containsExactly(tuple("username", "account.username.invalid"),
                                tuple("fullName", "account.fullName.invalid"),
                                tuple("nip", "account.nip.invalid"),
                                tuple("email", "account.email.invalid"),
                                tuple("opdCode", "account.opd.required")));
        assertThatThrownBy(() -> accounts.create(new NewAccount("admin", "Dua Admin", null, null, Role.ADMIN, null)))
                .isInstanceOfSatisfying(AccountRuleException.class, e -> assertThat(e.violations())
                        .containsExactly(new AccountRuleException.Violation("username", "account.username.taken")));
        assertThat(count("select count(*) from user_account")).isEqualTo(accountsBefore);
        assertThat(count("select count(*) from audit_event")).isEqualTo(eventsBefore);
    }

    @Test
    void onlyOperatorsAreBoundToAnOpd() {
        CreatedAccount expert = accounts.create(new NewAccount(uniqueName("ahli"), "Dr. Ahli", null, null,
                Role.EXPERT, "DISDIK"));
        assertThat(jdbc.queryForObject("select opd_code from user_account where id = ?", String.class, expert.id()))
                .isNull();
    }

    @Test
    void disableEnableResetAndUnlockAreEachAudited() {
        CreatedAccount created = accounts.create(new NewAccount(uniqueName("op"), "Operator Uji", null, null,
                Role.OPD_OPERATOR, "DISDIK"));
        long id = created.id();
        accounts.disable(id);
        assertThat(accounts.get(id).enabled()).isFalse();
        accounts.enable(id);
        jdbc.update("update user_account set failed_attempts = 5, locked_until = now() + interval '15 minutes' "
                + "where id = ?", id);
        accounts.unlock(id);
        assertThat(accounts.get(id).lockedUntil()).isNull();
        assertThat(accounts.get(id).failedAttempts()).isZero();
        String newOneTime = accounts.resetPassword(id);
        assertThat(newOneTime).isNotEqualTo(created.oneTimePassword());

        List<Map<String, Object>> events = jdbc.queryForList("""
                select action, before_state ->> 'enabled' as before_enabled, after_state ->> 'enabled' as after_enabled
                from audit_event where entity_type = 'UserAccount' and entity_id = ? order by id""", String.valueOf(id));
        assertThat(events).extracting(e -> e.get("action")).containsExactly("ACCOUNT_CREATED", "ACCOUNT_DISABLED",
                "ACCOUNT_ENABLED", "ACCOUNT_UNLOCKED", "PASSWORD_RESET");
        assertThat(events.get(1)).containsEntry("before_enabled", "true").containsEntry("after_enabled", "false");
    }

    @Test
    void anAdminCannotDisableTheirOwnAccount() {
        long adminId = jdbc.queryForObject("select id from user_account where username = 'admin'", Long.class);
        assertThatThrownBy(() -> accounts.disable(adminId)).isInstanceOf(AccountRuleException.class);
        assertThat(accounts.get(adminId).enabled()).isTrue();
    }

    @Test
    void aPersonChangesTheirOwnPasswordOnlyKnowingTheCurrentOneAndWithinThePolicy() {
        String username = uniqueName("op");
        CreatedAccount created = accounts.create(new NewAccount(username, "Operator Sandi", null, null,
                Role.OPD_OPERATOR, "DISDIK"));
        SignedIn.as(new DumisakeUser(username, "Operator Sandi", Role.OPD_OPERATOR, "DISDIK", true, false, true, "x"));

        assertThatThrownBy(() -> accounts.changeOwnPassword("salah", "Sungai Batanghari 2026"))
                .isInstanceOfSatisfying(AccountRuleException.class, e -> assertThat(e.violations().get(0).messageKey())
                        .isEqualTo("password.currentWrong"));
        assertThatThrownBy(() -> accounts.changeOwnPassword(created.oneTimePassword(), "password123"))
                .isInstanceOfSatisfying(AccountRuleException.class, e -> assertThat(e.violations().get(0).messageKey())
                        .isEqualTo("password.common"));
        accounts.changeOwnPassword(created.oneTimePassword(), "Sungai Batanghari 2026");

        Map<String, Object> row = jdbc.queryForMap("select * from user_account where id = ?", created.id());
        assertThat(row).containsEntry("must_change_password", false);
        assertThat(passwordEncoder.matches("Sungai Batanghari 2026", (String) row.get("password_hash"))).isTrue();
        assertThat(lastEvent(created.id())).containsEntry("action", "PASSWORD_CHANGED")
                .containsEntry("username", username);
    }

    @Test
    void onlyAdminsManageAccounts() {
        for (DumisakeUser other : List.of(SignedIn.EXPERT, SignedIn.OPERATOR_DISDIK)) {
            SignedIn.as(other);
            assertThatThrownBy(() -> accounts.create(new NewAccount("x-" + other.getUsername(), "X", null, null,
                    Role.ADMIN, null))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> accounts.resetPassword(1)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> accounts.search(null, null, Pageable.unpaged()))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void searchTakesSqlMetacharactersAsPlainText() {
        for (String typed : List.of("' or 1=1 --", "%", "_", "\\", "'; drop table user_account; --")) {
            assertThat(accounts.search(typed, null, Pageable.unpaged())).isEmpty();
        }
        assertThat(accounts.search("OP-DISDIK", null, Pageable.unpaged()))
                .extracting(AccountSummary::username).contains("op-disdik");
        assertThat(count("select count(*) from user_account where username = 'admin'")).isEqualTo(1);
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + System.nanoTime() % 100_000 + "-" + SEQUENCE.incrementAndGet();
    }

    private Map<String, Object> lastEvent(long id) {
        return jdbc.queryForMap("""
                select username, action, before_state::text as before_state, after_state::text as after_state
                from audit_event where entity_type = 'UserAccount' and entity_id = ? order by id desc limit 1""",
                String.valueOf(id));
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
