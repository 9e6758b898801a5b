package id.go.jambiprov.dumisake.allocation;

import id.go.jambiprov.dumisake.allocation.domain.Allocation;
import id.go.jambiprov.dumisake.allocation.domain.AllocationRules;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.reflect.Field;
import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The allocation rules and the entity's state changes, in plain Java. */
class AllocationRulesTest {

    private static final BigDecimal BILLION = new BigDecimal("1000000000.00");
    private static final BigDecimal ONE_SEN = new BigDecimal("0.01");

    // --- desa and mechanism ----------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = Mechanism.class, names = {"BELANJA_OPD", "BANTUAN_KEUANGAN_KABKOTA"})
    void mechanismsWithoutDesaTakeNone(Mechanism mechanism) {
        assertThatCode(() -> AllocationRules.requireDesaMatchesMechanism(mechanism, null, null, "15.01.01"))
                .doesNotThrowAnyException();
        assertThatCode(() -> AllocationRules.requireDesaMatchesMechanism(mechanism, "  ", null, "15.01.01"))
                .as("blank means none").doesNotThrowAnyException();
        assertRefused(() -> AllocationRules.requireDesaMatchesMechanism(mechanism, "15.01.01.2001", "15.01.01",
                "15.01.01"), "DESA_NOT_ALLOWED");
        assertRefused(() -> AllocationRules.requireDesaMatchesMechanism(mechanism, "15.01.02.2001", "15.01.02",
                "15.01.01"), "DESA_NOT_ALLOWED");
    }

    @Test
    void bantuanKeuanganDesaNeedsOneDesaOfTheSameKecamatan() {
        Mechanism desa = Mechanism.BANTUAN_KEUANGAN_DESA;
        assertThatCode(() -> AllocationRules.requireDesaMatchesMechanism(desa, "15.01.01.2001", "15.01.01", "15.01.01"))
                .doesNotThrowAnyException();
        assertRefused(() -> AllocationRules.requireDesaMatchesMechanism(desa, null, null, "15.01.01"), "DESA_REQUIRED");
        assertRefused(() -> AllocationRules.requireDesaMatchesMechanism(desa, " ", null, "15.01.01"), "DESA_REQUIRED");
        BusinessRuleException outside = catchThrowableOfType(BusinessRuleException.class,
                () -> AllocationRules.requireDesaMatchesMechanism(desa, "15.01.02.2001", "15.01.02", "15.01.01"));
        assertThat(outside.code()).isEqualTo("DESA_OUTSIDE_KECAMATAN");
        assertThat(outside.arguments()).containsExactly("15.01.02.2001", "15.01.01");
    }

    @Test
    void onlyBantuanKeuanganDesaNeedsADesa() {
        assertThat(Mechanism.BANTUAN_KEUANGAN_DESA.needsDesa()).isTrue();
        assertThat(Mechanism.BELANJA_OPD.needsDesa()).isFalse();
        assertThat(Mechanism.BANTUAN_KEUANGAN_KABKOTA.needsDesa()).isFalse();
    }

    // --- invariant 2: disbursed money ------------------------------------------------------------------

    @Test
    void anAllocationMayFallToButNotBelowWhatIsDisbursed() {
        BigDecimal disbursed = new BigDecimal("250000000.00");
        assertThatCode(() -> AllocationRules.requireNotBelowDisbursed(disbursed, disbursed)).doesNotThrowAnyException();
        assertThatCode(() -> AllocationRules.requireNotBelowDisbursed(BILLION, disbursed)).doesNotThrowAnyException();
        BusinessRuleException below = catchThrowableOfType(BusinessRuleException.class,
                () -> AllocationRules.requireNotBelowDisbursed(disbursed.subtract(ONE_SEN), disbursed));
        assertThat(below.code()).isEqualTo("BELOW_DISBURSED");
        assertThat(below.details()).containsEntry("disbursed", disbursed);
    }

    @Test
    void onlyAnActiveAllocationWithNothingRealisedCanBeCancelled() {
        assertThatCode(() -> AllocationRules.requireCancellable(AllocationStatus.ACTIVE, BigDecimal.ZERO))
                .doesNotThrowAnyException();
        assertRefused(() -> AllocationRules.requireCancellable(AllocationStatus.ACTIVE, ONE_SEN), "ALLOCATION_REALISED");
        assertRefused(() -> AllocationRules.requireCancellable(AllocationStatus.CANCELLED, BigDecimal.ZERO),
                "ALLOCATION_CANCELLED");
    }

    // --- the entity ------------------------------------------------------------------------------------

