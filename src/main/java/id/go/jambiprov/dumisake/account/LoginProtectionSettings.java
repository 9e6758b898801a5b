package id.go.jambiprov.dumisake.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How hard guessing a password is made.
 *
 * @param maxFailedAttempts     failed logins in a row after which the account is locked
 * @param lockDuration          how long that lock lasts
 * @param maxFailuresPerAddress failed logins from one client address after which it may not try again…
 * @param addressQuietPeriod    …until it has been quiet for this long
 */
@ConfigurationProperties("dumisake.login")
public record LoginProtectionSettings(
        @DefaultValue("5") int maxFailedAttempts,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration addressQuietPeriod) {
}
