package id.go.jambiprov.dumisake.allocation;

import id.go.jambiprov.dumisake.DumisakeApplication;
import id.go.jambiprov.dumisake.allocation.internal.AllocationService;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.StaleVersionException;
import id.go.jambiprov.dumisake.shared.db.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static id.go.jambiprov.dumisake.allocation.AllocationTestSupport.BILLION;
import static id.go.jambiprov.dumisake.allocation.AllocationTestSupport.allocated;
import static id.go.jambiprov.dumisake.allocation.AllocationTestSupport.allocationAuditEvents;
import static id.go.jambiprov.dumisake.allocation.AllocationTestSupport.asAdmin;
import static id.go.jambiprov.dumisake.allocation.AllocationTestSupport.belanjaOpd;
import static id.go.jambiprov.dumisake.allocation.AllocationTestSupport.ensureOpen;
import static id.go.jambiprov.dumisake.allocation.AllocationTestSupport.juta;
import static id.go.jambiprov.dumisake.allocation.AllocationTestSupport.pagu;
import static id.go.jambiprov.dumisake.allocation.AllocationTestSupport.sumOfActive;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariant 1 under concurrent writers: many threads of one application, and two application contexts
 * (two "instances") on one database. Fiscal years 2035–2037 belong to this class.
 */
@SpringBootTest
@AutoConfigureMockMvc // not used here: it makes this the context of the MockMvc tests, started once for all
class EnvelopeConcurrencyTest {

    static final BigDecimal PAGU = new BigDecimal("2000000000.00");
    static final BigDecimal HUNDRED_MILLION = juta(100);

    @Autowired
    AllocationService allocations;

    @Autowired
    Allocations allocationReads;

    @Autowired
    FiscalYearService fiscalYears;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LocalPostgres postgres;

    @Test
    void fiftyThreadsOnAnEnvelopeWithRoomForTenGetExactlyTen() throws Exception {
        int year = 2035;
        String kecamatan = "15.03.01";
        ensureOpen(fiscalYears, year, PAGU);
        asAdmin(() -> allocations.create(belanjaOpd(year, kecamatan, BILLION)));

        Map<String, Integer> outcomes = race(50, i -> () -> create(allocations, year, kecamatan));

        assertThat(outcomes).containsOnlyKeys("CREATED", "ENVELOPE_EXCEEDED")
                .containsEntry("CREATED", 10).containsEntry("ENVELOPE_EXCEEDED", 40);
        assertEnvelopeConsistent(year, kecamatan);
        assertThat(allocated(jdbc, year, kecamatan)).isEqualByComparingTo(PAGU);
        assertThat(activeAllocationsOf(year, kecamatan, HUNDRED_MILLION)).isEqualTo(10);
        assertThat(allocationAuditEvents(jdbc, "ALLOCATION_CREATED", year, kecamatan)).isEqualTo(11);
    }

    @Test
    void concurrentRevisionsAndCancellationsKeepTheEnvelopeTotalTrue() throws Exception {
        int year = 2036;
        String kecamatan = "15.03.02";
        BigDecimal pagu = new BigDecimal("1500000000.00");
        ensureOpen(fiscalYears, year, pagu);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(asAdmin(() -> allocations.create(belanjaOpd(year, kecamatan, juta(50)))).id());
        }
        AtomicInteger revised = new AtomicInteger();
        AtomicInteger cancelled = new AtomicInteger();

