package id.go.jambiprov.dumisake.account.domain;

import id.go.jambiprov.dumisake.account.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** A login of a person: an admin, a member of the Governor's expert team, or an operator of one OPD. */
@Entity
@Table(name = "user_account")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    private String nip;

    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "opd_code")
    private String opdCode;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "locked_until")
    private OffsetDateTime lockedUntil;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    public UserAccount(String username, String fullName, String passwordHash, Role role, String opdCode) {
        if ((role == Role.OPD_OPERATOR) != (opdCode != null)) {
            throw new IllegalArgumentException("An OPD operator needs exactly one OPD; other roles none");
        }
        this.username = Objects.requireNonNull(username).toLowerCase(Locale.ROOT);
        this.fullName = Objects.requireNonNull(fullName);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.role = role;
        this.opdCode = opdCode;
        this.enabled = true;
        this.createdAt = OffsetDateTime.now();
    }

    /** An account an administrator creates: its first password is one-time and must be replaced. */
    public static UserAccount withOneTimePassword(String username, String fullName, String nip, String email,
                                                  Role role, String opdCode, String oneTimePasswordHash) {
        UserAccount account = new UserAccount(username, fullName, oneTimePasswordHash, role, opdCode);
        account.nip = nip;
        account.email = email;
        account.mustChangePassword = true;
        return account;
    }

    public boolean isLocked(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public void disable() {
        enabled = false;
    }

    public void enable() {
        enabled = true;
    }

    public void unlock() {
        failedAttempts = 0;
        lockedUntil = null;
    }

    /** The administrator hands out a one-time password; the lock goes too, or the person could not use it. */
    public void resetPassword(String oneTimePasswordHash) {
        passwordHash = Objects.requireNonNull(oneTimePasswordHash);
        mustChangePassword = true;
        unlock();
    }

    public void changePassword(String newPasswordHash) {
        passwordHash = Objects.requireNonNull(newPasswordHash);
        mustChangePassword = false;
    }

    /** What the audit trail keeps of an account: everything but the password hash. */
    public Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("username", username);
        state.put("fullName", fullName);
        state.put("nip", nip);
        state.put("email", email);
        state.put("role", role);
        state.put("opdCode", opdCode);
        state.put("enabled", enabled);
        state.put("mustChangePassword", mustChangePassword);
        state.put("failedAttempts", failedAttempts);
        state.put("lockedUntil", lockedUntil == null ? null : lockedUntil.toString());
        return state;
    }
}