    @Test
    void aNewAllocationIsActiveWithNothingDisbursed() {
        Allocation allocation = allocation(new BigDecimal("100000000.00"));
        assertThat(allocation.getStatus()).isEqualTo(AllocationStatus.ACTIVE);
        assertThat(allocation.getDisbursed()).isZero();
        assertThat(allocation.getRealised()).isZero();
        assertThat(allocation.getTitle()).isEqualTo("Seragam sekolah");
        assertThat(allocation.getCreatedBy()).isEqualTo("admin");
        assertThat(allocation.getUpdatedBy()).isEqualTo("admin");
    }

    @Test
    void theConstructorRefusesNonsense() {
        assertThatThrownBy(() -> allocation(BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> allocation(new BigDecimal("-1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Allocation(2031, "15.01.01", "DISDIK", "BANTUAN-PENDIDIKAN",
                Mechanism.BELANJA_OPD, null, "x", BILLION, 13, "admin")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Allocation(2031, "15.01.01", "DISDIK", "BANTUAN-PENDIDIKAN",
                Mechanism.BELANJA_OPD, null, "x", BILLION, 0, "admin")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Allocation(2031, "15.01.01", "DISDIK", "BANTUAN-PENDIDIKAN",
                Mechanism.BELANJA_OPD, null, "  ", BILLION, 6, "admin")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reviseReturnsWhatItAsksOfTheEnvelope() {
        Allocation allocation = allocation(new BigDecimal("100000000.00"));
        assertThat(allocation.revise(new BigDecimal("150000000.00"), "ahli-anggaran"))
                .isEqualByComparingTo("50000000");
        assertThat(allocation.getAmount()).isEqualByComparingTo("150000000");
        assertThat(allocation.getUpdatedBy()).isEqualTo("ahli-anggaran");
        assertThat(allocation.getCreatedBy()).isEqualTo("admin");
        assertThat(allocation.revise(new BigDecimal("40000000.00"), "admin")).isEqualByComparingTo("-110000000");
        assertThat(allocation.getAmount()).isEqualByComparingTo("40000000");
    }

    @Test
    void reviseRefusesToGoBelowTheDisbursedAmount() throws Exception {
        Allocation allocation = allocation(new BigDecimal("100000000.00"));
        setField(allocation, "disbursed", new BigDecimal("60000000.00"));
        assertRefused(() -> allocation.revise(new BigDecimal("59999999.00"), "admin"), "BELOW_DISBURSED");
        assertThat(allocation.getAmount()).as("unchanged after a refusal").isEqualByComparingTo("100000000");
        assertThat(allocation.revise(new BigDecimal("60000000.00"), "admin")).isEqualByComparingTo("-40000000");
    }

    @Test
    void cancelSetsTheStatusAndKeepsATrimmedReason() {
        Allocation allocation = allocation(new BigDecimal("100000000.00"));
        allocation.cancel("  salah kecamatan  ", "op");
        assertThat(allocation.getStatus()).isEqualTo(AllocationStatus.CANCELLED);
        assertThat(allocation.getCancelReason()).isEqualTo("salah kecamatan");
        assertThat(allocation.getUpdatedBy()).isEqualTo("op");

        Allocation withoutReason = allocation(new BigDecimal("100000000.00"));
        withoutReason.cancel("   ", "op");
        assertThat(withoutReason.getCancelReason()).isNull();
    }

    @Test
    void aCancelledAllocationCanNeitherBeCancelledNorRevised() {
        Allocation allocation = allocation(new BigDecimal("100000000.00"));
        allocation.cancel(null, "admin");
        assertRefused(() -> allocation.cancel(null, "admin"), "ALLOCATION_CANCELLED");
        assertRefused(() -> allocation.revise(new BigDecimal("1.00"), "admin"), "ALLOCATION_CANCELLED");
    }

    @Test
    void anAllocationWithVerifiedSpendingCannotBeCancelled() throws Exception {
        Allocation allocation = allocation(new BigDecimal("100000000.00"));
        setField(allocation, "disbursed", new BigDecimal("10000000.00"));
        setField(allocation, "realised", new BigDecimal("10000000.00"));
        assertRefused(() -> allocation.cancel("x", "admin"), "ALLOCATION_REALISED");
        assertThat(allocation.getStatus()).isEqualTo(AllocationStatus.ACTIVE);
    }

    @Test
    void aTrancheSubmittedBeforeTheCancellationCanBeRejectedButNotVerified() {
        Allocation allocation = allocation(new BigDecimal("100000000.00"));
        allocation.recordSpending(new BigDecimal("10000000.00"), BigDecimal.ZERO);
        allocation.cancel(null, "admin");
        assertRefused(() -> allocation.recordSpending(BigDecimal.ZERO, new BigDecimal("10000000.00")),
                "ALLOCATION_CANCELLED");
        assertRefused(() -> allocation.recordSpending(new BigDecimal("1.00"), BigDecimal.ZERO), "ALLOCATION_CANCELLED");
        allocation.recordSpending(new BigDecimal("-10000000.00"), BigDecimal.ZERO);
        assertThat(allocation.getDisbursed()).isEqualByComparingTo("0");
        assertThat(allocation.getRealised()).isEqualByComparingTo("0");
    }

    @Test
    void spendingMovesDisbursedAndRealisedUpToTheAmountExactly() {
        Allocation allocation = allocation(BILLION);
        allocation.recordSpending(new BigDecimal("400000000.00"), BigDecimal.ZERO);
        allocation.recordSpending(new BigDecimal("600000000.00"), BigDecimal.ZERO);
        assertThat(allocation.getDisbursed()).isEqualByComparingTo(BILLION);
        allocation.recordSpending(BigDecimal.ZERO, new BigDecimal("400000000.00"));
        assertThat(allocation.getRealised()).isEqualByComparingTo("400000000");
        allocation.recordSpending(new BigDecimal("-600000000.00"), BigDecimal.ZERO);
        assertThat(allocation.getDisbursed()).as("a rejection gives the money back").isEqualByComparingTo("400000000");
    }

    @Test
    void oneSenPastTheAmountIsRefusedWithWhatIsLeftAndChangesNothing() {
        Allocation allocation = allocation(BILLION);
        allocation.recordSpending(new BigDecimal("400000000.00"), BigDecimal.ZERO);
        BusinessRuleException refused = catchThrowableOfType(BusinessRuleException.class,
                () -> allocation.recordSpending(new BigDecimal("600000000.01"), BigDecimal.ZERO));
        assertThat(refused.code()).isEqualTo("ALLOCATION_EXCEEDED");
        assertThat(refused.messageKey()).isEqualTo("disbursement.exceedsAllocation");
        assertThat((BigDecimal) refused.details().get("available")).isEqualByComparingTo("600000000");
        assertThat(refused.arguments()).containsExactly("Rp 600.000.000", "Rp 600.000.000,01");
        assertThat(allocation.getDisbursed()).isEqualByComparingTo("400000000");
    }

    @Test
    void aDecreaseAlwaysFitsEvenWhenNothingIsLeft() {
        Allocation allocation = allocation(new BigDecimal("100.00"));
        allocation.recordSpending(new BigDecimal("100.00"), BigDecimal.ZERO);
        assertThatCode(() -> allocation.recordSpending(new BigDecimal("-50.00"), BigDecimal.ZERO))
                .doesNotThrowAnyException();
        assertThatCode(() -> allocation.recordSpending(BigDecimal.ZERO, BigDecimal.ZERO)).doesNotThrowAnyException();
        assertThat(allocation.getDisbursed()).isEqualByComparingTo("50");
    }

    @Test
    void realisedMoneyStaysBetweenZeroAndWhatIsDisbursed() {
        Allocation allocation = allocation(BILLION);
        allocation.recordSpending(new BigDecimal("100.00"), BigDecimal.ZERO);
        assertThatThrownBy(() -> allocation.recordSpending(BigDecimal.ZERO, new BigDecimal("100.01")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> allocation.recordSpending(BigDecimal.ZERO, new BigDecimal("-0.01")))
                .isInstanceOf(IllegalArgumentException.class);
        allocation.recordSpending(BigDecimal.ZERO, new BigDecimal("100.00"));
        assertThatThrownBy(() -> allocation.recordSpending(new BigDecimal("-0.01"), BigDecimal.ZERO))
                .as("verified money cannot stop counting").isInstanceOf(IllegalArgumentException.class);
        assertThat(allocation.getDisbursed()).isEqualByComparingTo("100");
        assertThat(allocation.getRealised()).isEqualByComparingTo("100");
    }

    private static Allocation allocation(BigDecimal amount) {
        return new Allocation(2031, "15.01.01", "DISDIK", "BANTUAN-PENDIDIKAN", Mechanism.BELANJA_OPD, null,
                " Seragam sekolah ", amount, 6, "admin");
    }

    /** Sets a column as a row read from the database would have it. */
    private static void setField(Allocation allocation, String name, Object value) throws Exception {
        Field field = Allocation.class.getDeclaredField(name);
        field.setAccessible(true);
        field.set(allocation, value);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BusinessRuleException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
