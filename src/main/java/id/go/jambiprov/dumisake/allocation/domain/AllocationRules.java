package id.go.jambiprov.dumisake.allocation.domain;

import id.go.jambiprov.dumisake.allocation.AllocationStatus;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.money.Rupiah;

import java.math.BigDecimal;

/**
 * The rules of one allocation, in plain Java; the envelope's own rule (invariant 1) is {@link Envelope}'s.
 */
public final class AllocationRules {

    private AllocationRules() {
    }

    /** What the forms and the API refuse with a message already; a caller that skipped them gets no row. */
    public static void requireWellFormed(BigDecimal amount, int plannedMonth, String title) {
        if (amount == null || amount.signum() <= 0 || plannedMonth < 1 || plannedMonth > 12 || title == null
                || title.isBlank()) {
            throw new IllegalArgumentException("invalid allocation");
        }
    }

    /** A BANTUAN_KEUANGAN_DESA goes to exactly one desa, of the envelope's own kecamatan; the others to none. */
    public static void requireDesaMatchesMechanism(Mechanism mechanism, String desaCode, String desaKecamatanCode,
                                                   String kecamatanCode) {
        boolean hasDesa = desaCode != null && !desaCode.isBlank();
        if (mechanism.needsDesa() && !hasDesa) {
            throw new BusinessRuleException("DESA_REQUIRED", "allocation.desaRequired");
        }
        if (!mechanism.needsDesa() && hasDesa) {
            throw new BusinessRuleException("DESA_NOT_ALLOWED", "allocation.desaNotAllowed");
        }
        if (hasDesa && !kecamatanCode.equals(desaKecamatanCode)) {
            throw new BusinessRuleException("DESA_OUTSIDE_KECAMATAN", "allocation.desaOutsideKecamatan", desaCode,
                    kecamatanCode);
        }
    }

    /** Invariant 2: an allocation never falls below what has already been disbursed from it. */
    public static void requireNotBelowDisbursed(BigDecimal newAmount, BigDecimal disbursed) {
        if (newAmount.compareTo(disbursed) < 0) {
            throw new BusinessRuleException("BELOW_DISBURSED", "allocation.belowDisbursed",
                    Rupiah.format(disbursed), Rupiah.format(newAmount))
                    .with("disbursed", disbursed);
        }
    }

    public static void requireActive(AllocationStatus status) {
        if (status != AllocationStatus.ACTIVE) {
            throw new BusinessRuleException("ALLOCATION_CANCELLED", "allocation.cancelled");
        }
    }

    /** Invariant 2: money that has been verified as spent cannot return to the envelope. */
    public static void requireCancellable(AllocationStatus status, BigDecimal realised) {
        requireActive(status);
        if (realised.signum() > 0) {
            throw new BusinessRuleException("ALLOCATION_REALISED", "allocation.cannotCancelRealised",
                    Rupiah.format(realised));
        }
    }
}
