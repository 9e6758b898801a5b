package id.go.jambiprov.dumisake.account.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.stream.LongStream;

/**
 * Slows down password guessing per client address, without locking out everyone else behind that address.
 * <p>
 * Two limits, neither of which shuts out the other people behind a shared address (an office behind one
 * NAT address):
 * <ul>
 *   <li>one username from one address: after {@code maxFailuresPerUsernameAndAddress} failures, that pair
 *   may not try again until it has been quiet for a while — this spares the database a flood of failed
 *   logins on one account, which the account's own lockout would otherwise still count and audit;</li>
 *   <li>password spraying, one address trying many usernames: once {@code maxFailedUsernamesPerAddress}
 *   different usernames failed from an address (and have not signed in since), a username new to that
 *   address gets one login attempt per {@code sprayingAddressInterval}, shared by all new usernames;
 *   faster attempts are refused without a password check. Only new usernames take that turn, because
 *   only they widen the spraying: a username that signed in from the address within
 *   {@code addressQuietPeriod} (a colleague, or a script signing in with HTTP Basic on every call) is not
 *   slowed at all, and one of the usernames that already failed there is held by the first limit alone —
 *   so neither the sprayer's retries nor the office's daily work use up the turn of anyone else. That
 *   matters most when the address is shared widely: behind a load balancer whose forwarded address is
 *   not used, every client has the balancer's address.</li>
 * </ul>
 * Guessing one account's password is stopped by the account's lockout, kept in the database and shared.
 * These limits are kept in memory on purpose: each instance counts on its own, so behind N instances an
 * address gets up to N times the limit; counting in the database instead would turn a flood of bad logins
 * into a flood of writes on the database the whole province works on. Every cache is bounded so that many
 * addresses cannot exhaust the memory, and keeps usernames only as fixed-size fingerprints.
 */
@Component
class LoginRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(LoginRateLimiter.class);
    private static final int MAX_KEYS_TRACKED = 100_000;

    private final Cache<String, Integer> failuresByUsernameAndAddress;
    /** Fingerprints of the usernames that failed from an address, at most as many as make it a sprayer. */
    private final Cache<String, long[]> failedUsernamesByAddress;
    /** An entry lives for one interval after a spraying address let a new username's attempt through. */
    private final Cache<String, Boolean> recentNewUsernameBySprayingAddress;
    /** The username and address pairs that signed in within the quiet period. */
    private final Cache<String, Boolean> signedInByUsernameAndAddress;
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
        this.recentNewUsernameBySprayingAddress = Caffeine.newBuilder().ticker(ticker)
                .expireAfterWrite(settings.sprayingAddressInterval()).maximumSize(MAX_KEYS_TRACKED).build();
        this.signedInByUsernameAndAddress = Caffeine.newBuilder().ticker(ticker)
                .expireAfterWrite(settings.addressQuietPeriod()).maximumSize(MAX_KEYS_TRACKED).build();
    }

    /**
     * Whether this attempt is refused without checking the password. An attempt of a new username let
     * through from a spraying address uses up that address's turn for the interval.
     */
    boolean refuses(String address, String username) {
        String key = key(address, username);
        Integer failures = failuresByUsernameAndAddress.getIfPresent(key);
        if (failures != null && failures >= failuresPerUsername) {
            return true;
        }
        long[] failedUsernames = failedUsernamesByAddress.getIfPresent(address);
        if (failedUsernames == null || failedUsernames.length < usernamesPerAddress) {
            return false;
        }
        long fingerprint = fingerprint(username);
        if (signedInByUsernameAndAddress.getIfPresent(key) != null
                || LongStream.of(failedUsernames).anyMatch(u -> u == fingerprint)) {
            return false;
        }
        return recentNewUsernameBySprayingAddress.asMap().putIfAbsent(address, Boolean.TRUE) != null;
    }

    void failed(String address, String username) {
        int failures = failuresByUsernameAndAddress.asMap().merge(key(address, username), 1, Integer::sum);
        if (failures == failuresPerUsername) {
            // not the username: people type their password into that field by mistake
            log.warn("Client address {} reached {} failed logins with one username; it may not try it for now",
                    address, failuresPerUsername);
        }
        long fingerprint = fingerprint(username);
        // a new array each time, so that the entry is written (which keeps it alive while the failures go on)
        // and never changed in place; once full it takes no more usernames, which bounds an address's memory
        failedUsernamesByAddress.asMap().compute(address, (key, known) -> {
            long[] usernames = known == null ? new long[0] : known;
            if (usernames.length >= usernamesPerAddress || LongStream.of(usernames).anyMatch(u -> u == fingerprint)) {
                return usernames.clone();
            }
            long[] more = Arrays.copyOf(usernames, usernames.length + 1);
            more[usernames.length] = fingerprint;
            if (more.length == usernamesPerAddress) {
                log.warn("Client address {} failed to sign in as {} different usernames; it is slowed down for now",
                        address, usernamesPerAddress);
            }
            return more;
        });
    }

    /**
     * The person got the password right: their own mistakes from this address no longer count, and for the
     * quiet period a spraying address does not slow them down.
     */
    void succeeded(String address, String username) {
        String pair = key(address, username);
        failuresByUsernameAndAddress.invalidate(pair);
        signedInByUsernameAndAddress.put(pair, Boolean.TRUE);
        long fingerprint = fingerprint(username);
        failedUsernamesByAddress.asMap().computeIfPresent(address, (key, known) -> {
            long[] fewer = LongStream.of(known).filter(u -> u != fingerprint).toArray();
            return fewer.length == 0 ? null : fewer;
        });
    }

    /** An address never holds a NUL, so two different pairs never share a key; its length is bounded. */
    private static String key(String address, String username) {
        return address + '\u0000' + Long.toHexString(fingerprint(username));
    }

    /**
     * 64-bit FNV-1a of a username: whatever length was typed, an address's usernames take 8 bytes each. Two
     * usernames sharing a fingerprint would count once; with 64 bits that does not happen by chance.
     */
    private static long fingerprint(String username) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < username.length(); i++) {
            hash ^= username.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
