package id.go.jambiprov.dumisake;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.account.Role;
import id.go.jambiprov.dumisake.account.SignedIn;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.allocation.NewAllocation;
import id.go.jambiprov.dumisake.allocation.internal.AllocationService;
import id.go.jambiprov.dumisake.beneficiary.AidResidenceDifference;
import id.go.jambiprov.dumisake.beneficiary.internal.AidResidenceReconciliation;
import id.go.jambiprov.dumisake.beneficiary.internal.AidService;
import id.go.jambiprov.dumisake.beneficiary.internal.NewAid;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.StaleVersionException;
import id.go.jambiprov.dumisake.shared.SystemAuthentication;
import id.go.jambiprov.dumisake.shared.db.LocalPostgres;
import id.go.jambiprov.dumisake.targeting.DecileBreakdown;
import id.go.jambiprov.dumisake.targeting.DecileShare;
import id.go.jambiprov.dumisake.targeting.RegionTargeting;
import id.go.jambiprov.dumisake.targeting.Targeting;
import id.go.jambiprov.dumisake.targeting.TargetingOverview;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The residence every aid row carries (V21_20: its person's desa and welfare decile, which the targeting page counts
 * by) under random concurrent writes — aid recorded and cancelled through the service, people moved to another desa
 * or decile as an edit or an import would — from many threads of one instance, and from two application instances on
 * one database: afterwards no aid row differs from its beneficiary (the admins' {@link AidResidenceReconciliation}),
 * and the targeting figures equal a recount that joins the aid with the people. Fiscal year 2083 (one instance) and
 * 2084 (two instances) belong to this class. NIK searches are not limited here: the writers refuse and search far
 * more often than an operator.
 */
@SpringBootTest(properties = AidResidenceConcurrencyTest.UNLIMITED_SEARCHES)
class AidResidenceConcurrencyTest {

    static final String UNLIMITED_SEARCHES = "dumisake.nik-search.max-per-account=1000000";
    static final BigDecimal PAGU = new BigDecimal("2000000000.00");
    static final BigDecimal JUTA = new BigDecimal("1000000.00");
    /** Two kecamatan of one kabupaten: a person moved to the other is refused aid of the first one's allocations. */
    static final List<String> KECAMATAN = List.of("15.05.01", "15.05.02");
    static final List<String[]> PROGRAMMES = List.of(new String[]{"DISDIK", "BANTUAN-PENDIDIKAN"},
            new String[]{"DINKES", "JAMINAN-KESEHATAN"});
    static final DumisakeUser ADMIN = new DumisakeUser("admin-uji-domisili", "Admin uji", Role.ADMIN, null, true, "x");
    static final int PEOPLE = 12;

    @Autowired
    AllocationService allocations;

    @Autowired
    AidService aid;

    @Autowired
    FiscalYearService fiscalYears;

    @Autowired
    Targeting targeting;

    @Autowired
    AidResidenceReconciliation reconciliation;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LocalPostgres postgres;

    @Test
    void randomConcurrentWritesOfOneInstanceLeaveEveryAidRowWithItsPersonsResidence() throws Exception {
        int year = 2083;
        Writers writers = new Writers(year, List.of(new Instance(aid, jdbc)));

        Map<String, Integer> outcomes = writers.race(8, 40);

        assertEveryKindHappened(outcomes);
        assertTheCopiesAndFiguresEqualTheRows(year, writers.people);
    }

    @Test
    void randomConcurrentWritesOfTwoInstancesLeaveEveryAidRowWithItsPersonsResidence() throws Exception {
        int year = 2084;
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(DumisakeApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=" + postgres.appUsername(),
                "--spring.datasource.password=" + postgres.appPassword(),
                "--spring.flyway.user=" + postgres.username(),
                "--" + UNLIMITED_SEARCHES,
                "--spring.main.banner-mode=off")) {
            Instance other = new Instance(second.getBean(AidService.class), second.getBean(JdbcTemplate.class));
            assertThat(other.aid()).isNotSameAs(aid);
            Writers writers = new Writers(year, List.of(new Instance(aid, jdbc), other));

            Map<String, Integer> outcomes = writers.race(8, 40);

            assertEveryKindHappened(outcomes);
            assertTheCopiesAndFiguresEqualTheRows(year, writers.people);
        }
    }

    @Test
    void theReconciliationNamesAnAidRowWhoseCopyDrifted() {
        Writers writers = new Writers(2083, List.of(new Instance(aid, jdbc)));
        long aidId = writers.recordAidUntilRecorded();
        assertThat(differences()).isEmpty();

        // past the trigger, as only a superuser could (the runtime role can neither switch triggers off nor replicate)
        pastTheTriggers("update aid set person_decile = 10 where id = ?", aidId);
        try {
            assertThat(differences()).singleElement().satisfies(difference -> {
                assertThat(difference.aidId()).isEqualTo(aidId);
                assertThat(difference.keptDecile()).isEqualTo(10);
                assertThat(difference.welfareDecile()).isNotEqualTo(10);
            });
        } finally {
            // put back past the triggers as it drifted: the reach kept from the aid rows (V22_1) never saw the drift,
            // and a write through them would take the row's person out of decile 10, where they were never counted
            pastTheTriggers("update aid x set person_decile = b.welfare_decile from beneficiary b"
                    + " where b.id = x.beneficiary_id and x.id = ?", aidId);
        }
        assertThat(differences()).isEmpty();

        // whatever a writer puts in the copy, the trigger puts the person's residence there
        jdbc.update("update aid set person_decile = 10, version = version where id = ?", aidId);
        assertThat(differences()).isEmpty();
    }

    private void pastTheTriggers(String sql, Object... args) {
        SingleConnectionDataSource owner = new SingleConnectionDataSource(postgres.jdbcUrl(), postgres.username(), "",
                true);
        try {
            JdbcTemplate asOwner = new JdbcTemplate(owner);
            asOwner.execute("set session_replication_role = replica");
            asOwner.update(sql, args);
        } finally {
            owner.destroy();
        }
    }

    private List<AidResidenceDifference> differences() {
        return SignedIn.as(ADMIN, () -> reconciliation.differences());
    }

    /**
     * No copy differs from its person, and the targeting figures of the year — people per kabupaten/kota and per
     * decile — equal the same counts over the aid rows joined with the people where they live now.
     */
    private void assertTheCopiesAndFiguresEqualTheRows(int year, List<Person> people) {
        assertThat(differences()).as("aid rows whose residence differs from their person's").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from aid where fiscal_year = ? and status <> 'CANCELLED'",
                Long.class, year)).as("active aid of the year").isPositive();

        TargetingOverview overview = SignedIn.as(SignedIn.EXPERT,
                () -> targeting.overview(year, null, DecileBreakdown.PROGRAMME));
        Map<String, Long> counted = new HashMap<>();
        jdbc.query("""
                        select left(d.kecamatan_code, 5), count(distinct x.beneficiary_id)
                        from aid x join beneficiary b on b.id = x.beneficiary_id join desa d on d.code = b.desa_code
                        where x.fiscal_year = ? and x.status <> 'CANCELLED' group by 1""",
                rs -> {
                    counted.put(rs.getString(1), rs.getLong(2));
                }, year);
        for (RegionTargeting region : overview.regions()) {
            assertThat(region.beneficiaries()).as("people reached in %s", region.code())
                    .isEqualTo(counted.getOrDefault(region.code(), 0L));
        }
        Map<Integer, Long> perDecile = new HashMap<>();
        jdbc.query("""
                        select b.welfare_decile, count(distinct x.beneficiary_id)
                        from aid x join beneficiary b on b.id = x.beneficiary_id
                        where x.fiscal_year = ? and x.status <> 'CANCELLED' group by 1""",
                rs -> {
                    perDecile.put((Integer) rs.getObject(1, Integer.class), rs.getLong(2));
                }, year);
        for (DecileShare share : overview.deciles()) {
            assertThat(share.people()).as("people of decile %s", share.decile())
                    .isEqualTo(perDecile.getOrDefault(share.decile(), 0L));
        }
        assertThat(people).hasSize(PEOPLE);
    }

    private static void assertEveryKindHappened(Map<String, Integer> outcomes) {
        assertThat(outcomes).as("outcomes %s", outcomes).containsKeys("RECORDED", "CANCELLED", "MOVED");
    }

    record Instance(AidService aid, JdbcTemplate jdbc) {
    }

    record Person(long id, String nik) {
    }

    record Recorded(long id, String opdCode) {
    }

    /**
     * Threads that each run random writes against random instances on a dozen people and four allocations they
     * share, so that aid of one person is recorded, cancelled and moved with the person at the same moment.
     */
    final class Writers {

        private final int year;
        private final List<Instance> instances;
        private final List<AllocationView> allocationsMade = new ArrayList<>();
        private final List<String> desa;
        private final List<Person> people = new ArrayList<>();
        private final List<Recorded> recorded = new CopyOnWriteArrayList<>();
        private final Map<String, Integer> outcomes = new ConcurrentHashMap<>();

        Writers(int year, List<Instance> instances) {
            this.year = year;
            this.instances = instances;
            SystemAuthentication.run(() -> {
                if (fiscalYears.all().stream().noneMatch(y -> y.year() == year)) {
                    fiscalYears.open(year, PAGU);
                }
            });
            for (String kecamatan : KECAMATAN) {
                for (String[] programme : PROGRAMMES) {
                    allocationsMade.add(SignedIn.as(ADMIN, () -> allocations.create(new NewAllocation(year, kecamatan,
                            programme[0], programme[1], Mechanism.BELANJA_OPD, null, "Uji domisili penerima",
                            JUTA.multiply(BigDecimal.valueOf(200)), 3))));
                }
            }
            desa = jdbc.queryForList("select code from desa where kecamatan_code in (?, ?) order by code", String.class,
                    KECAMATAN.get(0), KECAMATAN.get(1));
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < PEOPLE; i++) {
                String nik = String.format("9%03d%012d", year % 1000, random.nextLong(1_000_000_000_000L));
                Long id = jdbc.queryForObject("""
                                insert into beneficiary (nik, name, sex, date_of_birth, desa_code, address,
                                                         welfare_decile, created_by)
                                values (?, ?, 'F', date '1980-01-01', ?, 'Alamat uji', ?, 'uji') returning id""",
                        Long.class, nik, "Penerima uji domisili " + i, desa.get(random.nextInt(desa.size())),
                        1 + random.nextInt(3));
                people.add(new Person(id, nik));
            }
        }

        Map<String, Integer> race(int threads, int writesEach) throws Exception {
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
            }
            return new TreeMap<>(outcomes);
        }

        /** A recorded aid's id, trying people and allocations until one is not refused. */
        long recordAidUntilRecorded() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < 200; i++) {
                try {
                    recordAid(instances.get(0), random);
                    return recorded.get(recorded.size() - 1).id();
                } catch (BusinessRuleException refused) {
                    // another person or allocation
                }
            }
            throw new AssertionError("no aid could be recorded");
        }

        /** One random write; a refusal by a rule or a stale version is an outcome, anything else fails the test. */
        private void write(Instance instance, ThreadLocalRandom random) {
            String outcome;
            try {
                outcome = switch (random.nextInt(5)) {
                    case 0, 1 -> recordAid(instance, random);
                    case 2 -> cancelAid(instance, random);
                    default -> move(instance, random);
                };
            } catch (BusinessRuleException e) {
                outcome = e.code();
            } catch (StaleVersionException e) {
                outcome = "STALE";
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }

        private String recordAid(Instance instance, ThreadLocalRandom random) {
            AllocationView allocation = allocationsMade.get(random.nextInt(allocationsMade.size()));
            Person person = people.get(random.nextInt(people.size()));
            NewAid request = new NewAid(person.nik(), JUTA, LocalDate.of(year, 1 + random.nextInt(12), 1), null);
            long id = SignedIn.as(operator(allocation.opdCode()),
                    () -> instance.aid().recordAid(allocation.id(), request)).aid().id();
            recorded.add(new Recorded(id, allocation.opdCode()));
            return "RECORDED";
        }

        private String cancelAid(Instance instance, ThreadLocalRandom random) {
            if (recorded.isEmpty()) {
                return "NOTHING_TO_CANCEL";
            }
            Recorded one = recorded.get(random.nextInt(recorded.size()));
            SignedIn.as(ADMIN, () -> instance.aid().cancelAid(one.id(), "uji domisili", null));
            return "CANCELLED";
        }

        /** The person moves to another desa of the two kecamatan, or gets another decile (or none), in one update. */
        private String move(Instance instance, ThreadLocalRandom random) {
            Person person = people.get(random.nextInt(people.size()));
            Integer decile = random.nextInt(8) == 0 ? null : 1 + random.nextInt(4);
            instance.jdbc().update("update beneficiary set desa_code = ?, welfare_decile = ?, version = version + 1"
                    + " where id = ?", desa.get(random.nextInt(desa.size())), decile, person.id());
            return "MOVED";
        }

        private static DumisakeUser operator(String opdCode) {
            return new DumisakeUser("op-" + opdCode.toLowerCase(), "Operator " + opdCode, Role.OPD_OPERATOR, opdCode,
                    true, "x");
        }
    }
}
