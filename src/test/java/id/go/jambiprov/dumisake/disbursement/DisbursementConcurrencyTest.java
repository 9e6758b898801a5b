package id.go.jambiprov.dumisake.disbursement;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.internal.AllocationService;
import id.go.jambiprov.dumisake.allocation.internal.EnvelopeQueries;
import id.go.jambiprov.dumisake.disbursement.internal.DisbursementQueries;
import id.go.jambiprov.dumisake.disbursement.internal.DisbursementService;
import id.go.jambiprov.dumisake.disbursement.internal.NewDisbursement;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.StaleVersionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static id.go.jambiprov.dumisake.disbursement.DisbursementTestSupport.admin;
import static id.go.jambiprov.dumisake.disbursement.DisbursementTestSupport.allocation;
import static id.go.jambiprov.dumisake.disbursement.DisbursementTestSupport.as;
import static id.go.jambiprov.dumisake.disbursement.DisbursementTestSupport.column;
import static id.go.jambiprov.dumisake.disbursement.DisbursementTestSupport.ensureOpen;
import static id.go.jambiprov.dumisake.disbursement.DisbursementTestSupport.freshKecamatan;
import static id.go.jambiprov.dumisake.disbursement.DisbursementTestSupport.juta;
import static id.go.jambiprov.dumisake.disbursement.DisbursementTestSupport.operator;
import static id.go.jambiprov.dumisake.disbursement.DisbursementTestSupport.sp2dNumber;
import static id.go.jambiprov.dumisake.disbursement.DisbursementTestSupport.sumOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariant 2 (Σ non-rejected disbursements ≤ allocation) and the realisation totals under concurrent
 * writers. Fiscal year 2043 belongs to this class; "today" is 30 June 2045 (every 2043 date is past).
 */
@SpringBootTest
@Import(DisbursementTestSupport.FixedClock.class)
class DisbursementConcurrencyTest {

    static final int YEAR = 2043;
    static final LocalDate DATE = LocalDate.of(YEAR, 4, 14);
    static final DumisakeUser OP_DISDIK = operator("DISDIK");

    @Autowired
    DisbursementService disbursements;

    @Autowired
    DisbursementQueries queries;

    @Autowired
    AllocationService allocations;

    @Autowired
    FiscalYearService fiscalYears;

    @Autowired
    EnvelopeQueries envelopes;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void fortyOperatorsOnAnAllocationWithRoomForTenGetExactlyTen() throws Exception {
        AllocationView allocation = newAllocation(juta(1000));

        List<Outcome> outcomes = race(40, i -> () -> as(OP_DISDIK, () -> disbursements.create(allocation.id(),
                new NewDisbursement(1 + i % 12, juta(100), sp2dNumber(), DATE, "thread " + i, null), null)));

        assertOnlyExpectedFailures(outcomes);
        assertThat(count(outcomes, "OK")).isEqualTo(10);
        assertThat(count(outcomes, "ALLOCATION_EXCEEDED")).isEqualTo(30);
        assertThat(column(jdbc, "disbursed", allocation.id())).isEqualByComparingTo(juta(1000))
                .isEqualByComparingTo(sumOf(jdbc, allocation.id(), "status <> 'REJECTED'"));
        assertThat(jdbc.queryForObject("select count(*) from disbursement where allocation_id = ?", Integer.class,
                allocation.id())).isEqualTo(10);
        assertThat(jdbc.queryForObject("""
                        select count(*) from audit_event e join disbursement d on e.entity_id = d.id::text
                        where e.action = 'DISBURSEMENT_CREATED' and e.entity_type = 'Disbursement'
                          and d.allocation_id = ?""", Integer.class, allocation.id())).isEqualTo(10);
        assertTotalsTrue(allocation.kecamatanCode());
    }

