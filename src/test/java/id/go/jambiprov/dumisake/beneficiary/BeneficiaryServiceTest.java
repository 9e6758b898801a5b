package id.go.jambiprov.dumisake.beneficiary;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.allocation.NewAllocation;
import id.go.jambiprov.dumisake.allocation.internal.AllocationService;
import id.go.jambiprov.dumisake.beneficiary.internal.AidQueries;
import id.go.jambiprov.dumisake.beneficiary.internal.AidService;
import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryQueries;
import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryService;
import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryView;
import id.go.jambiprov.dumisake.beneficiary.internal.NewAid;
import id.go.jambiprov.dumisake.beneficiary.internal.NewBeneficiary;
import id.go.jambiprov.dumisake.beneficiary.internal.Nik;
import id.go.jambiprov.dumisake.beneficiary.internal.RecordedAid;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.ProgrammeService;
import id.go.jambiprov.dumisake.programme.ProgrammeView;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.AID_DATE;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.admin;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.allocation;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.as;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.asSystem;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.expert;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.freshNik;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.freshPlace;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.operator;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.person;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.programme;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@AutoConfigureMockMvc // not used here: it makes this the context of the MockMvc tests, started once for all
class BeneficiaryServiceTest {

    static final DumisakeUser OP_DISDIK = operator("DISDIK");
    static final DumisakeUser OP_DINKES = operator("DINKES");
    static final BigDecimal JUTA = new BigDecimal("1000000.00");

    @Autowired
    BeneficiaryService beneficiaries;

    @Autowired
    AidService aidService;

    @Autowired
    AidQueries aidQueries;

    @Autowired
    BeneficiaryQueries people;

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

    @BeforeEach
    void freshKecamatanOf2048() {
        BeneficiaryTestSupport.Place place = freshPlace(fiscalYears, jdbc, BeneficiaryTestSupport.YEAR);
        kecamatan = place.kecamatan();
        desa = place.desa();
    }

    @Test
    void theSameNikUnderTheSameProgrammeInOneYearIsADoubleReceipt() {
        ProgrammeView programme = programme(programmes, null);
        AllocationView first = allocation(allocations, kecamatan, "DISDIK", programme.code(), JUTA.multiply(BigDecimal.TEN));
        AllocationView second = allocation(allocations, kecamatan, "DISDIK", programme.code(), JUTA.multiply(BigDecimal.TEN));
        String nik = freshNik();
        as(OP_DISDIK, () -> beneficiaries.register(person(nik, desa, 3)));

        RecordedAid recorded = as(OP_DISDIK, () -> aidService.recordAid(first.id(), new NewAid(nik, JUTA, AID_DATE, null)));

        assertThat(recorded.otherProgrammes()).isEmpty();
        assertThat(recorded.aid().maskedNik()).isEqualTo(Nik.mask(nik));
        assertRefused(() -> as(OP_DISDIK, () -> aidService.recordAid(second.id(), new NewAid(nik, JUTA, AID_DATE, null))),
                "DOUBLE_RECEIPT");
        assertRefused(() -> as(OP_DISDIK, () -> aidService.recordAid(first.id(), new NewAid(nik, JUTA, AID_DATE, null))),
                "DOUBLE_RECEIPT");
    }

    @Test
    void twoProgrammesInOneYearAreAllowedButWarnedAndListedForTheExperts() {
        ProgrammeView school = programme(programmes, null);
        ProgrammeView health = programme(programmes, null);
        AllocationView disdik = allocation(allocations, kecamatan, "DISDIK", school.code(), JUTA.multiply(BigDecimal.TEN));
        AllocationView dinkes = allocation(allocations, kecamatan, "DINKES", health.code(), JUTA.multiply(BigDecimal.TEN));
        String nik = freshNik();
        BeneficiaryView person = as(OP_DISDIK, () -> beneficiaries.register(person(nik, desa, 2)));
        as(OP_DISDIK, () -> aidService.recordAid(disdik.id(), new NewAid(nik, JUTA, AID_DATE, "Seragam sekolah")));

        RecordedAid second = as(OP_DINKES, () -> aidService.recordAid(dinkes.id(), new NewAid(nik, JUTA, AID_DATE, null)));

        assertThat(second.otherProgrammes()).containsExactly(school.name());
        assertThat(as(expert(), () -> aidQueries.multiProgramme(BeneficiaryTestSupport.YEAR)))
                .anySatisfy(row -> {
                    assertThat(row.beneficiaryId()).isEqualTo(person.id());
                    assertThat(row.maskedNik()).isEqualTo(Nik.mask(nik));
                });
        assertThat(as(admin(), () -> aidQueries.aidOf(person.id()))).hasSize(2);
    }

