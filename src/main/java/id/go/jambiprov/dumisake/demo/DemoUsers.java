package id.go.jambiprov.dumisake.demo;

import id.go.jambiprov.dumisake.account.Accounts;
import id.go.jambiprov.dumisake.account.DumisakeUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs a step of the demo as one of the demo accounts, signed in as a login would sign them in: an operator
 * records and submits, an admin decides, and the services check and audit each under that name. Public for the
 * scale generator ({@code scale}), which reconciles its kept totals as the admin.
 */
@Component
public class DemoUsers {

    private final Accounts accounts;
    private final Map<String, DumisakeUser> users = new ConcurrentHashMap<>();

    DemoUsers(Accounts accounts) {
        this.accounts = accounts;
    }

    public <T> T as(String username, Supplier<T> work) {
        DumisakeUser user = users.computeIfAbsent(username, accounts::user);
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

    static String operatorOf(String opdCode) {
        return "op-" + opdCode.toLowerCase(Locale.ROOT);
    }
}
