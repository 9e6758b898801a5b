package id.go.jambiprov.dumisake.account.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginProtectionSettings.class)
class LoginProtectionConfiguration {

    /** The only authentication provider: Spring Security builds both filter chains' managers from it. */
    @Bean
    AuthenticationProvider protectedLoginProvider(UserDetailsService users, PasswordEncoder passwordEncoder,
                                                  LoginAttempts attempts, LoginRateLimiter rateLimiter) {
        return new ProtectedLoginProvider(users, passwordEncoder, attempts, rateLimiter);
    }
}
