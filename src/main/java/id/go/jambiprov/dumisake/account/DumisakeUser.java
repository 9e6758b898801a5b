package id.go.jambiprov.dumisake.account;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;

/**
 * The signed-in person: who they are, their role and, for an operator, the one OPD whose data they may
 * see. Services scope their queries with {@link #opdScope()}.
 */
public final class DumisakeUser implements UserDetails, CredentialsContainer {

    private final String username;
    private final String fullName;
    private final Role role;
    private final String opdCode;
    private final boolean enabled;
    private final boolean locked;
    private final boolean mustChangePassword;
    private String passwordHash;

    public DumisakeUser(String username, String fullName, Role role, String opdCode, boolean enabled,
                        String passwordHash) {
        this(username, fullName, role, opdCode, enabled, false, false, passwordHash);
    }

    public DumisakeUser(String username, String fullName, Role role, String opdCode, boolean enabled,
                        boolean locked, boolean mustChangePassword, String passwordHash) {
        this.username = username;
        this.fullName = fullName;
        this.role = role;
        this.opdCode = opdCode;
        this.enabled = enabled;
        this.locked = locked;
        this.mustChangePassword = mustChangePassword;
        this.passwordHash = passwordHash;
    }

    public String fullName() {
        return fullName;
    }

    public Role role() {
        return role;
    }

    /** The operator's OPD; {@code null} for admins and experts. */
    public String opdCode() {
        return opdCode;
    }

    /** The OPD the caller is limited to, or {@code null} when the caller sees every OPD. */
    public String opdScope() {
        return role == Role.OPD_OPERATOR ? opdCode : null;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Signed in with a one-time password: nothing but choosing a new password is allowed. */
    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    /** The same person once they chose their own password: the session goes on without a new login. */
    public DumisakeUser withPasswordChanged() {
        return new DumisakeUser(username, fullName, role, opdCode, enabled, locked, false, null);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
