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
import java.util.Locale;
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
}
