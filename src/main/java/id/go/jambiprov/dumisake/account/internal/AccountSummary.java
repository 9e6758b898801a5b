package id.go.jambiprov.dumisake.account.internal;

import id.go.jambiprov.dumisake.account.Role;
import java.time.OffsetDateTime;

/** An account as the admin pages show it; never the password hash. */
public record AccountSummary(long id, String username, String fullName, String nip, String email, Role role,
                             String opdCode, boolean enabled, boolean mustChangePassword, int failedAttempts,
                             OffsetDateTime lockedUntil, OffsetDateTime createdAt) {

    public boolean lockedAt(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
