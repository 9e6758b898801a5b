package id.go.jambiprov.dumisake.beneficiary;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.internal.AllocationService;
import id.go.jambiprov.dumisake.beneficiary.internal.AidQueries;
import id.go.jambiprov.dumisake.beneficiary.internal.AidService;
import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryCounts;
import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryQueries;
import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryService;
import id.go.jambiprov.dumisake.beneficiary.internal.NewAid;
import id.go.jambiprov.dumisake.beneficiary.internal.RecordedAid;
import id.go.jambiprov.dumisake.beneficiary.internal.RegionCount;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.ProgrammeService;
import id.go.jambiprov.dumisake.programme.ProgrammeView;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import id.go.jambiprov.dumisake.shared.StaleVersionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import java.math.BigDecimal;
import java.time.LocalDate;

import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.admin;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.allocation;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.as;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.asSystem;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.desaOf;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.expert;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.freshKecamatan;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.freshNik;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.freshPlace;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.operator;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.person;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.programme;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cancelling aid, against the embedded database, in fiscal years 2096 (open) and 2097 (closed by a test). */
@SpringBootTest
@AutoConfigureMockMvc // not used here: it makes this the context of the MockMvc tests, started once for all
class AidCancelTest {

    static final int YEAR = 2096;
    static final int CLOSED_YEAR = 2097;
    static final LocalDate DATE = LocalDate.of(YEAR, 4, 2);
    static final BigDecimal JUTA = new BigDecimal("1000000.00");
    static final DumisakeUser OP_DISDIK = operator("DISDIK");
    static final DumisakeUser OP_DINKES = operator("DINKES");

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
    ProgrammeView programme;

    @BeforeEach
    void aKecamatanOf2096() {
        BeneficiaryTestSupport.Place place = freshPlace(fiscalYears, jdbc, YEAR);
        kecamatan = place.kecamatan();
        desa = place.desa();
        programme = programme(programmes, null);
    }