    /**
     * A cancelled allocation, a transfer and a date outside the year are refused before the NIK is looked up,
     * so they are no NIK search; a refusal of another OPD's person is one.
     */
    @Test
    void theAllocationAndTheDateAreRefusedBeforeAnybodyIsLookedUp() {
        DumisakeUser recorder = operator("DISDIK", "op-disdik-aturan-" + freshNik());
        ProgrammeView programme = programme(programmes, 2);
        AllocationView good = allocation(allocations, kecamatan, "DISDIK", programme.code(), JUTA);
        AllocationView cancelled = allocation(allocations, kecamatan, "DISDIK", programme.code(), JUTA);
        asSystem(() -> allocations.cancel(cancelled.id(), "Uji pembatalan", cancelled.version()));
        AllocationView transfer = asSystem(() -> allocations.create(new NewAllocation(BeneficiaryTestSupport.YEAR,
                kecamatan, "DISDIK", programme.code(), Mechanism.BANTUAN_KEUANGAN_KABKOTA, null, "Transfer (uji)",
                JUTA, 3)));
        String nik = freshNik();
        as(OP_DINKES, () -> beneficiaries.register(person(nik, desa, 3)));

        assertRefused(() -> as(recorder, () -> aidService.recordAid(cancelled.id(),
                new NewAid(nik, JUTA, AID_DATE, null))), "ALLOCATION_CANCELLED");
        assertRefused(() -> as(recorder, () -> aidService.recordAid(transfer.id(),
                new NewAid(nik, JUTA, AID_DATE, null))), "AID_MECHANISM");
        assertRefused(() -> as(recorder, () -> aidService.recordAid(good.id(),
                new NewAid(nik, JUTA, AID_DATE.minusYears(1), null))), "AID_DATE_OUTSIDE_YEAR");
        assertThat(searchesBy(recorder)).isZero();

        assertRefused(() -> as(recorder, () -> aidService.recordAid(good.id(),
                new NewAid(nik, JUTA, AID_DATE, null))), "DECILE_NOT_ELIGIBLE");
        assertThat(searchesBy(recorder)).isEqualTo(1);
    }

    @Test
    void theDesaMustLieInTheAllocationsKecamatan() {
        ProgrammeView programme = programme(programmes, null);
        AllocationView allocation = allocation(allocations, kecamatan, "DISDIK", programme.code(), JUTA);
        String elsewhere = jdbc.queryForObject("select code from desa where kecamatan_code <> ? order by code limit 1",
                String.class, kecamatan);
        String nik = freshNik();
        as(OP_DISDIK, () -> beneficiaries.register(person(nik, elsewhere, 1)));

        assertRefused(() -> as(OP_DISDIK, () -> aidService.recordAid(allocation.id(),
                new NewAid(nik, JUTA, AID_DATE, null))), "DESA_OUTSIDE_KECAMATAN");
    }