        Map<String, Integer> outcomes = race(40, thread -> () -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            Map<String, Integer> mine = new java.util.HashMap<>();
            for (int op = 0; op < 10; op++) {
                long id = ids.get(random.nextInt(ids.size()));
                boolean cancel = random.nextInt(100) < 10;
                BigDecimal amount = juta(10 + random.nextInt(141));
                String outcome = asAdmin(() -> {
                    AllocationView current = allocationReads.get(id);
                    try {
                        if (cancel) {
                            allocations.cancel(id, "uji serentak", current.version());
                            cancelled.incrementAndGet();
                            return "CANCELLED";
                        }
                        allocations.revise(id, amount, current.version());
                        revised.incrementAndGet();
                        return "REVISED";
                    } catch (StaleVersionException | ObjectOptimisticLockingFailureException e) {
                        return "STALE";
                    } catch (BusinessRuleException e) {
                        return e.code();
                    }
                });
                mine.merge(outcome, 1, Integer::sum);
            }
            return mine;
        });

        assertThat(outcomes.keySet()).isSubsetOf("REVISED", "CANCELLED", "STALE", "ENVELOPE_EXCEEDED",
                "ALLOCATION_CANCELLED");
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(400);
        assertThat(revised.get()).as("some revisions went through").isPositive();
        assertThat(cancelled.get()).as("some cancellations went through").isPositive();
        assertEnvelopeConsistent(year, kecamatan);
        assertThat(allocated(jdbc, year, kecamatan)).isLessThanOrEqualTo(pagu);
        // invariant 5 under load: one audit event per change that committed, none for a refusal
        assertThat(allocationAuditEvents(jdbc, "ALLOCATION_REVISED", year, kecamatan)).isEqualTo(revised.get());
        assertThat(allocationAuditEvents(jdbc, "ALLOCATION_CANCELLED", year, kecamatan)).isEqualTo(cancelled.get());
    }

    @Test
    void twoApplicationInstancesOnOneDatabaseKeepTheCapExactly() throws Exception {
        int year = 2037;
        String kecamatan = "15.03.03";
        ensureOpen(fiscalYears, year, PAGU);
        asAdmin(() -> allocations.create(belanjaOpd(year, kecamatan, BILLION)));

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(DumisakeApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=" + postgres.appUsername(),
                "--spring.datasource.password=" + postgres.appPassword(),
                "--spring.flyway.user=" + postgres.username(),
                "--spring.main.banner-mode=off")) {
            AllocationService otherInstance = second.getBean(AllocationService.class);
            assertThat(otherInstance).isNotSameAs(allocations);
            assertThat(second.getBeansOfType(LocalPostgres.class)).as("no second embedded database").isEmpty();

            Map<String, Integer> outcomes = race(50, i -> () -> create(i % 2 == 0 ? allocations : otherInstance,
                    year, kecamatan));

            assertThat(outcomes).containsOnlyKeys("CREATED", "ENVELOPE_EXCEEDED")
                    .containsEntry("CREATED", 10).containsEntry("ENVELOPE_EXCEEDED", 40);
        }
        assertEnvelopeConsistent(year, kecamatan);
        assertThat(allocated(jdbc, year, kecamatan)).isEqualByComparingTo(PAGU);
        assertThat(activeAllocationsOf(year, kecamatan, HUNDRED_MILLION)).isEqualTo(10);
    }

    private static Map<String, Integer> create(AllocationService service, int year, String kecamatan) {
        return asAdmin(() -> {
            try {
                service.create(belanjaOpd(year, kecamatan, HUNDRED_MILLION));
                return Map.of("CREATED", 1);
            } catch (BusinessRuleException e) {
                return Map.of(e.code(), 1);
            }
        });
    }

    /**
     * Starts {@code threads} tasks at the same moment (a latch holds them until every thread is ready) and
     * adds up the outcome counts they report. Any other exception fails the test.
     */
    private static Map<String, Integer> race(int threads,
                                             java.util.function.IntFunction<Callable<Map<String, Integer>>> task)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Map<String, Integer>>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Map<String, Integer>> work = task.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return work.call();
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            start.countDown();
            Map<String, Integer> total = new java.util.TreeMap<>();
            for (Future<Map<String, Integer>> future : futures) {
                future.get(120, TimeUnit.SECONDS).forEach((k, v) -> total.merge(k, v, Integer::sum));
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    /** envelope.allocated is exactly the SQL sum of the ACTIVE allocations, and never above the pagu. */
    private void assertEnvelopeConsistent(int year, String kecamatan) {
        assertThat(allocated(jdbc, year, kecamatan)).isEqualByComparingTo(sumOfActive(jdbc, year, kecamatan))
                .isLessThanOrEqualTo(pagu(jdbc, year, kecamatan));
    }

    private int activeAllocationsOf(int year, String kecamatan, BigDecimal amount) {
        return jdbc.queryForObject("""
                        select count(*) from allocation where fiscal_year = ? and kecamatan_code = ?
                          and status = 'ACTIVE' and amount = ?""", Integer.class, year, kecamatan, amount);
    }
}
