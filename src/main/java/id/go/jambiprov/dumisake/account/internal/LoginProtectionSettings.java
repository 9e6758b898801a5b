package id.go.jambiprov.dumisake.account.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How hard guessing a password is made.
 *
 * @param maxFailedAttempts                failed logins in a row after which the account is locked
 * @param lockDuration                     how long that lock lasts
 * @param maxFailuresPerUsernameAndAddress failed logins with one username from one client address after which
 *                                         that address may not try that username again…
 * @param addressQuietPeriod               …until it has been quiet for this long; also how long an address's
 *                                         failed usernames are remembered
 * @param maxFailedUsernamesPerAddress     different usernames failing from one address that mark it as spraying
 *                                         passwords…
 * @param sprayingAddressInterval          …after which it gets one login attempt per this interval
 * @param passwordHashCost                 BCrypt's cost for a password stored from now on (2 to this power rounds):
 *                                         at 10 one check takes some 80 ms of a core on a 2-core server, which
 *                                         slows guessing from a stolen hash; a stored hash keeps the cost it was
 *                                         made with, and is still checked after a change
 */
@ConfigurationProperties("dumisake.login")
@Validated
public record LoginProtectionSettings(
        @DefaultValue("5") int maxFailedAttempts,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("20") int maxFailuresPerUsernameAndAddress,
        @DefaultValue("15m") Duration addressQuietPeriod,
        @DefaultValue("10") int maxFailedUsernamesPerAddress,
        @DefaultValue("10s") Duration sprayingAddressInterval,
        @DefaultValue("10") @Min(4) @Max(31) int passwordHashCost) {
}
