package id.go.jambiprov.dumisake.account;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Every username/password login — the login form and HTTP Basic alike — goes through here: refused at
 * once when its client address failed too often, otherwise checked, counted and audited.
 */
class ProtectedLoginProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginAttempts attempts;
    private final LoginRateLimiter rateLimiter;

    ProtectedLoginProvider(UserDetailsService users, PasswordEncoder passwordEncoder, LoginAttempts attempts,
                           LoginRateLimiter rateLimiter) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(passwordEncoder);
        // The password is checked before whether the account is locked or disabled: otherwise a locked
        // account would answer faster than an unknown one and so tell that it exists.
        this.passwords.setPreAuthenticationChecks(user -> { });
        this.passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        this.attempts = attempts;
        this.rateLimiter = rateLimiter;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String address = clientAddress();
        if (rateLimiter.isBlocked(address)) {
            throw new LoginRefusedException();
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            attempts.succeeded(authentication.getName());
            return result;
        } catch (AuthenticationException refused) {
            rateLimiter.failed(address);
            attempts.failed(authentication.getName(), refused.getClass().getSimpleName());
            throw refused;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return "unknown";
    }
}
