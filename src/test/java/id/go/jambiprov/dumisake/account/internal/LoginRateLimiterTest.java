package id.go.jambiprov.dumisake.account.internal;

import id.go.jambiprov.dumisake.account.internal.LoginProtectionSettings;
import id.go.jambiprov.dumisake.account.internal.LoginRateLimiter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-address limits on their own, with a clock the test moves. */
class LoginRateLimiterTest {

    private static final String OFFICE = "203.0.113.7";

    private final AtomicLong nanos = new AtomicLong();
    private final LoginRateLimiter limiter = new LoginRateLimiter(new LoginProtectionSettings(5, Duration.ofMinutes(15),
            20, Duration.ofMinutes(15), 10, Duration.ofSeconds(10), 10), nanos::get);

    @Test
    void oneUsernameFailingFromAnAddressIsRefusedThereOnlyAndOnlyUntilItWasQuiet() {
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.refuses(OFFICE, "budi")).isFalse();
            limiter.failed(OFFICE, "budi");
        }
        assertThat(limiter.refuses(OFFICE, "budi")).isTrue();
        assertThat(limiter.refuses(OFFICE, "siti")).isFalse();
        assertThat(limiter.refuses("198.51.100.1", "budi")).isFalse();

        advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(limiter.refuses(OFFICE, "budi")).isFalse();
    }

    @Test
    void anAddressFailingAsManyUsernamesGetsOneAttemptPerInterval() {
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.refuses(OFFICE, "tebakan-" + i)).isFalse();
            limiter.failed(OFFICE, "tebakan-" + i);
        }
        assertThat(limiter.refuses(OFFICE, "siti")).as("the first attempt of the interval").isFalse();
        assertThat(limiter.refuses(OFFICE, "budi")).isTrue();
        assertThat(limiter.refuses(OFFICE, "siti")).isTrue();
        assertThat(limiter.refuses("198.51.100.1", "budi")).as("other addresses are not slowed").isFalse();

        advance(Duration.ofSeconds(10));
        assertThat(limiter.refuses(OFFICE, "budi")).isFalse();
        assertThat(limiter.refuses(OFFICE, "siti")).isTrue();
    }

    @Test
    void theSameUsernameFailingAgainIsNoSprayingAndASuccessForgetsItsFailures() {
        for (int i = 0; i < 9; i++) {
            limiter.failed(OFFICE, "tebakan-" + i);
        }
        for (int i = 0; i < 15; i++) {
            limiter.failed(OFFICE, "budi");
        }
        assertThat(limiter.refuses(OFFICE, "siti")).isFalse();
        assertThat(limiter.refuses(OFFICE, "siti")).as("ten usernames failed: slowed down").isTrue();

        limiter.succeeded(OFFICE, "budi");
        assertThat(limiter.refuses(OFFICE, "siti")).as("budi got in: nine are left").isFalse();
        assertThat(limiter.refuses(OFFICE, "siti")).isFalse();
        for (int i = 0; i < 19; i++) {
            limiter.failed(OFFICE, "budi");
        }
        advance(Duration.ofSeconds(10));
        assertThat(limiter.refuses(OFFICE, "budi")).as("budi's count started again").isFalse();
    }

    @Test
    void aSprayingAddressStaysSlowedWhileItGoesOnAndIsForgottenWhenQuiet() {
        for (int i = 0; i < 10; i++) {
            limiter.failed(OFFICE, "tebakan-" + i);
        }
        advance(Duration.ofMinutes(10));
        limiter.failed(OFFICE, "tebakan-0");
        advance(Duration.ofMinutes(10));
        assertThat(limiter.refuses(OFFICE, "siti")).isFalse();
        assertThat(limiter.refuses(OFFICE, "siti")).as("still spraying 20 minutes after it began").isTrue();

        advance(Duration.ofMinutes(15));
        assertThat(limiter.refuses(OFFICE, "siti")).isFalse();
        assertThat(limiter.refuses(OFFICE, "siti")).isFalse();
    }

    /** An office's daily work goes on while someone sprays from its address, scripts signing in on each call. */
    @Test
    void whoSignedInFromASprayingAddressIsNotSlowedDown() {
        limiter.succeeded(OFFICE, "skrip-laporan");
        for (int i = 0; i < 10; i++) {
            limiter.failed(OFFICE, "tebakan-" + i);
        }
        for (int i = 0; i < 50; i++) {
            assertThat(limiter.refuses(OFFICE, "skrip-laporan")).as("signed in before the spraying").isFalse();
            limiter.succeeded(OFFICE, "skrip-laporan");
            limiter.refuses(OFFICE, "tebakan-baru-" + i);
        }
        assertThat(limiter.refuses(OFFICE, "siti")).as("new usernames share the turn").isTrue();

        advance(Duration.ofSeconds(10));
        assertThat(limiter.refuses(OFFICE, "siti")).isFalse();
        limiter.succeeded(OFFICE, "siti");
        assertThat(limiter.refuses(OFFICE, "siti")).as("once in, no longer slowed").isFalse();
        assertThat(limiter.refuses(OFFICE, "budi")).isTrue();
        assertThat(limiter.refuses("198.51.100.1", "skrip-laporan")).isFalse();
    }

    @Test
    void retriesOfUsernamesThatAlreadyFailedDoNotUseUpTheTurnOfNewOnes() {
        for (int i = 0; i < 10; i++) {
            limiter.failed(OFFICE, "tebakan-" + i);
        }
        for (int round = 1; round < 20; round++) {
            for (int i = 0; i < 10; i++) {
                assertThat(limiter.refuses(OFFICE, "tebakan-" + i)).isFalse();
                limiter.failed(OFFICE, "tebakan-" + i);
            }
        }
        assertThat(limiter.refuses(OFFICE, "tebakan-3")).as("held by the limit on one username").isTrue();
        assertThat(limiter.refuses(OFFICE, "siti")).as("the turn is still there for a new username").isFalse();
        assertThat(limiter.refuses(OFFICE, "budi")).isTrue();
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
