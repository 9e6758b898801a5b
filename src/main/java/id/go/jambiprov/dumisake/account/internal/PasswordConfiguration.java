package id.go.jambiprov.dumisake.account.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Map;

@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    /**
     * BCrypt at the configured cost, with the algorithm stored beside each hash ({@code {bcrypt}…}) so that a later
     * switch needs no migration.
     */
    @Bean
    PasswordEncoder passwordEncoder(LoginProtectionSettings settings) {
        return new DelegatingPasswordEncoder("bcrypt",
                Map.of("bcrypt", new BCryptPasswordEncoder(settings.passwordHashCost())));
    }
}
