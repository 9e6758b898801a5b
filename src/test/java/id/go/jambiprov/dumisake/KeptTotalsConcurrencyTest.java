package id.go.jambiprov.dumisake;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.account.SignedIn;
import id.go.jambiprov.dumisake.account.Role;
import id.go.jambiprov.dumisake.allocation.AllocationFilter;
import id.go.jambiprov.dumisake.allocation.AllocationStatus;
import id.go.jambiprov.dumisake.allocation.AllocationTotals;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.allocation.KeptTotalsDifference;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.allocation.NewAllocation;
import id.go.jambiprov.dumisake.allocation.internal.AllocationService;
import id.go.jambiprov.dumisake.disbursement.internal.DisbursementService;
import id.go.jambiprov.dumisake.disbursement.internal.NewDisbursement;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.progress.ReportRequest;
import id.go.jambiprov.dumisake.progress.internal.ProgressReportService;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.StaleVersionException;
import id.go.jambiprov.dumisake.shared.SystemAuthentication;
import id.go.jambiprov.dumisake.shared.db.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kept allocation totals (V20_1) and roll-up (V22_32) under random concurrent writes — allocations created,
 * revised and cancelled, disbursements created, submitted, verified and rejected, monthly progress reports — from
 * many threads of one instance, and from two application instances on one database: afterwards the kept totals equal
 * what the allocation and disbursement rows add up to, figure by figure ({@link Allocations#keptTotalsDifferences}),
 * the roll-up what the allocations and their latest reports add up to ({@code allocation_rollup_differences}), the
 * kept days and the tranche numbers per allocation what the disbursements add up to
 * ({@code disbursement_day_differences}, V22_36, {@code allocation_tranches_differences}, V22_38), and
 * the list footers read from them equal the sums over the rows. Fiscal year 2077 (one instance) and 2078 (two
 * instances) belong to this class; "today" is 15 January 2079 (WIB), so that every SP2D date of those years lies in
 * the past.
 */
@SpringBootTest
@Import(KeptTotalsConcurrencyTest.January2079.class)
class KeptTotalsConcurrencyTest {

    static final ZoneId JAMBI = ZoneId.of("Asia/Jakarta");
    static final BigDecimal PAGU = new BigDecimal("2000000000.00");
    static final BigDecimal JUTA = new BigDecimal("1000000.00");
    static final List<String> KECAMATAN = List.of("15.05.01", "15.05.02", "15.06.01");
    /** OPD and programme pairs; with two mechanisms each, several allocations share every kept cell. */
    static final List<String[]> CELLS = List.of(new String[]{"DISDIK", "BANTUAN-PENDIDIKAN"},
            new String[]{"DINKES", "JAMINAN-KESEHATAN"});
    static final DumisakeUser ADMIN = new DumisakeUser("admin-uji-total", "Admin uji", Role.ADMIN, null, true, "x");

    /** "Today" while the writers run: SP2D dates of 2077 and 2078 are then in the past. */
    static final Instant JANUARY_2079 = LocalDateTime.of(LocalDate.of(2079, 1, 15), LocalTime.of(10, 0)).atZone(JAMBI)
            .toInstant();

    /**
     * The clock of this class's instances: the real time (so that the demo data loads at start as in every other
     * context) until a test moves both instances to {@link #JANUARY_2079}. A plain class of bean methods, not a
     * {@code @TestConfiguration}: it is a source of the second instance too, and as no component it is never picked
     * up by another context's scan.
     */
    static class January2079 {
        @Bean
        @Primary
        Clock keptTotalsClock() {
            return new MovableClock(JAMBI);
        }
    }

    static final class MovableClock extends Clock {

        /** Shared by the clocks of both instances; {@code null}: the real time. */
        private static volatile Instant now;

        private final ZoneId zone;

        MovableClock(ZoneId zone) {
            this.zone = zone;
        }

        static void moveTo(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new MovableClock(zone);
        }

        @Override
        public Instant instant() {
            Instant moved = now;
            return moved != null ? moved : Instant.now();
        }
    }

    @Autowired
    AllocationService allocations;

    @Autowired
    DisbursementService disbursements;

    @Autowired
    ProgressReportService reports;

    @Autowired
    Allocations reads;

    @Autowired
    FiscalYearService fiscalYears;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LocalPostgres postgres;

    @Test
    void randomConcurrentWritesOfOneInstanceLeaveTheKeptTotalsEqualToTheRows() throws Exception {
        int year = 2077;
        open(year);
        Writers writers = new Writers(year, List.of(new Instance(allocations, disbursements, reports)));
        writers.seed();

        Map<String, Integer> outcomes = writers.race(8, 30);

        assertEveryKindHappened(outcomes);
        assertKeptTotalsEqualTheRows(year);
    }

    @Test
    void randomConcurrentWritesOfTwoInstancesLeaveTheKeptTotalsEqualToTheRows() throws Exception {
        int year = 2078;
        open(year);
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(DumisakeApplication.class,
                January2079.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=" + postgres.appUsername(),
                "--spring.datasource.password=" + postgres.appPassword(),
                "--spring.flyway.user=" + postgres.username(),
                "--spring.main.banner-mode=off")) {
            Instance other = new Instance(second.getBean(AllocationService.class),
                    second.getBean(DisbursementService.class), second.getBean(ProgressReportService.class));
            assertThat(other.allocations()).isNotSameAs(allocations);
            Writers writers = new Writers(year, List.of(new Instance(allocations, disbursements, reports), other));
            writers.seed();

            Map<String, Integer> outcomes = writers.race(8, 30);

            assertEveryKindHappened(outcomes);
        }
        assertKeptTotalsEqualTheRows(year);
    }

    @Test
    void theReconciliationNamesAKeptFigureThatDrifted() {
        int year = 2077;
        open(year);
        AllocationView allocation = as(ADMIN, () -> allocations.create(allocation(year, KECAMATAN.get(0),
                CELLS.get(0), Mechanism.BELANJA_OPD, 7)));
        String cell = "fiscal_year = ? and kecamatan_code = ? and opd_code = ? and programme_code = ? and mechanism = ?";
        Object[] key = {year, allocation.kecamatanCode(), allocation.opdCode(), allocation.programmeCode(),
                allocation.mechanism().name()};
        assertThat(differences(year)).isEmpty();

        jdbc.update("update allocation_total set allocated = allocated + 1 where " + cell, key);
        try {
            assertThat(differences(year)).singleElement().satisfies(difference -> {
                assertThat(difference.figure()).isEqualTo("allocated");
                assertThat(difference.kecamatanCode()).isEqualTo(allocation.kecamatanCode());
                assertThat(difference.opdCode()).isEqualTo(allocation.opdCode());
                assertThat(difference.kept().subtract(difference.counted())).isEqualByComparingTo(BigDecimal.ONE);
            });
        } finally {
            jdbc.update("update allocation_total set allocated = allocated - 1 where " + cell, key);
        }
        assertThat(differences(year)).isEmpty();

        String row = "fiscal_year = ? and level = 2 and region_code = ?";
        assertThat(rollupDifferences(year)).isEmpty();
        jdbc.update("update allocation_rollup set physical = physical + 1 where " + row, year, allocation.kecamatanCode());
        try {
            assertThat(rollupDifferences(year)).singleElement().satisfies(difference -> {
                assertThat(difference).containsEntry("figure", "physical")
                        .containsEntry("region_code", allocation.kecamatanCode());
                assertThat(((Number) difference.get("level")).intValue()).isEqualTo(2);
                assertThat((BigDecimal) difference.get("kept")).isEqualByComparingTo(
                        ((BigDecimal) difference.get("counted")).add(BigDecimal.ONE));
            });
        } finally {
            jdbc.update("update allocation_rollup set physical = physical - 1 where " + row, year,
                    allocation.kecamatanCode());
        }
        assertThat(rollupDifferences(year)).isEmpty();

        LocalDate day = LocalDate.of(year, 3, 1);
        assertThat(dayDifferences(year)).isEmpty();
        jdbc.update("insert into disbursement_day values (?, ?, 0, 0, 1)", year, day);
        try {
            assertThat(dayDifferences(year)).singleElement().satisfies(difference -> {
                assertThat(difference).containsEntry("figure", "verified").containsEntry("day", Date.valueOf(day));
                assertThat((BigDecimal) difference.get("kept")).isEqualByComparingTo(BigDecimal.ONE);
                assertThat((BigDecimal) difference.get("counted")).isEqualByComparingTo(BigDecimal.ZERO);
            });
        } finally {
            jdbc.update("delete from disbursement_day where fiscal_year = ? and day = ?", year, day);
        }
        assertThat(dayDifferences(year)).isEmpty();
    }

    /** The kept cells and envelopes agree with the rows, and every list footer from them with the rows' sums. */
    private void assertKeptTotalsEqualTheRows(int year) {
        assertThat(differences(year)).as("kept totals against the allocation and disbursement rows").isEmpty();
        assertThat(rollupDifferences(year)).as("the roll-up against the allocations and their latest reports")
                .isEmpty();
        assertThat(dayDifferences(year)).as("the kept days against the disbursement rows").isEmpty();
        assertThat(jdbc.queryForList("select * from allocation_tranches_differences(?)", year))
                .as("the tranche numbers kept per allocation against the disbursement rows").isEmpty();
        List<AllocationFilter> filters = new ArrayList<>();
        for (AllocationStatus status : new AllocationStatus[]{null, AllocationStatus.ACTIVE, AllocationStatus.CANCELLED}) {
            filters.add(new AllocationFilter(year, null, null, null, null, null, status));
            filters.add(new AllocationFilter(year, "15.05", null, null, null, null, status));
            filters.add(new AllocationFilter(year, null, KECAMATAN.get(2), "DINKES", null, null, status));
            filters.add(new AllocationFilter(year, null, null, null, "BANTUAN-PENDIDIKAN",
                    Mechanism.BANTUAN_KEUANGAN_KABKOTA, status));
        }
        for (AllocationFilter filter : filters) {
            AllocationTotals kept = as(ADMIN, () -> reads.totals(filter));
            AllocationTotals counted = counted(filter);
            assertThat(kept.allocations()).as("number, %s", filter).isEqualTo(counted.allocations());
            assertThat(kept.amount()).as("amount, %s", filter).isEqualByComparingTo(counted.amount());
            assertThat(kept.disbursed()).as("disbursed, %s", filter).isEqualByComparingTo(counted.disbursed());
            assertThat(kept.realised()).as("realised, %s", filter).isEqualByComparingTo(counted.realised());
        }
    }

    /** The footer as it was summed before the totals were kept: over the allocation rows. */
    private AllocationTotals counted(AllocationFilter filter) {
        return jdbc.queryForObject("""
                        select count(*),
                               coalesce(sum(a.amount) filter (where a.status = 'ACTIVE'), 0),
                               coalesce(sum(a.disbursed) filter (where a.status = 'ACTIVE'), 0),
                               coalesce(sum(a.realised) filter (where a.status = 'ACTIVE'), 0)
                        from allocation a join kecamatan c on c.code = a.kecamatan_code
                        where a.fiscal_year = ?
                          and (cast(? as varchar) is null or c.kabupaten_kota_code = ?)
                          and (cast(? as varchar) is null or a.kecamatan_code = ?)
                          and (cast(? as varchar) is null or a.opd_code = ?)
                          and (cast(? as varchar) is null or a.programme_code = ?)
                          and (cast(? as varchar) is null or a.mechanism = ?)
                          and (cast(? as varchar) is null or a.status = ?)""",
                (rs, n) -> new AllocationTotals(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4)),
                filter.year(), filter.kabupatenKotaCode(), filter.kabupatenKotaCode(), filter.kecamatanCode(),
                filter.kecamatanCode(), filter.opdCode(), filter.opdCode(), filter.programmeCode(),
                filter.programmeCode(), name(filter.mechanism()), name(filter.mechanism()), name(filter.status()),
                name(filter.status()));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private List<KeptTotalsDifference> differences(int year) {
        return as(ADMIN, () -> reads.keptTotalsDifferences(year));
    }

    private List<Map<String, Object>> dayDifferences(int year) {
        return jdbc.queryForList("select * from disbursement_day_differences(?)", year);
    }

    private List<Map<String, Object>> rollupDifferences(int year) {
        return jdbc.queryForList("select * from allocation_rollup_differences(?)", year);
    }

    private static void assertEveryKindHappened(Map<String, Integer> outcomes) {
        assertThat(outcomes).as("outcomes %s", outcomes).containsKeys("CREATED", "REVISED", "CANCELLED",
                "DISBURSEMENT_CREATED", "SUBMITTED", "VERIFIED", "REJECTED", "REPORTED");
    }

    private void open(int year) {
        SystemAuthentication.run(() -> {
            if (fiscalYears.all().stream().noneMatch(y -> y.year() == year)) {
                fiscalYears.open(year, PAGU);
            }
        });
    }

    private static NewAllocation allocation(int year, String kecamatan, String[] cell, Mechanism mechanism, long juta) {
        return new NewAllocation(year, kecamatan, cell[0], cell[1], mechanism, null, "Uji total terjaga",
                JUTA.multiply(BigDecimal.valueOf(juta)), 3);
    }

    static <T> T as(DumisakeUser user, Supplier<T> work) {
        return SignedIn.as(user, work);
    }

    record Instance(AllocationService allocations, DisbursementService disbursements, ProgressReportService reports) {
    }

    /** A disbursement as the writers know it: its id and the OPD whose operator submits it. */
    record Tranche(long id, String opdCode) {
    }

    /**
     * Threads that each run random writes against random instances, on allocations and disbursements the threads
     * share, so that they collide on envelopes, allocations, disbursements and kept cells alike.
     */
    final class Writers {

        /** The allocations {@link #seed} makes, each with a draft, half of them submitted. */
        private static final int SEEDED = 6;

        private final int year;
        private final List<Instance> instances;
        private final List<AllocationView> allocationsMade = new CopyOnWriteArrayList<>();
        private final List<Tranche> tranches = new CopyOnWriteArrayList<>();
        /* what was submitted, for the admin's decisions: a decision on any tranche was refused so often (a draft, an
           allocation cancelled meanwhile) that a race of 240 writes could end without a single verification */
        private final List<Tranche> submitted = new CopyOnWriteArrayList<>();
        private final Map<String, Integer> outcomes = new ConcurrentHashMap<>();

        Writers(int year, List<Instance> instances) {
            this.year = year;
            this.instances = instances;
        }

        /**
         * A few allocations with a draft each, half of them submitted, so that every kind of write has something to
         * work on at once. Each draft goes to the allocation just made (at least Rp 20.000.000, a draft at most
         * Rp 9.000.000): a random one could meet an allocation whose earlier drafts leave too little, and the seed
         * must not be refused.
         */
        void seed() {
            MovableClock.moveTo(JANUARY_2079);
            try {
                for (int i = 0; i < SEEDED; i++) {
                    createAllocation(instances.get(0), ThreadLocalRandom.current());
                    createDisbursement(instances.get(0), allocationsMade.get(i), ThreadLocalRandom.current());
                    if (i % 2 == 0) {
                        submit(instances.get(0), tranches.get(i));
                    }
                }
            } finally {
                MovableClock.moveTo(null);
            }
        }

        Map<String, Integer> race(int threads, int writesEach) throws Exception {
            MovableClock.moveTo(JANUARY_2079);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    futures.add(pool.submit(() -> {
                        ready.countDown();
                        start.await();
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        for (int i = 0; i < writesEach; i++) {
                            write(instances.get(random.nextInt(instances.size())), random);
                        }
                        return null;
                    }));
                }
                assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
                start.countDown();
                for (Future<?> future : futures) {
                    future.get(300, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
                MovableClock.moveTo(null);
            }
            return new TreeMap<>(outcomes);
        }

        /** One random write; a refusal by a rule or a stale version is an outcome, anything else fails the test. */
        private void write(Instance instance, ThreadLocalRandom random) {
            String outcome;
            try {
                outcome = switch (random.nextInt(9)) {
                    case 0 -> createAllocation(instance, random);
                    case 1 -> reviseAllocation(instance, random);
                    case 2 -> cancelAllocation(instance, random);
                    case 3 -> createDisbursement(instance, anyAllocation(random), random);
                    case 4 -> submit(instance, random);
                    case 5 -> verify(instance, random);
                    case 6 -> reject(instance, random);
                    default -> report(instance, random);
                };
            } catch (BusinessRuleException e) {
                outcome = e.code();
            } catch (StaleVersionException | ObjectOptimisticLockingFailureException e) {
                outcome = "STALE";
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }

        private String createAllocation(Instance instance, ThreadLocalRandom random) {
            Mechanism mechanism = random.nextBoolean() ? Mechanism.BELANJA_OPD : Mechanism.BANTUAN_KEUANGAN_KABKOTA;
            allocationsMade.add(as(ADMIN, () -> instance.allocations().create(allocation(year,
                    KECAMATAN.get(random.nextInt(KECAMATAN.size())), CELLS.get(random.nextInt(CELLS.size())),
                    mechanism, 20 + random.nextInt(60)))));
            return "CREATED";
        }

        private String reviseAllocation(Instance instance, ThreadLocalRandom random) {
            long id = anyAllocation(random).id();
            BigDecimal amount = JUTA.multiply(BigDecimal.valueOf(10 + random.nextInt(80)));
            as(ADMIN, () -> instance.allocations().revise(id, amount, reads.get(id).version()));
            return "REVISED";
        }

        /**
         * One of the allocations made during the race, never the seed's: a cancelled allocation refuses every later
         * write of its own, and with the seed's submitted tranches cancelled one run had no verification at all.
         */
        private String cancelAllocation(Instance instance, ThreadLocalRandom random) {
            if (allocationsMade.size() <= SEEDED) {
                return reviseAllocation(instance, random);
            }
            long id = allocationsMade.get(SEEDED + random.nextInt(allocationsMade.size() - SEEDED)).id();
            as(ADMIN, () -> instance.allocations().cancel(id, "uji total terjaga", reads.get(id).version()));
            return "CANCELLED";
        }

        private String createDisbursement(Instance instance, AllocationView allocation, ThreadLocalRandom random) {
            DumisakeUser operator = operator(allocation.opdCode());
            NewDisbursement tranche = new NewDisbursement(1, JUTA.multiply(BigDecimal.valueOf(1 + random.nextInt(9))),
                    "UJI-TOTAL/" + UUID.randomUUID().toString().substring(0, 18),
                    LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28)), "uji", null);
            long id = as(operator, () -> instance.disbursements().create(allocation.id(), tranche, null)).id();
            tranches.add(new Tranche(id, allocation.opdCode()));
            return "DISBURSEMENT_CREATED";
        }

        private String submit(Instance instance, ThreadLocalRandom random) {
            return submit(instance, anyTranche(random));
        }

        private String submit(Instance instance, Tranche tranche) {
            as(operator(tranche.opdCode()), () -> instance.disbursements().submit(tranche.id()));
            submitted.add(tranche);
            return "SUBMITTED";
        }

        private String verify(Instance instance, ThreadLocalRandom random) {
            long id = anySubmitted(random).id();
            as(ADMIN, () -> instance.disbursements().verify(id));
            return "VERIFIED";
        }

        private String reject(Instance instance, ThreadLocalRandom random) {
            long id = anySubmitted(random).id();
            as(ADMIN, () -> instance.disbursements().reject(id, "lampiran tidak terbaca (uji)"));
            return "REJECTED";
        }

        /**
         * A first report of a random month with a random physical progress (a reason with it, in case it is lower
         * than the month before): a month already written or closed by a later one is refused, which is an outcome.
         */
        private String report(Instance instance, ThreadLocalRandom random) {
            AllocationView allocation = anyAllocation(random);
            ReportRequest request = new ReportRequest(1 + random.nextInt(12),
                    BigDecimal.valueOf(random.nextInt(10001), 2), List.of(), "uji deviasi terjaga",
                    "uji: bisa lebih rendah", null);
            as(operator(allocation.opdCode()), () -> instance.reports().save(allocation.id(), request));
            return "REPORTED";
        }

        private AllocationView anyAllocation(ThreadLocalRandom random) {
            return allocationsMade.get(random.nextInt(allocationsMade.size()));
        }

        private Tranche anyTranche(ThreadLocalRandom random) {
            return tranches.get(random.nextInt(tranches.size()));
        }

        /** A tranche submitted at some point (it may have been decided since: that refusal is an outcome too). */
        private Tranche anySubmitted(ThreadLocalRandom random) {
            return submitted.get(random.nextInt(submitted.size()));
        }

        private static DumisakeUser operator(String opdCode) {
            return new DumisakeUser("op-" + opdCode.toLowerCase(), "Operator " + opdCode, Role.OPD_OPERATOR, opdCode,
                    true, "x");
        }
    }
}
