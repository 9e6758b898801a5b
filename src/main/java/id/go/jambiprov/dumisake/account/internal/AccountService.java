package id.go.jambiprov.dumisake.account.internal;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.account.Role;
import id.go.jambiprov.dumisake.account.domain.UserAccount;
import id.go.jambiprov.dumisake.account.domain.UserAccountRepository;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.opd.OpdService;
import id.go.jambiprov.dumisake.shared.SearchText;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Account management by administrators, and each person's own password. Every change leaves an audit
 * event (entity type {@value #ENTITY_TYPE}) in its transaction.
 */
@Service
@Transactional
public class AccountService {

    public static final String ENTITY_TYPE = "UserAccount";

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,49}");
    private static final Pattern NIP = Pattern.compile("[0-9]{18}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final int FULL_NAME_MAX = 150;
    private static final int EMAIL_MAX = 254;
    /** No 0/O or 1/l/I: the one-time password is read aloud or copied by hand. */
    private static final String ONE_TIME_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int ONE_TIME_LENGTH = 14;

    private final UserAccountRepository accounts;
    private final OpdService opds;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final AuditTrail audit;
    private final LoginAttempts loginAttempts;
    private final LoginRateLimiter loginRateLimiter;
    private final SecureRandom random = new SecureRandom();

    AccountService(UserAccountRepository accounts, OpdService opds, PasswordEncoder passwordEncoder,
                   PasswordPolicy passwordPolicy, AuditTrail audit, LoginAttempts loginAttempts,
                   LoginRateLimiter loginRateLimiter) {
        this.accounts = accounts;
        this.opds = opds;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.audit = audit;
        this.loginAttempts = loginAttempts;
        this.loginRateLimiter = loginRateLimiter;
    }

    /** Accounts whose username, full name or NIP contains {@code text}, optionally of one role. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Page<AccountSummary> search(String text, Role role, Pageable pageable) {
        return accounts.search(SearchText.containsPattern(text), role, pageable).map(AccountService::summary);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public AccountSummary get(long id) {
        return summary(find(id));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public CreatedAccount create(NewAccount request) {
        String username = blankToNull(request.username()) == null ? null
                : request.username().strip().toLowerCase(Locale.ROOT);
        String fullName = blankToNull(request.fullName());
        String nip = blankToNull(request.nip());
        String email = blankToNull(request.email());
        String opdCode = request.role() == Role.OPD_OPERATOR ? blankToNull(request.opdCode()) : null;

        List<AccountRuleException.Violation> violations = new ArrayList<>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            violations.add(new AccountRuleException.Violation("username", "account.username.invalid"));
        } else if (accounts.existsByUsername(username)) {
            violations.add(new AccountRuleException.Violation("username", "account.username.taken"));
        }
        if (fullName == null || fullName.length() > FULL_NAME_MAX) {
            violations.add(new AccountRuleException.Violation("fullName", "account.fullName.invalid"));
        }
        if (nip != null && !NIP.matcher(nip).matches()) {
            violations.add(new AccountRuleException.Violation("nip", "account.nip.invalid"));
        } else if (nip != null && accounts.existsByNip(nip)) {
            violations.add(new AccountRuleException.Violation("nip", "account.nip.taken"));
        }
        if (email != null && (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches())) {
            violations.add(new AccountRuleException.Violation("email", "account.email.invalid"));
        }
        if (request.role() == null) {
            violations.add(new AccountRuleException.Violation("role", "account.role.required"));
        } else if (request.role() == Role.OPD_OPERATOR && (opdCode == null || !opdExists(opdCode))) {
            violations.add(new AccountRuleException.Violation("opdCode", "account.opd.required"));
        }
        if (!violations.isEmpty()) {
            throw new AccountRuleException(violations);
        }

        String oneTimePassword = oneTimePassword();
        UserAccount account = accounts.save(UserAccount.withOneTimePassword(username, fullName.strip(), nip, email,
                request.role(), opdCode, passwordEncoder.encode(oneTimePassword)));
        audit.record("ACCOUNT_CREATED", ENTITY_TYPE, account.getId(), null, account.auditState());
        return new CreatedAccount(account.getId(), account.getUsername(), oneTimePassword);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void disable(long id) {
        UserAccount account = find(id);
        if (account.getUsername().equals(CurrentUser.get().getUsername())) {
            throw new AccountRuleException("enabled", "account.disable.self");
        }
        change(account, "ACCOUNT_DISABLED", UserAccount::disable);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void enable(long id) {
        change(find(id), "ACCOUNT_ENABLED", UserAccount::enable);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void unlock(long id) {
        change(find(id), "ACCOUNT_UNLOCKED", UserAccount::unlock);
    }

    /** @return the one-time password that replaces the old one; the owner must change it at the next login */
    @PreAuthorize("hasRole('ADMIN')")
    public String resetPassword(long id) {
        String oneTimePassword = oneTimePassword();
        String hash = passwordEncoder.encode(oneTimePassword);
        change(find(id), "PASSWORD_RESET", account -> account.resetPassword(hash));
        return oneTimePassword;
    }

    /**
     * The signed-in person replaces their own password, proving they know the current one. That proof is
     * a password guess like a login's — someone at a computer left signed in could try one after another —
     * so it is limited, counted and audited the same way: a wrong current password counts toward the
     * account's lockout, and a locked account cannot change its password either.
     */
    @PreAuthorize("isAuthenticated()")
    public void changeOwnPassword(String currentPassword, String newPassword) {
        String username = CurrentUser.get().getUsername();
        UserAccount account = accounts.findByUsername(username)
                .orElseThrow(() -> new IllegalStateException("The signed-in account no longer exists"));
        String address = ClientAddress.current();
        if (loginRateLimiter.refuses(address, username) || account.isLocked(OffsetDateTime.now())) {
            throw new AccountRuleException("currentPassword", "password.currentRefused");
        }
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            loginRateLimiter.failed(address, username);
            loginAttempts.passwordCheckFailed(username);
            throw new AccountRuleException("currentPassword", "password.currentWrong");
        }
        if (currentPassword.equals(newPassword)) {
            throw new AccountRuleException("newPassword", "password.sameAsCurrent");
        }
        passwordPolicy.violation(account.getUsername(), newPassword).ifPresent(key -> {
            throw new AccountRuleException("newPassword", key);
        });
        String hash = passwordEncoder.encode(newPassword);
        change(account, "PASSWORD_CHANGED", a -> a.changePassword(hash));
        loginRateLimiter.succeeded(address, username);
        loginAttempts.succeededWithoutSignIn(username);
    }

    private void change(UserAccount account, String action, Consumer<UserAccount> change) {
        Map<String, Object> before = account.auditState();
        change.accept(account);
        accounts.flush();
        audit.record(action, ENTITY_TYPE, account.getId(), before, account.auditState());
    }

    private UserAccount find(long id) {
        return accounts.findById(id).orElseThrow(() -> new AccountNotFoundException(id));
    }

    private boolean opdExists(String code) {
        return opds.all().stream().anyMatch(opd -> opd.code().equals(code) && opd.active());
    }

    private String oneTimePassword() {
        StringBuilder password = new StringBuilder(ONE_TIME_LENGTH);
        for (int i = 0; i < ONE_TIME_LENGTH; i++) {
            password.append(ONE_TIME_ALPHABET.charAt(random.nextInt(ONE_TIME_ALPHABET.length())));
        }
        return password.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static AccountSummary summary(UserAccount a) {
        return new AccountSummary(a.getId(), a.getUsername(), a.getFullName(), a.getNip(), a.getEmail(), a.getRole(),
                a.getOpdCode(), a.isEnabled(), a.isMustChangePassword(), a.getFailedAttempts(),
                a.getLockedUntil(), a.getCreatedAt());
    }
}
