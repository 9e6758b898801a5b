package id.go.jambiprov.dumisake.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Refuses logins from a client address that failed too often, until it has been quiet for a while.
 * <p>
 * Kept in memory on purpose: each instance counts on its own, so behind N instances an address gets up
 * to N times the limit. That is acceptable because this only slows down password spraying across many
 * accounts; what protects one account — the lockout — is in the database and shared. Counting in the
 * database instead would turn a flood of bad logins into a flood of writes on the database the whole
 * province works on. The cache is bounded so that many addresses cannot exhaust the memory.
 */
@Component
class LoginRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(LoginRateLimiter.class);
    private static final int MAX_ADDRESSES_TRACKED = 100_000;

    private final Cache<String, Integer> failuresByAddress;
    private final int limit;

    LoginRateLimiter(LoginProtectionSettings settings) {
        this.limit = settings.maxFailuresPerAddress();
        // every failure is a write, so the entry lives until the address has been quiet for the period
        this.failuresByAddress = Caffeine.newBuilder()
                .expireAfterWrite(settings.addressQuietPeriod())
                .maximumSize(MAX_ADDRESSES_TRACKED)
                .build();
    }

    boolean isBlocked(String address) {
        Integer failures = failuresByAddress.getIfPresent(address);
        return failures != null && failures >= limit;
    }

    void failed(String address) {
        int failures = failuresByAddress.asMap().merge(address, 1, Integer::sum);
        if (failures == limit) {
            log.warn("Client address {} reached {} failed logins; its logins are refused for now", address, limit);
        }
    }
}
