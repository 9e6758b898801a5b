package id.go.jambiprov.dumisake;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.account.Role;
import id.go.jambiprov.dumisake.account.SignedIn;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.allocation.NewAllocation;
import id.go.jambiprov.dumisake.allocation.internal.AllocationService;
import id.go.jambiprov.dumisake.beneficiary.internal.AidService;
import id.go.jambiprov.dumisake.beneficiary.internal.NewAid;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.StaleVersionException;
import id.go.jambiprov.dumisake.shared.SystemAuthentication;
import id.go.jambiprov.dumisake.shared.db.LocalPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * Threads that each run random writes against random application instances on a few people and the allocations they
 * share — one per kecamatan and programme given — so that aid of one person is recorded (by the allocation's OPD's
 * operator), cancelled (by an admin) and moved with the person to another desa of the kecamatan, or given another
 * decile or none, at the same moment. The race tests of the aid's copies of its person's residence and of the kept
 * reach run these writers and check what they left.
 */
final class AidWriters {

    static final BigDecimal PAGU = new BigDecimal("2000000000.00");
    static final BigDecimal JUTA = new BigDecimal("1000000.00");
    static final DumisakeUser ADMIN = new DumisakeUser("admin-uji-bantuan", "Admin uji", Role.ADMIN, null, true, "x");

    /** One application instance: its aid service and its own connections. */
    record Instance(AidService aid, JdbcTemplate jdbc) {

        static Instance of(ConfigurableApplicationContext application) {
            return new Instance(application.getBean(AidService.class), application.getBean(JdbcTemplate.class));
        }
    }

    /**
     * A second application instance on the test database, as a second server would run (its own pool, the runtime
     * role); NIK searches are not limited, as in the race tests' own context. The caller closes it.
     */
    static ConfigurableApplicationContext secondApplication(LocalPostgres postgres) {
        return new SpringApplicationBuilder(DumisakeApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=" + postgres.appUsername(),
                "--spring.datasource.password=" + postgres.appPassword(),
                "--spring.flyway.user=" + postgres.username(),
                "--" + AidResidenceConcurrencyTest.UNLIMITED_SEARCHES,
                "--spring.main.banner-mode=off");
    }

    record Person(long id, String nik) {
    }

    private final int year;
    private final List<Instance> instances;
    private final List<AllocationView> allocationsMade = new ArrayList<>();
    private final List<String> desa;
    private final List<Person> people = new ArrayList<>();
    private final List<Long> recorded = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> outcomes = new ConcurrentHashMap<>();

    /**
     * Opens the year when it is not, makes an allocation of Rp 200 juta per kecamatan and programme ({OPD, programme})
     * and {@code peopleCount} people living in random desa of those kecamatan, deciles 1 to 3.
     */
    AidWriters(AllocationService allocations, FiscalYearService fiscalYears, JdbcTemplate jdbc, int year,
               List<Instance> instances, List<String> kecamatan, List<String[]> programmes, int peopleCount) {
        this.year = year;
        this.instances = instances;
        SystemAuthentication.run(() -> {
            if (fiscalYears.all().stream().noneMatch(y -> y.year() == year)) {
                fiscalYears.open(year, PAGU);
            }
        });
        for (String code : kecamatan) {
            for (String[] programme : programmes) {
                allocationsMade.add(SignedIn.as(ADMIN, () -> allocations.create(new NewAllocation(year, code,
                        programme[0], programme[1], Mechanism.BELANJA_OPD, null, "Uji bantuan langsung",
                        JUTA.multiply(BigDecimal.valueOf(200)), 3))));
            }
        }
        desa = jdbc.queryForList("select code from desa where kecamatan_code = any(?) order by code", String.class,
                (Object) kecamatan.toArray(String[]::new));
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < peopleCount; i++) {
            String nik = String.format("9%03d%012d", year % 1000, random.nextLong(1_000_000_000_000L));
            Long id = jdbc.queryForObject("""
                            insert into beneficiary (nik, name, sex, date_of_birth, desa_code, address,
                                                     welfare_decile, created_by)
                            values (?, ?, 'F', date '1980-01-01', ?, 'Alamat uji', ?, 'uji') returning id""",
                    Long.class, nik, "Penerima uji " + year + " " + i, desa.get(random.nextInt(desa.size())),
                    1 + random.nextInt(3));
            people.add(new Person(id, nik));
        }
    }

    List<Person> people() {
        return people;
    }

    /** {@code threads} threads, started at once, of {@code writesEach} random writes each; how each write ended. */
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
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                recordAid(instances.get(0), random);
                return recorded.get(recorded.size() - 1);
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
            outcome = switch (random.nextInt(6)) {
                case 0, 1, 2 -> recordAid(instance, random);
                case 3 -> cancelAid(instance, random);
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
        NewAid request = new NewAid(person.nik(), JUTA.multiply(BigDecimal.valueOf(1 + random.nextInt(3))),
                LocalDate.of(year, 1 + random.nextInt(12), 1), null);
        recorded.add(SignedIn.as(operator(allocation.opdCode()),
                () -> instance.aid().recordAid(allocation.id(), request)).aid().id());
        return "RECORDED";
    }

    private String cancelAid(Instance instance, ThreadLocalRandom random) {
        if (recorded.isEmpty()) {
            return "NOTHING_TO_CANCEL";
        }
        long id = recorded.get(random.nextInt(recorded.size()));
        SignedIn.as(ADMIN, () -> instance.aid().cancelAid(id, "uji bantuan", null));
        return "CANCELLED";
    }

    /** The person moves to a desa of any of the kecamatan, or gets another decile (or none), in one update. */
    private String move(Instance instance, ThreadLocalRandom random) {
        Person person = people.get(random.nextInt(people.size()));
        Integer decile = random.nextInt(6) == 0 ? null : 1 + random.nextInt(4);
        instance.jdbc().update("update beneficiary set desa_code = ?, welfare_decile = ?, version = version + 1"
                + " where id = ?", desa.get(random.nextInt(desa.size())), decile, person.id());
        return "MOVED";
    }

    static DumisakeUser operator(String opdCode) {
        return new DumisakeUser("op-" + opdCode.toLowerCase(), "Operator " + opdCode, Role.OPD_OPERATOR, opdCode,
                true, "x");
    }
}
