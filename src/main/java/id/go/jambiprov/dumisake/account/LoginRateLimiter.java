package id.go.jambiprov.dumisake.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * Slows down password guessing per client address, without locking out everyone else behind that address.
 * <p>
 * Two limits, neither of which ever refuses another person's first attempts from a shared address (an
 * office behind one NAT address):
 * <ul>
 *   <li>one username from one address: after {@code maxFailuresPerUsernameAndAddress} failures, that pair
 *   may not try again until it has been quiet for a while — this spares the database a flood of failed
 *   logins on one account, which the account's own lockout would otherwise still count and audit;</li>
 *   <li>password spraying, one address trying many usernames: once {@code maxFailedUsernamesPerAddress}
 *   different usernames failed from an address (and have not signed in since), that address gets one login
 *   attempt per {@code sprayingAddressInterval}; faster attempts are refused without a password check.
 *   The address is slowed down, not shut: a colleague behind it still gets in, at worst after a retry.</li>
 * </ul>
 * Guessing one account's password is stopped by the account's lockout, kept in the database and shared.
 * These limits are kept in memory on purpose: each instance counts on its own, so behind N instances an
 * address gets up to N times the limit; counting in the database instead would turn a flood of bad logins
 * into a flood of writes on the database the whole province works on. Every cache is bounded so that many
 * addresses cannot exhaust the memory.
 */
@Component
class LoginRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(LoginRateLimiter.class);
    private static final int MAX_KEYS_TRACKED = 100_000;

    private final Cache<String, Integer> failuresByUsernameAndAddress;
    private final Cache<String, Set<String>> failedUsernamesByAddress;
    /** An entry lives for one interval after a spraying address's last attempt that was let through. */
    private final Cache<String, Boolean> recentAttemptBySprayingAddress;
    private final int failuresPerUsername;
    private final int usernamesPerAddress;

    @Autowired
    LoginRateLimiter(LoginProtectionSettings settings) {
        this(settings, Ticker.systemTicker());
    }

    LoginRateLimiter(LoginProtectionSettings settings, Ticker ticker) {
        this.failuresPerUsername = settings.maxFailuresPerUsernameAndAddress();
        this.usernamesPerAddress = settings.maxFailedUsernamesPerAddress();
        // every failure is a write, so the entries live until the address has been quiet for the period
        this.failuresByUsernameAndAddress = Caffeine.newBuilder().ticker(ticker)
                .expireAfterWrite(settings.addressQuietPeriod()).maximumSize(MAX_KEYS_TRACKED).build();
        this.failedUsernamesByAddress = Caffeine.newBuilder().ticker(ticker)
                .expireAfterWrite(settings.addressQuietPeriod()).maximumSize(MAX_KEYS_TRACKED).build();
        this.recentAttemptBySprayingAddress = Caffeine.newBuilder().ticker(ticker)
                .expireAfterWrite(settings.sprayingAddressInterval()).maximumSize(MAX_KEYS_TRACKED).build();
    }

    /**
     * Whether this attempt is refused without checking the password. An attempt let through from a
     * spraying address uses up that address's turn for the interval.
     */
    boolean refuses(String address, String username) {
        Integer failures = failuresByUsernameAndAddress.getIfPresent(key(address, username));
        if (failures != null && failures >= failuresPerUsername) {
            return true;
        }
        Set<String> failedUsernames = failedUsernamesByAddress.getIfPresent(address);
        if (failedUsernames == null || failedUsernames.size() < usernamesPerAddress) {
            return false;
        }
        return recentAttemptBySprayingAddress.asMap().putIfAbsent(address, Boolean.TRUE) != null;
    }

    void failed(String address, String username) {
        int failures = failuresByUsernameAndAddress.asMap().merge(key(address, username), 1, Integer::sum);
        if (failures == failuresPerUsername) {
            log.warn("Client address {} reached {} failed logins as {}; it may not try that username for now",
                    address, failuresPerUsername, username);
        }
        // a new set each time, so that the entry is written (which keeps it alive while the failures go on) and
        // never changed in place; once full it takes no more usernames, which bounds an address's memory
        failedUsernamesByAddress.asMap().compute(address, (key, known) -> {
            Set<String> usernames = known == null ? new HashSet<>() : new HashSet<>(known);
            if (usernames.size() < usernamesPerAddress && usernames.add(username)
                    && usernames.size() == usernamesPerAddress) {
                log.warn("Client address {} failed to sign in as {} different usernames; it is slowed down for now",
                        address, usernamesPerAddress);
            }
            return Collections.unmodifiableSet(usernames);
        });
    }

    /** The person got the password right: their own mistakes from this address no longer count. */
    void succeeded(String address, String username) {
        failuresByUsernameAndAddress.invalidate(key(address, username));
        failedUsernamesByAddress.asMap().computeIfPresent(address, (key, known) -> {
            if (!known.contains(username)) {
                return known;
            }
            Set<String> fewer = new HashSet<>(known);
            fewer.remove(username);
            return fewer.isEmpty() ? null : Collections.unmodifiableSet(fewer);
        });
    }

    /** An address never holds a NUL, so two different pairs never share a key. */
    private static String key(String address, String username) {
        return address + '\u0000' + username;
    }
}
