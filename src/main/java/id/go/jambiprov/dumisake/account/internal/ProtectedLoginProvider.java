package id.go.jambiprov.dumisake.account.internal;

import id.go.jambiprov.dumisake.account.HttpBasicLoginDetails;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Every username/password login — the login form and HTTP Basic alike — goes through here: refused at
 * once when its client address failed too often (see {@link LoginRateLimiter}), otherwise checked,
 * counted and audited. A successful HTTP Basic request is not audited: it is a script's call, not a sign-in.
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
        String address = ClientAddress.current();
        String username = LoginAttempts.normalise(authentication.getName());
        if (rateLimiter.refuses(address, username)) {
            throw new LoginRefusedException();
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            rateLimiter.succeeded(address, username);
            if (authentication.getDetails() instanceof HttpBasicLoginDetails) {
                attempts.succeededWithoutSignIn(username);
            } else {
                attempts.succeeded(username);
            }
            return result;
        } catch (AuthenticationException refused) {
            rateLimiter.failed(address, username);
            attempts.failed(username, refused.getClass().getSimpleName());
            throw refused;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
