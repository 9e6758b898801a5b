package id.go.jambiprov.dumisake.shared.tabular;

import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportGateTest {

    @Test
    void aThirdImportWaitsForItsTurnAndIsToldWhenItWaitedTooLong() throws Exception {
        ImportGate gate = new ImportGate(2, Duration.ofMillis(200));
        CountDownLatch holding = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        Runnable hold = () -> gate.inTurn(() -> {
            holding.countDown();
            await(release);
            return null;
        });
        CompletableFuture<Void> first = CompletableFuture.runAsync(hold);
        CompletableFuture<Void> second = CompletableFuture.runAsync(hold);
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> gate.inTurn(() -> "third")).isInstanceOfSatisfying(BusinessRuleException.class, e -> {
            assertThat(e.code()).isEqualTo("IMPORT_BUSY");
            assertThat(e.messageKey()).isEqualTo("tabular.busy");
        });
        CompletableFuture<String> queued = CompletableFuture.supplyAsync(() -> {
            try {
                return gate.whenTurn(() -> "its turn");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(queued).isNotDone();

        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        second.get(5, TimeUnit.SECONDS);
        assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo("its turn");
        assertThat(gate.inTurn(() -> "free again")).isEqualTo("free again");
    }

    @Test
    void aFailingImportGivesItsTurnBack() {
        ImportGate gate = new ImportGate(1, Duration.ofMillis(100));

        assertThatThrownBy(() -> gate.inTurn(() -> {
            throw new IllegalStateException("unreadable");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(gate.inTurn(() -> "next")).isEqualTo("next");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