    @Test
    void aidNeverExceedsTheAllocation() {
        ProgrammeView programme = programme(programmes, null);
        AllocationView allocation = allocation(allocations, kecamatan, "DISDIK", programme.code(), JUTA.multiply(new BigDecimal(3)));
        String first = freshNik();
        String second = freshNik();
        as(OP_DISDIK, () -> beneficiaries.register(person(first, desa, 1)));
        as(OP_DISDIK, () -> beneficiaries.register(person(second, desa, 1)));
        as(OP_DISDIK, () -> aidService.recordAid(allocation.id(), new NewAid(first, JUTA.multiply(new BigDecimal(2)), AID_DATE, null)));

        assertThatThrownBy(() -> as(OP_DISDIK, () -> aidService.recordAid(allocation.id(),
                new NewAid(second, JUTA.multiply(new BigDecimal(2)), AID_DATE, null))))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.code()).isEqualTo("ALLOCATION_EXCEEDED");
                    assertThat((BigDecimal) e.details().get("remaining")).isEqualByComparingTo(JUTA);
                });
    }

    @Test
    void aProgrammeLimitedToDecilesOneToFourRefusesDecileFiveAndTheUnregistered() {
        ProgrammeView programme = programme(programmes, 4);
        AllocationView allocation = allocation(allocations, kecamatan, "DISDIK", programme.code(), JUTA.multiply(BigDecimal.TEN));
        String five = freshNik();
        String unknown = freshNik();
        String four = freshNik();
        as(OP_DISDIK, () -> beneficiaries.register(person(five, desa, 5)));
        as(OP_DISDIK, () -> beneficiaries.register(person(unknown, desa, null)));
        as(OP_DISDIK, () -> beneficiaries.register(person(four, desa, 4)));

        assertRefused(() -> as(OP_DISDIK, () -> aidService.recordAid(allocation.id(), new NewAid(five, JUTA, AID_DATE, null))),
                "DECILE_NOT_ELIGIBLE");
        assertRefused(() -> as(OP_DISDIK, () -> aidService.recordAid(allocation.id(), new NewAid(unknown, JUTA, AID_DATE, null))),
                "DECILE_NOT_ELIGIBLE");
        assertThat(as(OP_DISDIK, () -> aidService.recordAid(allocation.id(), new NewAid(four, JUTA, AID_DATE, null))))
                .isNotNull();
    }

    @Test
    void theFullNikIsForAdminsAndTheRegisteringOpdOnlyAndAnAdminsViewIsAudited() {
        String nik = freshNik();
        BeneficiaryView registered = as(OP_DISDIK, () -> beneficiaries.register(person(nik, desa, 3)));
        assertThat(registered.nik()).isEqualTo(nik);

        assertThat(as(OP_DISDIK, () -> beneficiaries.get(registered.id())).nik()).isEqualTo(nik);
        BeneficiaryView seenByExpert = as(expert(), () -> beneficiaries.get(registered.id()));
        assertThat(seenByExpert.nik()).isEqualTo(Nik.mask(nik)).doesNotContain(nik.substring(4));
        assertThat(seenByExpert.nikVisible()).isFalse();
        assertThat(as(OP_DINKES, () -> beneficiaries.get(registered.id())).nik()).isEqualTo(Nik.mask(nik));
        assertThat(as(OP_DISDIK, () -> people.searchByName(registered.name(), PageRequest.of(0, 10)).getContent()))
                .allSatisfy(b -> assertThat(b.nik()).contains("*"));

        int viewsBefore = nikViews(registered.id());
        assertThat(as(admin(), () -> beneficiaries.get(registered.id())).nik()).isEqualTo(nik);
        assertThat(nikViews(registered.id())).isEqualTo(viewsBefore + 1);
        assertThat(as(admin(), () -> beneficiaries.checkNik(nik)).beneficiary().nik()).isEqualTo(nik);
        // the audit trail itself keeps no full NIK
        assertThat(jdbc.queryForObject("select count(*) from audit_event where after_state::text like ?",
                Integer.class, "%" + nik + "%")).isZero();
    }

    @Test
    void aNikThatDoesNotMatchTheTypedSexIsRefusedAndNothingIsStored() {
        String nik = freshNik();
        NewBeneficiary man = new NewBeneficiary(nik, "Budi", Nik.Sex.M, BeneficiaryTestSupport.BORN, desa, "Jl.", null, 1);
        assertRefused(() -> as(OP_DISDIK, () -> beneficiaries.register(man)), "NIK_SEX_MISMATCH");
        assertThat(jdbc.queryForObject("select count(*) from beneficiary where nik = ?", Integer.class, nik)).isZero();
    }

    /** Two operators record one person under one programme at the same moment: exactly one succeeds. */
    @Test
    void twoOperatorsRecordingTheSamePersonAtTheSameMomentLeaveOneAidRecord() throws Exception {
        ProgrammeView programme = programme(programmes, null);
        AllocationView disdik = allocation(allocations, kecamatan, "DISDIK", programme.code(), JUTA.multiply(BigDecimal.TEN));
        AllocationView dinkes = allocation(allocations, kecamatan, "DINKES", programme.code(), JUTA.multiply(BigDecimal.TEN));
        for (int round = 0; round < 5; round++) {
            String nik = freshNik();
            as(OP_DISDIK, () -> beneficiaries.register(person(nik, desa, 1)));
            List<String> outcomes = race(
                    () -> as(OP_DISDIK, () -> aidService.recordAid(disdik.id(), new NewAid(nik, JUTA, AID_DATE, null))),
                    () -> as(OP_DINKES, () -> aidService.recordAid(dinkes.id(), new NewAid(nik, JUTA, AID_DATE, null))),
                    () -> as(OP_DISDIK, () -> aidService.recordAid(disdik.id(), new NewAid(nik, JUTA, AID_DATE, null))));
            assertThat(outcomes).containsExactlyInAnyOrder("OK", "DOUBLE_RECEIPT", "DOUBLE_RECEIPT");
            assertThat(jdbc.queryForObject("select count(*) from aid where nik = ?", Integer.class, nik)).isEqualTo(1);
        }
    }

    @SafeVarargs
    private static List<String> race(java.util.function.Supplier<RecordedAid>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (var call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        call.get();
                        return "OK";
                    } catch (BusinessRuleException e) {
                        return e.code();
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdown();
        }
    }

    private int nikViews(long beneficiaryId) {
        return jdbc.queryForObject("select count(*) from audit_event where action = 'NIK_VIEWED' and entity_id = ?",
                Integer.class, String.valueOf(beneficiaryId));
    }

    private int searchesBy(DumisakeUser user) {
        return jdbc.queryForObject("select count(*) from audit_event where username = ? and action = 'NIK_SEARCHED'",
                Integer.class, user.getUsername());
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BusinessRuleException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
