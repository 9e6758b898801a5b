package id.go.jambiprov.dumisake.beneficiary.domain;

import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.beneficiary.domain.AidEligibility.Allocation;
import id.go.jambiprov.dumisake.beneficiary.domain.AidEligibility.Reason;
import id.go.jambiprov.dumisake.beneficiary.domain.AidEligibility.Recipient;
import id.go.jambiprov.dumisake.beneficiary.domain.AidEligibility.Refusal;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules of who may receive aid, without Spring or a database. */
class AidEligibilityTest {

    private static final String KECAMATAN = "15.01.01";
    private static final Allocation DIRECT_AID = new Allocation(true, Mechanism.BELANJA_OPD, 2048, KECAMATAN, 4);
    private static final BigDecimal ROOM = new BigDecimal("1000000.00");

    private static Recipient eligible() {
        return new Recipient(KECAMATAN, 3, false, new BigDecimal("250000.00"), ROOM);
    }

    @Test
    void theRulesKnowNothingOfSpringOrTheDatabase() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "javax.sql..", "jakarta.persistence..")
                .check(new ClassFileImporter().importClasses(AidEligibility.class, AidEligibility.Allocation.class,
                        AidEligibility.Recipient.class, AidEligibility.Refusal.class, AidEligibility.Reason.class));
    }

    @Test
    void anActiveAllocationTheOpdSpendsItselfGivesAid() {
        assertThat(AidEligibility.allocationRefusal(DIRECT_AID)).isEmpty();
    }

    @Test
    void aCancelledAllocationGivesNoAid() {
        Allocation cancelled = new Allocation(false, Mechanism.BELANJA_OPD, 2048, KECAMATAN, null);

        assertThat(AidEligibility.allocationRefusal(cancelled)).map(Refusal::reason)
                .contains(Reason.ALLOCATION_CANCELLED);
    }

    @Test
    void transfersToAKabupatenKotaOrADesaGiveNoAid() {
        for (Mechanism transfer : new Mechanism[]{Mechanism.BANTUAN_KEUANGAN_KABKOTA, Mechanism.BANTUAN_KEUANGAN_DESA}) {
            Allocation allocation = new Allocation(true, transfer, 2048, KECAMATAN, null);

            assertThat(AidEligibility.allocationRefusal(allocation)).map(Refusal::reason)
                    .contains(Reason.NOT_DIRECT_AID);
        }
    }

    @Test
    void aidIsGivenInTheAllocationsFiscalYear() {
        assertThat(AidEligibility.dateRefusal(DIRECT_AID, LocalDate.of(2048, 1, 1))).isEmpty();
        assertThat(AidEligibility.dateRefusal(DIRECT_AID, LocalDate.of(2048, 12, 31))).isEmpty();
        assertThat(AidEligibility.dateRefusal(DIRECT_AID, LocalDate.of(2047, 12, 31))).map(Refusal::reason)
                .contains(Reason.DATE_OUTSIDE_YEAR);
        assertThat(AidEligibility.dateRefusal(DIRECT_AID, LocalDate.of(2049, 1, 1))).map(Refusal::reason)
                .contains(Reason.DATE_OUTSIDE_YEAR);
    }

    @Test
    void aidWithoutADateIsRefused() {
        assertThat(AidEligibility.dateRefusal(DIRECT_AID, null)).map(Refusal::reason)
                .contains(Reason.DATE_OUTSIDE_YEAR);
    }

    @Test
    void aPoorPersonOfTheKecamatanWithoutThisAidYetReceivesIt() {
        assertThat(AidEligibility.recipientRefusals(DIRECT_AID, eligible())).isEmpty();
    }

    @Test
    void aPersonOfAnotherKecamatanIsRefused() {
        Recipient elsewhere = new Recipient("15.01.02", 3, false, BigDecimal.ONE, ROOM);

        assertThat(AidEligibility.recipientRefusals(DIRECT_AID, elsewhere)).extracting(Refusal::reason)
                .containsExactly(Reason.OUTSIDE_KECAMATAN);
    }

    @Test
    void aPersonWhoseKecamatanIsNotKnownIsNotRefusedForItAgain() {
        Recipient unknownDesa = new Recipient(null, 3, false, BigDecimal.ONE, ROOM);

        assertThat(AidEligibility.recipientRefusals(DIRECT_AID, unknownDesa)).isEmpty();
    }

    @Test
    void aProgrammeForThePoorerDecilesRefusesOthersAndThoseWithoutADecile() {
        Recipient atTheLimit = new Recipient(KECAMATAN, 4, false, BigDecimal.ONE, ROOM);
        Recipient above = new Recipient(KECAMATAN, 5, false, BigDecimal.ONE, ROOM);
        Recipient withoutDecile = new Recipient(KECAMATAN, null, false, BigDecimal.ONE, ROOM);

        assertThat(AidEligibility.recipientRefusals(DIRECT_AID, atTheLimit)).isEmpty();
        assertThat(AidEligibility.recipientRefusals(DIRECT_AID, above))
                .containsExactly(new Refusal(Reason.DECILE_NOT_ELIGIBLE, 4, null));
        assertThat(AidEligibility.recipientRefusals(DIRECT_AID, withoutDecile)).extracting(Refusal::reason)
                .containsExactly(Reason.DECILE_NOT_ELIGIBLE);
    }

    @Test
    void aProgrammeWithoutADecileLimitTakesAnybody() {
        Allocation anyDecile = new Allocation(true, Mechanism.BELANJA_OPD, 2048, KECAMATAN, null);
        Recipient withoutDecile = new Recipient(KECAMATAN, null, false, BigDecimal.ONE, ROOM);
        Recipient richest = new Recipient(KECAMATAN, 10, false, BigDecimal.ONE, ROOM);

        assertThat(AidEligibility.recipientRefusals(anyDecile, withoutDecile)).isEmpty();
        assertThat(AidEligibility.recipientRefusals(anyDecile, richest)).isEmpty();
    }

    @Test
    void nobodyReceivesTheSameProgrammeTwiceInAYear() {
        Recipient again = new Recipient(KECAMATAN, 3, true, BigDecimal.ONE, ROOM);

        assertThat(AidEligibility.recipientRefusals(DIRECT_AID, again)).extracting(Refusal::reason)
                .containsExactly(Reason.DOUBLE_RECEIPT);
    }

    @Test
    void theAidFitsInWhatTheAllocationHasLeft() {
        Recipient all = new Recipient(KECAMATAN, 3, false, ROOM, ROOM);
        Recipient aRupiahMore = new Recipient(KECAMATAN, 3, false, ROOM.add(BigDecimal.ONE), ROOM);

        assertThat(AidEligibility.recipientRefusals(DIRECT_AID, all)).isEmpty();
        assertThat(AidEligibility.recipientRefusals(DIRECT_AID, aRupiahMore))
                .containsExactly(new Refusal(Reason.ALLOCATION_EXCEEDED, null, ROOM));
    }

    @Test
    void anAmountNotKnownIsNotCheckedAgainstTheRoom() {
        Recipient unreadable = new Recipient(KECAMATAN, 3, false, null, BigDecimal.ZERO);

        assertThat(AidEligibility.recipientRefusals(DIRECT_AID, unreadable)).isEmpty();
    }

    @Test
    void everyRefusalIsNamedInTheOrderTheSingleRecordReportsTheFirst() {
        Recipient wrongInEveryWay = new Recipient("15.01.02", 9, true, ROOM.add(BigDecimal.ONE), ROOM);

        assertThat(AidEligibility.recipientRefusals(DIRECT_AID, wrongInEveryWay)).extracting(Refusal::reason)
                .containsExactly(Reason.OUTSIDE_KECAMATAN, Reason.DECILE_NOT_ELIGIBLE, Reason.DOUBLE_RECEIPT,
                        Reason.ALLOCATION_EXCEEDED);
    }
}