    @Test
    void twentyAdminsRacingToDecideOneDisbursementLeaveExactlyOneDecision() throws Exception {
        AllocationView allocation = newAllocation(juta(500));
        DisbursementView draft = as(OP_DISDIK, () -> disbursements.create(allocation.id(),
                new NewDisbursement(1, juta(200), sp2dNumber(), DATE, null, null), null));
        DisbursementView submitted = as(OP_DISDIK, () -> disbursements.submit(draft.id()));
        BigDecimal envelopeRealisedBefore = envelopes.get(YEAR, allocation.kecamatanCode()).realised();

        List<Outcome> outcomes = race(20, i -> () -> {
            DumisakeUser admin = admin("admin-" + (char) ('a' + i));
            return as(admin, () -> i % 2 == 0 ? disbursements.verify(submitted.id())
                    : disbursements.reject(submitted.id(), "ditolak oleh " + admin.getUsername()));
        });

        assertOnlyExpectedFailures(outcomes);
        assertThat(count(outcomes, "OK")).isEqualTo(1);
        assertThat(outcomes).filteredOn(o -> !o.ok())
                .allSatisfy(o -> assertThat(o.code()).isIn("INVALID_TRANSITION", "STALE"));
        DisbursementView decided = as(admin("pemeriksa"), () -> queries.get(submitted.id()));
        assertThat(decided.status()).isIn(DisbursementStatus.VERIFIED, DisbursementStatus.REJECTED);
        Outcome winner = outcomes.stream().filter(Outcome::ok).findFirst().orElseThrow();
        assertThat(decided.decidedBy()).isEqualTo("admin-" + (char) ('a' + winner.index()));
        assertThat(decided.status()).isEqualTo(winner.index() % 2 == 0 ? DisbursementStatus.VERIFIED
                : DisbursementStatus.REJECTED);
        // exactly one decision, audited once; the losers changed nothing
        assertThat(decided.version()).isEqualTo(submitted.version() + 1);
        assertThat(jdbc.queryForObject("""
                        select count(*) from audit_event where entity_type = 'Disbursement' and entity_id = ?
                          and action in ('DISBURSEMENT_VERIFIED', 'DISBURSEMENT_REJECTED')""", Integer.class,
                String.valueOf(submitted.id()))).isEqualTo(1);
        BigDecimal expectedRealised = decided.status() == DisbursementStatus.VERIFIED ? juta(200) : BigDecimal.ZERO;
        assertThat(column(jdbc, "realised", allocation.id())).isEqualByComparingTo(expectedRealised)
                .isEqualByComparingTo(sumOf(jdbc, allocation.id(), "status = 'VERIFIED'"));
        assertThat(column(jdbc, "disbursed", allocation.id()))
                .isEqualByComparingTo(sumOf(jdbc, allocation.id(), "status <> 'REJECTED'"));
        assertThat(envelopes.get(YEAR, allocation.kecamatanCode()).realised())
                .isEqualByComparingTo(envelopeRealisedBefore.add(expectedRealised));
        assertTotalsTrue(allocation.kecamatanCode());
    }

    @Test
    void oneSp2dNumberRacedOnFiveAllocationsIsRecordedOnceAndRefusedAsADuplicateElsewhere() throws Exception {
        List<AllocationView> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(newAllocation(juta(100)));
        }
        String sp2d = sp2dNumber();

        List<Outcome> outcomes = race(10, i -> () -> as(OP_DISDIK, () -> disbursements.create(five.get(i % 5).id(),
                new NewDisbursement(1, juta(10), sp2d, DATE, null, null), null)));