    @Test
    void cancellingWithAReasonFreesTheRoomAndLiftsTheDoubleReceiptBlock() {
        AllocationView allocation = allocation(allocations, YEAR, kecamatan, "DISDIK", programme.code(),
                JUTA.add(JUTA));
        String first = registered();
        String second = registered();
        String third = registered();
        AidView aid = record(OP_DISDIK, allocation, first, JUTA).aid();
        record(OP_DISDIK, allocation, second, JUTA);
        assertRefused(() -> record(OP_DISDIK, allocation, third, JUTA), "ALLOCATION_EXCEEDED");
        assertRefused(() -> record(OP_DISDIK, allocation, first, JUTA), "DOUBLE_RECEIPT");

        AidView cancelled = as(OP_DISDIK, () -> aidService.cancelAid(aid.id(), "  Salah input NIK  ", aid.version()));

        assertThat(cancelled.status()).isEqualTo("CANCELLED");
        assertThat(cancelled.cancelReason()).isEqualTo("Salah input NIK");
        assertThat(cancelled.cancelledBy()).isEqualTo("op-disdik");
        assertThat(cancelled.version()).isEqualTo(aid.version() + 1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'AID_CANCELLED'"
                + " and entity_id = ? and after_state ->> 'cancelReason' = 'Salah input NIK'"
                + " and before_state ->> 'status' = 'RECORDED'", Integer.class, String.valueOf(aid.id()))).isOne();
        // the freed room goes to somebody else, and the first person may receive this programme again
        record(OP_DISDIK, allocation, third, JUTA);
        assertRefused(() -> record(OP_DISDIK, allocation, first, JUTA), "ALLOCATION_EXCEEDED");
        AllocationView other = allocation(allocations, YEAR, kecamatan, "DISDIK", programme.code(), JUTA);
        assertThat(record(OP_DISDIK, other, first, JUTA).aid().status()).isEqualTo("RECORDED");
        // both shown, the cancelled one with its reason
        assertThat(as(OP_DISDIK, () -> aidQueries.aidOfAllocation(allocation.id())))
                .filteredOn(AidView::cancelled).singleElement()
                .satisfies(a -> assertThat(a.cancelReason()).isEqualTo("Salah input NIK"));
    }

    @Test
    void aReasonIsRequiredAndNothingChangesWithoutOne() {
        AllocationView allocation = allocation(allocations, YEAR, kecamatan, "DISDIK", programme.code(), JUTA);
        AidView aid = record(OP_DISDIK, allocation, registered(), JUTA).aid();

        assertRefused(() -> as(OP_DISDIK, () -> aidService.cancelAid(aid.id(), "   ", null)), "CANCEL_REASON_REQUIRED");
        assertRefused(() -> as(OP_DISDIK, () -> aidService.cancelAid(aid.id(), null, null)), "CANCEL_REASON_REQUIRED");
        assertRefused(() -> as(OP_DISDIK, () -> aidService.cancelAid(aid.id(), "x".repeat(501), null)),
                "CANCEL_REASON_TOO_LONG");

        assertThat(jdbc.queryForObject("select status from aid where id = ?", String.class, aid.id())).isEqualTo("RECORDED");
    }

    @Test
    void onlyTheRecordingOpdAndAdminsMayCancel() {
        AllocationView allocation = allocation(allocations, YEAR, kecamatan, "DISDIK", programme.code(), JUTA);
        AidView aid = record(OP_DISDIK, allocation, registered(), JUTA).aid();

        assertThatThrownBy(() -> as(OP_DINKES, () -> aidService.cancelAid(aid.id(), "Bukan milik kami", null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(expert(), () -> aidService.cancelAid(aid.id(), "Tim ahli", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as(OP_DINKES, () -> aidService.mayCancel(aid))).isFalse();
        assertThat(as(OP_DISDIK, () -> aidService.mayCancel(aid))).isTrue();
        assertThat(as(admin(), () -> aidService.mayCancel(aid))).isTrue();

        AidView cancelled = as(admin(), () -> aidService.cancelAid(aid.id(), "Dibatalkan admin", null));

        assertThat(cancelled.cancelledBy()).isEqualTo("admin");
        assertThat(as(admin(), () -> aidService.mayCancel(cancelled))).isFalse();
    }

    @Test
    void aStaleVersionOrASecondCancelIsRefused() {
        AllocationView allocation = allocation(allocations, YEAR, kecamatan, "DISDIK", programme.code(), JUTA);
        AidView aid = record(OP_DISDIK, allocation, registered(), JUTA).aid();

        assertThatThrownBy(() -> as(OP_DISDIK, () -> aidService.cancelAid(aid.id(), "Alasan", aid.version() + 7)))
                .isInstanceOf(StaleVersionException.class);
        as(OP_DISDIK, () -> aidService.cancelAid(aid.id(), "Alasan", aid.version()));
        assertRefused(() -> as(OP_DISDIK, () -> aidService.cancelAid(aid.id(), "Lagi", null)), "AID_ALREADY_CANCELLED");
    }

    @Test
    void aClosedFiscalYearRefusesTheCancel() {
        BeneficiaryTestSupport.ensureOpen(fiscalYears, CLOSED_YEAR);
        String closedKecamatan = freshKecamatan(jdbc, CLOSED_YEAR);
        AllocationView allocation = allocation(allocations, CLOSED_YEAR, closedKecamatan, "DISDIK", programme.code(), JUTA);
        String nik = freshNik();
        as(OP_DISDIK, () -> beneficiaries.register(person(nik, desaOf(jdbc, closedKecamatan), 2)));
        AidView aid = as(OP_DISDIK, () -> aidService.recordAid(allocation.id(),
                new NewAid(nik, JUTA, LocalDate.of(CLOSED_YEAR, 5, 5), null))).aid();
        asSystem(() -> fiscalYears.close(CLOSED_YEAR, fiscalYears.get(CLOSED_YEAR).version()));

        assertRefused(() -> as(OP_DISDIK, () -> aidService.cancelAid(aid.id(), "Terlambat", null)), "FISCAL_YEAR_CLOSED");
        assertThat(jdbc.queryForObject("select status from aid where id = ?", String.class, aid.id())).isEqualTo("RECORDED");
    }

    @Test
    void theDashboardCountsAgreeWithTheCountsPageLeaveOutCancelledAidAndFollowTheOpdScope() {
        AllocationView disdik = allocation(allocations, YEAR, kecamatan, "DISDIK", programme.code(), JUTA.multiply(BigDecimal.TEN));
        ProgrammeView health = programme(programmes, null);
        AllocationView dinkes = allocation(allocations, YEAR, kecamatan, "DINKES", health.code(), JUTA.multiply(BigDecimal.TEN));
        String both = registered();
        String cancelledOne = registered();
        record(OP_DISDIK, disdik, both, JUTA);
        record(OP_DINKES, dinkes, both, JUTA);
        record(OP_DISDIK, disdik, registered(), JUTA);
        AidView cancelled = record(OP_DISDIK, disdik, cancelledOne, JUTA).aid();
        as(OP_DISDIK, () -> aidService.cancelAid(cancelled.id(), "Meninggal dunia", null));
        String kabupatenKota = jdbc.queryForObject("select kabupaten_kota_code from kecamatan where code = ?",
                String.class, kecamatan);

        for (DumisakeUser viewer : new DumisakeUser[]{admin(), expert(), OP_DISDIK, OP_DINKES}) {
            BeneficiaryCounts province = as(viewer, () -> people.countsSummary(YEAR, null, null));
            BeneficiaryCounts ofKabupaten = as(viewer, () -> people.countsSummary(YEAR, kabupatenKota, null));
            BeneficiaryCounts ofKecamatan = as(viewer, () -> people.countsSummary(YEAR, "", kecamatan));
            long perKecamatanPage = as(viewer, () -> people.countsPerKecamatan(YEAR)).stream()
                    .mapToLong(RegionCount::beneficiaries).sum();

            assertThat(province.level()).isEqualTo(BeneficiaryCounts.Level.KABUPATEN_KOTA);
            assertThat(province.rows()).hasSize(11);
            assertThat(province.total()).isEqualTo(perKecamatanPage);
            assertThat(count(province, kabupatenKota)).isEqualTo(ofKabupaten.total());
            assertThat(count(ofKabupaten, kecamatan)).isEqualTo(ofKecamatan.total());
            assertThat(ofKecamatan.level()).isEqualTo(BeneficiaryCounts.Level.DESA);
            assertThat(ofKecamatan.upCode()).isEqualTo(kabupatenKota);
            assertThat(ofKecamatan.rows()).filteredOn(r -> r.beneficiaries() > 0)
                    .containsExactlyInAnyOrderElementsOf(as(viewer, () -> people.countsPerDesa(YEAR, kecamatan)));
        }
        // this kecamatan's aid of 2096 is ours alone: the person with two programmes counts once, the cancelled not
        assertThat(as(admin(), () -> people.countsSummary(YEAR, null, kecamatan)).total()).isEqualTo(2);
        assertThat(as(OP_DISDIK, () -> people.countsSummary(YEAR, null, kecamatan)).total()).isEqualTo(2);
        assertThat(as(OP_DINKES, () -> people.countsSummary(YEAR, null, kecamatan)).total()).isEqualTo(1);
    }

    private static long count(BeneficiaryCounts counts, String code) {
        return counts.rows().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow().beneficiaries();
    }

    private String registered() {
        String nik = freshNik();
        as(OP_DISDIK, () -> beneficiaries.register(person(nik, desa, 2)));
        return nik;
    }

    private RecordedAid record(DumisakeUser operator, AllocationView allocation, String nik, BigDecimal amount) {
        return as(operator, () -> aidService.recordAid(allocation.id(), new NewAid(nik, amount, DATE, null)));
    }

    static void assertRefused(Runnable work, String code) {
        assertThatThrownBy(work::run).isInstanceOfSatisfying(BusinessRuleException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
