package id.go.jambiprov.dumisake.account;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The person behind the current request, for services that scope what they return. */
public final class CurrentUser {

    private CurrentUser() {
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
