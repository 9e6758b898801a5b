package id.go.jambiprov.dumisake.account.internal;

import id.go.jambiprov.dumisake.account.domain.UserAccount;
import id.go.jambiprov.dumisake.account.domain.UserAccountRepository;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Counts failed logins in the database (shared by every instance), locks an account at the limit, and
 * audits every sign-in, successful or not, with the client address; a wrong current password on
 * <i>Ubah kata sandi</i> counts the same way.
 */
@Service
class LoginAttempts {

    static final String LOGIN_SUCCEEDED = "LOGIN_SUCCEEDED";
    static final String LOGIN_FAILED = "LOGIN_FAILED";
    static final String ACCOUNT_LOCKED = "ACCOUNT_LOCKED";
    static final String PASSWORD_CHECK_FAILED = "PASSWORD_CHECK_FAILED";
    /** audit_event.username is VARCHAR(50); whatever someone typed into the form must fit. */
    private static final int USERNAME_MAX = 50;

    private final UserAccountRepository accounts;
    private final AuditTrail audit;
    private final LoginProtectionSettings settings;

    LoginAttempts(UserAccountRepository accounts, AuditTrail audit, LoginProtectionSettings settings) {
        this.accounts = accounts;
        this.audit = audit;
        this.settings = settings;
    }

    @Transactional
    public void succeeded(String typedUsername) {
        String username = normalise(typedUsername);
        accounts.clearFailedLogins(username);
        Long id = accounts.findByUsername(username).map(UserAccount::getId).orElse(null);
        audit.recordAs(username, LOGIN_SUCCEEDED, AccountService.ENTITY_TYPE, id, null, null);
    }

    /**
     * The password was right, but nobody signed in: a script's HTTP Basic request, or the current password
     * given on <i>Ubah kata sandi</i>. The failures in a row start again; the audit trail is not told (the
     * password change is audited on its own).
     */
    @Transactional
    public void succeededWithoutSignIn(String typedUsername) {
        accounts.clearFailedLogins(normalise(typedUsername));
    }

    /** @param reason why Spring Security refused it, for the auditors; never shown to the person */
    @Transactional
    public void failed(String typedUsername, String reason) {
        countFailure(normalise(typedUsername), LOGIN_FAILED, reason);
    }

    /**
     * A wrong current password on <i>Ubah kata sandi</i>: counted and audited like a failed login, in a
     * transaction of its own, because the password change that asked for it is refused and rolled back.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void passwordCheckFailed(String username) {
        countFailure(normalise(username), PASSWORD_CHECK_FAILED, "BadCredentialsException");
    }

    private void countFailure(String username, String action, String reason) {
        OffsetDateTime now = OffsetDateTime.now();
        int counted = accounts.countFailedLogin(username, settings.maxFailedAttempts(), now,
                settings.lockDuration().toSeconds());
        Optional<UserAccount> account = accounts.findByUsername(username);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", reason);
        audit.recordAs(username, action, AccountService.ENTITY_TYPE, account.map(UserAccount::getId).orElse(null),
                null, details);
        account.filter(a -> counted > 0 && a.isLocked(now)).ifPresent(locked -> {
            Map<String, Object> before = new LinkedHashMap<>(locked.auditState());
            before.put("failedAttempts", locked.getFailedAttempts() - 1);
            before.put("lockedUntil", null);
            audit.recordAs(AuditTrail.SYSTEM, ACCOUNT_LOCKED, AccountService.ENTITY_TYPE, locked.getId(), before,
                    locked.auditState());
        });
    }

    static String normalise(String typedUsername) {
        String username = typedUsername == null ? "" : typedUsername.strip().toLowerCase(Locale.ROOT);
        return username.length() > USERNAME_MAX ? username.substring(0, USERNAME_MAX) : username;
    }
}
