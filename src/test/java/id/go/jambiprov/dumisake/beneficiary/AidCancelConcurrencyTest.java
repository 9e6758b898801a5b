package id.go.jambiprov.dumisake.beneficiary;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.account.Role;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.internal.AllocationService;
import id.go.jambiprov.dumisake.beneficiary.internal.AidService;
import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryService;
import id.go.jambiprov.dumisake.beneficiary.internal.NewAid;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.ProgrammeService;
import id.go.jambiprov.dumisake.programme.ProgrammeView;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.allocation;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.as;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.freshNik;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.freshPlace;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.operator;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.person;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.programme;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cancel racing a new aid record: on the room the cancel frees (the same allocation) and on the
 * double-receipt block it lifts (another allocation of the same programme, which takes no common row lock,
 * so only the partial unique index decides). Whatever the order, the invariants hold. Fiscal year 2098.
 */
@SpringBootTest
@AutoConfigureMockMvc // not used here: it makes this the context of the MockMvc tests, started once for all
class AidCancelConcurrencyTest {

    static final int YEAR = 2098;
    static final int ROUNDS = 8;
    static final LocalDate DATE = LocalDate.of(YEAR, 6, 1);
    static final BigDecimal JUTA = new BigDecimal("1000000.00");
    static final DumisakeUser OP_DISDIK = operator("DISDIK");
    /** A second operator of the same OPD, as when two people of one agency work at once. */
    static final DumisakeUser OP_DISDIK_2 = new DumisakeUser("op-disdik-2", "Operator Disdik 2", Role.OPD_OPERATOR,
            "DISDIK", true, "x");

    static ExecutorService pool;

    @Autowired
    BeneficiaryService beneficiaries;

    @Autowired
    AidService aidService;

    @Autowired
    AllocationService allocations;

    @Autowired
    ProgrammeService programmes;

    @Autowired
    FiscalYearService fiscalYears;

    @Autowired
    JdbcTemplate jdbc;

    String kecamatan;
    String desa;

    @BeforeAll
    static void threads() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopThreads() {
        pool.shutdownNow();
    }

    @BeforeEach
    void aKecamatanOf2098() {
        BeneficiaryTestSupport.Place place = freshPlace(fiscalYears, jdbc, YEAR);
        kecamatan = place.kecamatan();
        desa = place.desa();
    }

    @Test
    void aNewAidOnTheRoomACancelFreesNeverOverfillsTheAllocation() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            ProgrammeView programme = programme(programmes, null);
            AllocationView allocation = allocation(allocations, YEAR, kecamatan, "DISDIK", programme.code(), JUTA);
            AidView full = record(allocation, registered(), JUTA);
            String newcomer = registered();

            Race<AidView, AidView> race = race(
                    () -> as(OP_DISDIK, () -> aidService.cancelAid(full.id(), "Batal (uji bersamaan)", null)),
                    () -> record(allocation, newcomer, JUTA));

            assertThat(race.first.refusal).isNull();
            assertThat(activeSum(allocation.id())).isLessThanOrEqualTo(JUTA);
            if (race.second.refusal != null) {
                // it came before the cancel: the room the cancel freed is there for the next one
                assertThat(race.second.refusal.code()).isEqualTo("ALLOCATION_EXCEEDED");
                record(allocation, registered(), JUTA);
            }
            assertThat(activeSum(allocation.id())).isEqualByComparingTo(JUTA);
        }
    }

    @Test
    void aNewAidOfTheSameProgrammeRacingTheCancelNeverLeavesTwoActiveRecords() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            ProgrammeView programme = programme(programmes, null);
            AllocationView first = allocation(allocations, YEAR, kecamatan, "DISDIK", programme.code(), JUTA);
            AllocationView second = allocation(allocations, YEAR, kecamatan, "DISDIK", programme.code(), JUTA);
            String nik = registered();
            AidView aid = record(first, nik, JUTA);

            Race<AidView, AidView> race = race(
                    () -> as(OP_DISDIK, () -> aidService.cancelAid(aid.id(), "Pindah alokasi", null)),
                    () -> record(second, nik, JUTA));

            assertThat(race.first.refusal).isNull();
            if (race.second.refusal != null) {
                assertThat(race.second.refusal.code()).isEqualTo("DOUBLE_RECEIPT");
            }
            assertThat(jdbc.queryForObject("""
                    select count(*) from aid where nik = ? and programme_code = ? and fiscal_year = ?
                      and status <> 'CANCELLED'""", Integer.class, nik, programme.code(), YEAR))
                    .isEqualTo(race.second.refusal == null ? 1 : 0);
        }
    }

    @Test
    void twoCancelsOfOneRecordCancelItOnce() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            AllocationView allocation = allocation(allocations, YEAR, kecamatan, "DISDIK",
                    programme(programmes, null).code(), JUTA);
            AidView aid = record(allocation, registered(), JUTA);

            Race<AidView, AidView> race = race(
                    () -> as(OP_DISDIK, () -> aidService.cancelAid(aid.id(), "Pertama", null)),
                    () -> as(OP_DISDIK_2, () -> aidService.cancelAid(aid.id(), "Kedua", null)));

            assertThat((race.first.refusal == null ? 1 : 0) + (race.second.refusal == null ? 1 : 0)).isOne();
            BusinessRuleException refusal = race.first.refusal != null ? race.first.refusal : race.second.refusal;
            assertThat(refusal.code()).isEqualTo("AID_ALREADY_CANCELLED");
            assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'AID_CANCELLED'"
                    + " and entity_id = ?", Integer.class, String.valueOf(aid.id()))).isOne();
        }
    }

    private BigDecimal activeSum(long allocationId) {
        return jdbc.queryForObject("select coalesce(sum(amount), 0) from aid where allocation_id = ?"
                + " and status <> 'CANCELLED'", BigDecimal.class, allocationId);
    }

    private String registered() {
        String nik = freshNik();
        as(OP_DISDIK, () -> beneficiaries.register(person(nik, desa, 2)));
        return nik;
    }

    private AidView record(AllocationView allocation, String nik, BigDecimal amount) {
        return as(OP_DISDIK, () -> aidService.recordAid(allocation.id(), new NewAid(nik, amount, DATE, null))).aid();
    }

    record Outcome<T>(T value, BusinessRuleException refusal) {
    }

    record Race<A, B>(Outcome<A> first, Outcome<B> second) {
    }

    /** Runs both at the same moment on two threads; a refusal is an outcome, anything else fails the test. */
    private static <A, B> Race<A, B> race(Supplier<A> first, Supplier<B> second) throws Exception {
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        Future<Outcome<A>> a = pool.submit(() -> attempt(first, ready, go));
        Future<Outcome<B>> b = pool.submit(() -> attempt(second, ready, go));
        ready.await();
        go.countDown();
        return new Race<>(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));
    }

    private static <T> Outcome<T> attempt(Supplier<T> work, CountDownLatch ready, CountDownLatch go)
            throws InterruptedException {
        ready.countDown();
        go.await();
        try {
            return new Outcome<>(work.get(), null);
        } catch (BusinessRuleException e) {
            return new Outcome<>(null, e);
        }
    }
}
