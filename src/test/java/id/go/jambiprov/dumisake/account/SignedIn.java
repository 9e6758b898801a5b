package id.go.jambiprov.dumisake.account;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.function.Supplier;

/** Runs service calls in tests as one of the demo accounts, without going through a login. */
public final class SignedIn {

    public static final DumisakeUser ADMIN = new DumisakeUser("admin", "Administrator Dumisake", Role.ADMIN, null,
            true, "x");
    public static final DumisakeUser EXPERT = new DumisakeUser("ahli", "Tim Tenaga Ahli Gubernur", Role.EXPERT,
            null, true, "x");
    public static final DumisakeUser OPERATOR_DISDIK = new DumisakeUser("op-disdik", "Operator Disdik",
            Role.OPD_OPERATOR, "DISDIK", true, "x");
    public static final DumisakeUser OPERATOR_DINKES = new DumisakeUser("op-dinkes", "Operator Dinkes",
            Role.OPD_OPERATOR, "DINKES", true, "x");

    private SignedIn() {
    }

    public static void as(DumisakeUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    /**
     * {@code work} as {@code user} on this thread, the thread's previous sign-in restored afterwards (for threads
     * that race as different accounts).
     */
    public static <T> T as(DumisakeUser user, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void nobody() {
        SecurityContextHolder.clearContext();
    }
}