        assertOnlyExpectedFailures(outcomes);
        assertThat(count(outcomes, "OK")).isEqualTo(1);
        assertThat(count(outcomes, "SP2D_DUPLICATE")).isEqualTo(9);
        assertThat(jdbc.queryForObject("select count(*) from disbursement where sp2d_number = ?", Integer.class, sp2d))
                .isEqualTo(1);
    }

    @Test
    void oneRequestKeyRacedByTenRetriesCreatesOneDisbursement() throws Exception {
        AllocationView allocation = newAllocation(juta(500));
        String key = java.util.UUID.randomUUID().toString();

        List<Outcome> outcomes = race(10, i -> () -> as(OP_DISDIK, () -> disbursements.create(allocation.id(),
                new NewDisbursement(1, juta(100), sp2dNumber(), DATE, null, key), null)));

        assertOnlyExpectedFailures(outcomes);
        assertThat(count(outcomes, "OK")).isEqualTo(10);
        assertThat(jdbc.queryForObject("select count(*) from disbursement where allocation_id = ?", Integer.class,
                allocation.id())).isEqualTo(1);
        assertThat(column(jdbc, "disbursed", allocation.id())).isEqualByComparingTo(juta(100));
    }

    @Test
    void manyMixedOperationsOnFiveAllocationsOfOneEnvelopeKeepEveryTotalTrue() throws Exception {
        ensureOpen(fiscalYears, YEAR);
        String kecamatan = freshKecamatan(jdbc, YEAR);
        List<AllocationView> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(allocation(allocations, YEAR, kecamatan, "DISDIK", juta(300)));
        }
        // a few disbursements to start from, so that decisions and edits have something to work on
        List<Long> known = new CopyOnWriteArrayList<>();
        for (AllocationView a : five) {
            for (int t = 0; t < 2; t++) {
                DisbursementView d = as(OP_DISDIK, () -> disbursements.create(a.id(),
                        new NewDisbursement(1, juta(40), sp2dNumber(), DATE, null, null), null));
                known.add(d.id());
                if (t == 0) {
                    as(OP_DISDIK, () -> disbursements.submit(d.id()));
                }
            }
        }

        int threads = 30;
        int operationsPerThread = 12;
        List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> tally = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                Random random = new Random(20_430_000L + thread);
                DumisakeUser admin = admin("admin-mix-" + thread);
                start.await();
                for (int n = 0; n < operationsPerThread; n++) {
                    String op = switch (random.nextInt(5)) {
                        case 0 -> "create";
                        case 1 -> "submit";
                        case 2 -> "verify";
                        case 3 -> "reject";
                        default -> "edit";
                    };
                    AllocationView target = five.get(random.nextInt(five.size()));
                    long some = known.get(random.nextInt(known.size()));
                    BigDecimal amount = juta(10 + random.nextInt(60));
                    try {
                        switch (op) {
                            case "create" -> known.add(as(OP_DISDIK, () -> disbursements.create(target.id(),
                                    new NewDisbursement(1 + random.nextInt(12), amount, sp2dNumber(), DATE, null,
                                            null), null)).id());
                            case "submit" -> as(OP_DISDIK, () -> disbursements.submit(some));
                            case "verify" -> as(admin, () -> disbursements.verify(some));
                            case "reject" -> as(admin, () -> disbursements.reject(some, "acak " + thread));
                            default -> {
                                DisbursementView current = as(OP_DISDIK, () -> queries.get(some));
                                as(OP_DISDIK, () -> disbursements.edit(some, new NewDisbursement(current.tranche(),
                                        amount, current.sp2dNumber(), DATE, "ubah " + thread, null), null,
                                        current.version()));
                            }
                        }
                        tally.computeIfAbsent(op + ":OK", k -> new AtomicInteger()).incrementAndGet();
                    } catch (BusinessRuleException e) {
                        tally.computeIfAbsent(op + ":" + e.code(), k -> new AtomicInteger()).incrementAndGet();
                    } catch (StaleVersionException | ObjectOptimisticLockingFailureException e) {
                        tally.computeIfAbsent(op + ":STALE", k -> new AtomicInteger()).incrementAndGet();
                    } catch (Throwable e) {
                        unexpected.add(e);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : futures) {
            future.get(180, TimeUnit.SECONDS);
        }
        pool.shutdown();

        System.out.println("mixed operations: " + new java.util.TreeMap<>(tally));
        assertThat(unexpected).as("no deadlock or other unexpected failure; tally %s", tally).isEmpty();
        assertThat(tally.keySet()).as("tally %s", tally).contains("create:OK", "verify:OK");
        for (AllocationView a : five) {
            BigDecimal disbursed = column(jdbc, "disbursed", a.id());
            assertThat(disbursed).as("disbursed of %s", a.id())
                    .isEqualByComparingTo(sumOf(jdbc, a.id(), "status <> 'REJECTED'"))
                    .isLessThanOrEqualTo(juta(300));
            assertThat(column(jdbc, "realised", a.id())).as("realised of %s", a.id())
                    .isEqualByComparingTo(sumOf(jdbc, a.id(), "status = 'VERIFIED'"));
        }
        assertTotalsTrue(kecamatan);
        // every verification that happened in the race is audited
        assertThat(jdbc.queryForObject("""
                        select count(*) from audit_event e join disbursement d on e.entity_id = d.id::text
                        join allocation a on a.id = d.allocation_id
                        where e.entity_type = 'Disbursement' and e.action = 'DISBURSEMENT_VERIFIED'
                          and a.fiscal_year = ? and a.kecamatan_code = ?""", Integer.class, YEAR, kecamatan))
                .isEqualTo(tally.getOrDefault("verify:OK", new AtomicInteger()).get());
    }

    // --- helpers

    record Outcome(int index, String code, Throwable failure) {
        boolean ok() {
            return "OK".equals(code);
        }
    }

    /** Runs {@code count} tasks released together; records per task OK, a rule code, STALE or the failure. */
    private static List<Outcome> race(int count, IntFunction<Callable<?>> task) throws Exception {
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<?> work = task.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    try {
                        work.call();
                        return new Outcome(index, "OK", null);
                    } catch (BusinessRuleException e) {
                        return new Outcome(index, e.code(), null);
                    } catch (StaleVersionException | ObjectOptimisticLockingFailureException e) {
                        return new Outcome(index, "STALE", null);
                    } catch (Throwable e) {
                        return new Outcome(index, "UNEXPECTED", e);
                    }
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get(120, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertOnlyExpectedFailures(List<Outcome> outcomes) {
        List<Throwable> unexpected = outcomes.stream().filter(o -> o.failure() != null).map(Outcome::failure).toList();
        assertThat(unexpected).as("no deadlock or other unexpected failure").isEmpty();
    }

    private static long count(List<Outcome> outcomes, String code) {
        return outcomes.stream().filter(o -> o.code().equals(code)).count();
    }

    private AllocationView newAllocation(BigDecimal amount) {
        ensureOpen(fiscalYears, YEAR);
        return allocation(allocations, YEAR, freshKecamatan(jdbc, YEAR), "DISDIK", amount);
    }

    /**
     * Every allocation of the envelope: disbursed = Σ non-rejected ≤ amount, realised = Σ verified; the
     * envelope: realised = Σ verified over its allocations.
     */
    private void assertTotalsTrue(String kecamatan) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select a.id, a.amount, a.disbursed, a.realised,
                       coalesce((select sum(d.amount) from disbursement d
                                 where d.allocation_id = a.id and d.status <> 'REJECTED'), 0) as counted,
                       coalesce((select sum(d.amount) from disbursement d
                                 where d.allocation_id = a.id and d.status = 'VERIFIED'), 0) as verified
                from allocation a where a.fiscal_year = ? and a.kecamatan_code = ?""", YEAR, kecamatan);
        for (Map<String, Object> row : rows) {
            assertThat((BigDecimal) row.get("disbursed")).as("disbursed of %s", row.get("id"))
                    .isEqualByComparingTo((BigDecimal) row.get("counted"))
                    .isLessThanOrEqualTo((BigDecimal) row.get("amount"));
            assertThat((BigDecimal) row.get("realised")).as("realised of %s", row.get("id"))
                    .isEqualByComparingTo((BigDecimal) row.get("verified"));
        }
        BigDecimal verified = jdbc.queryForObject("""
                select coalesce(sum(d.amount), 0) from disbursement d join allocation a on a.id = d.allocation_id
                where a.fiscal_year = ? and a.kecamatan_code = ? and d.status = 'VERIFIED'""",
                BigDecimal.class, YEAR, kecamatan);
        assertThat(envelopes.get(YEAR, kecamatan).realised()).as("envelope realised").isEqualByComparingTo(verified);
    }
}
