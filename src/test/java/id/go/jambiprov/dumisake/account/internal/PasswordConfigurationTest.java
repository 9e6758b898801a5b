package id.go.jambiprov.dumisake.account.internal;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LoginProtectionSettings.class)
    @Import(PasswordConfiguration.class)
    static class Passwords {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Passwords.class);

    @Test
    void newPasswordsAreBcryptAtTheDefaultCostOfTen() {
        context.run(app -> assertThat(app.getBean(PasswordEncoder.class).encode("Rahasia-Jambi-2026"))
                .startsWith("{bcrypt}$2a$10$"));
    }

    @Test
    void aChangedCostAppliesToNewPasswordsAndAStoredOneStillMatches() {
        String storedAtTen = "{bcrypt}" + new BCryptPasswordEncoder(10).encode("Rahasia-Jambi-2026");
        context.withPropertyValues("dumisake.login.password-hash-cost=12").run(app -> {
            PasswordEncoder passwords = app.getBean(PasswordEncoder.class);
            assertThat(passwords.encode("Rahasia-Jambi-2026")).startsWith("{bcrypt}$2a$12$");
            assertThat(passwords.matches("Rahasia-Jambi-2026", storedAtTen)).isTrue();
            assertThat(passwords.matches("rahasia-jambi-2026", storedAtTen)).isFalse();
        });
    }

    @Test
    void aCostOutsideWhatBcryptTakesStopsTheStart() {
        context.withPropertyValues("dumisake.login.password-hash-cost=3").run(app -> assertThat(app)
                .hasFailed()
                .getFailure().rootCause().hasMessageContaining("passwordHashCost"));
    }
}
