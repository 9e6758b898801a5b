package id.go.jambiprov.dumisake.shared.tabular;

import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * At most {@code dumisake.import.concurrency} imports are read and checked at once on this instance,
 * whichever way they come (page, API, allocation or beneficiary import, SP2D reconciliation): each holds its
 * rows in memory, and a few large files at once must not exhaust the heap. The others wait their turn in
 * arrival order; a person waiting at a page is told after {@code dumisake.import.wait} to try again, a
 * background job simply waits (its page says "menunggu giliran").
 */
@Component
public class ImportGate {

    private final Semaphore permits;
    private final int concurrency;
    private final Duration wait;

    ImportGate(@Value("${dumisake.import.concurrency:2}") int concurrency,
               @Value("${dumisake.import.wait:PT30S}") Duration wait) {
        this.permits = new Semaphore(concurrency, true);
        this.concurrency = concurrency;
        this.wait = wait;
    }

    /**
     * Runs {@code work} once it is its turn, waiting at most the configured time.
     *
     * @throws BusinessRuleException {@code IMPORT_BUSY} when other imports held every turn the whole time
     */
    public <T> T inTurn(Supplier<T> work) {
        try {
            if (!permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new BusinessRuleException("IMPORT_BUSY", "tabular.busy", concurrency);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusinessRuleException("IMPORT_BUSY", "tabular.busy", concurrency);
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    /** Runs {@code work} of a background job once it is its turn, however long that takes. */
    public <T> T whenTurn(Supplier<T> work) throws InterruptedException {
        permits.acquire();
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
