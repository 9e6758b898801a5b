package id.go.jambiprov.dumisake.account;

import id.go.jambiprov.dumisake.account.domain.UserAccount;
import id.go.jambiprov.dumisake.account.domain.UserAccountRepository;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Counts failed logins in the database (shared by every instance), locks an account at the limit, and
 * audits every login, successful or not, with the client address.
 */
@Service
class LoginAttempts {

    static final String LOGIN_SUCCEEDED = "LOGIN_SUCCEEDED";
    static final String LOGIN_FAILED = "LOGIN_FAILED";
    static final String ACCOUNT_LOCKED = "ACCOUNT_LOCKED";
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

    /** @param reason why Spring Security refused it, for the auditors; never shown to the person */
    @Transactional
    public void failed(String typedUsername, String reason) {
        String username = normalise(typedUsername);
        OffsetDateTime now = OffsetDateTime.now();
        int counted = accounts.countFailedLogin(username, settings.maxFailedAttempts(), now,
                settings.lockDuration().toSeconds());
        Optional<UserAccount> account = accounts.findByUsername(username);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", reason);
        audit.recordAs(username, LOGIN_FAILED, AccountService.ENTITY_TYPE, account.map(UserAccount::getId).orElse(null),
                null, details);
        account.filter(a -> counted > 0 && a.isLocked(now)).ifPresent(locked -> {
            Map<String, Object> before = new LinkedHashMap<>(locked.auditState());
            before.put("failedAttempts", locked.getFailedAttempts() - 1);
            before.put("lockedUntil", null);
            audit.recordAs(AuditTrail.SYSTEM, ACCOUNT_LOCKED, AccountService.ENTITY_TYPE, locked.getId(), before,
                    locked.auditState());
        });
    }

    private static String normalise(String typedUsername) {
        String username = typedUsername == null ? "" : typedUsername.strip().toLowerCase(Locale.ROOT);
        return username.length() > USERNAME_MAX ? username.substring(0, USERNAME_MAX) : username;
    }
}
