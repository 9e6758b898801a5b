package id.go.jambiprov.dumisake.account;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The person behind the current request, for services that scope what they return. */
public final class CurrentUser {

    private CurrentUser() {
    }

    /** The signed-in username, or {@code system} for work run by {@code SystemAuthentication}. */
    public static String username() {
        return authentication().getName();
    }

    /**
     * The OPD the caller's queries are limited to: the operator's own OPD, or {@code null} for admins, the
     * expert team and the system, who see every OPD.
     */
    public static String opdScope() {
        return authentication().getPrincipal() instanceof DumisakeUser user ? user.opdScope() : null;
    }

    private static Authentication authentication() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("No signed-in user");
        }
        return authentication;
    }

    /** @throws IllegalStateException outside an authenticated request: a service must never run anonymous */
    public static DumisakeUser get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof DumisakeUser user) {
            return user;
        }
        throw new IllegalStateException("No signed-in Dumisake user");
    }
}
