package id.go.jambiprov.dumisake.allocation.domain;

import id.go.jambiprov.dumisake.allocation.AllocationStatus;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** Money of one kecamatan envelope assigned to one OPD for one activity (kegiatan). */
@Entity
@Table(name = "allocation")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Allocation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "fiscal_year", nullable = false, updatable = false)
    private int fiscalYear;

    @Column(name = "kecamatan_code", nullable = false, updatable = false)
    private String kecamatanCode;

    @Column(name = "opd_code", nullable = false)
    private String opdCode;

    @Column(name = "programme_code", nullable = false)
    private String programmeCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Mechanism mechanism;

    @Column(name = "desa_code")
    private String desaCode;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private BigDecimal amount;

    @Column(name = "planned_month", nullable = false)
    private int plannedMonth;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AllocationStatus status;

    /**
     * Σ non-rejected and Σ verified disbursements, moved only by {@link #recordSpending} and written by their
     * own statement (internal.AllocationSpending): a disbursement does not bump the allocation's version.
     */
    @Column(nullable = false, insertable = false, updatable = false)
    private BigDecimal disbursed;

    @Column(nullable = false, insertable = false, updatable = false)
    private BigDecimal realised;

    @Column(name = "cancel_reason")
    private String cancelReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Version
    private long version;

    /**
     * A new allocation in memory. The service writes new rows in JDBC batches (AllocationRecords.insert) and
     * loads this entity only to revise or cancel; the rules of both are tested on instances made here.
     */
    public Allocation(int fiscalYear, String kecamatanCode, String opdCode, String programmeCode,
                      Mechanism mechanism, String desaCode, String title, BigDecimal amount, int plannedMonth,
                      String createdBy) {
        AllocationRules.requireWellFormed(amount, plannedMonth, title);
        WholeRupiah.require(amount);
        this.fiscalYear = fiscalYear;
        this.kecamatanCode = kecamatanCode;
        this.opdCode = opdCode;
        this.programmeCode = programmeCode;
        this.mechanism = mechanism;
        this.desaCode = desaCode;
        this.title = title.strip();
        this.amount = amount;
        this.plannedMonth = plannedMonth;
        this.status = AllocationStatus.ACTIVE;
        this.disbursed = BigDecimal.ZERO;
        this.realised = BigDecimal.ZERO;
        this.createdAt = OffsetDateTime.now();
        this.createdBy = createdBy;
        this.updatedAt = createdAt;
        this.updatedBy = createdBy;
    }

    /** The increase the revision asks of the envelope (negative when money returns to it). */
    public BigDecimal revise(BigDecimal newAmount, String by) {
        AllocationRules.requireActive(status);
        WholeRupiah.require(newAmount);
        AllocationRules.requireNotBelowDisbursed(newAmount, disbursed);
        BigDecimal increase = newAmount.subtract(amount);
        amount = newAmount;
        touch(by);
        return increase;
    }

    public void cancel(String reason, String by) {
        AllocationRules.requireCancellable(status, realised);
        status = AllocationStatus.CANCELLED;
        cancelReason = reason == null || reason.isBlank() ? null : reason.strip();
        touch(by);
    }

    /**
     * What a change of one of its disbursements moved: {@code disbursedChange} of the money counted against
     * this allocation (every tranche but a rejected one), {@code realisedChange} of the verified money.
     * Invariant 2: an increase that takes what is disbursed past the amount is refused with what is left;
     * a decrease always fits. A cancelled allocation takes no more money: a tranche submitted before the
     * cancellation can be rejected, not verified.
     */
    public void recordSpending(BigDecimal disbursedChange, BigDecimal realisedChange) {
        if (disbursedChange.signum() > 0 || realisedChange.signum() > 0) {
            AllocationRules.requireActive(status);
        }
        BigDecimal newDisbursed = disbursed.add(disbursedChange);
        BigDecimal newRealised = realised.add(realisedChange);
        if (disbursedChange.signum() > 0 && newDisbursed.compareTo(amount) > 0) {
            BigDecimal available = amount.subtract(disbursed);
            throw new BusinessRuleException("ALLOCATION_EXCEEDED", "disbursement.exceedsAllocation",
                    Rupiah.format(available), Rupiah.format(disbursedChange))
                    .with("available", available);
        }
        if (newRealised.signum() < 0 || newRealised.compareTo(newDisbursed) > 0) {
            throw new IllegalArgumentException("realised money must stay between zero and what is disbursed");
        }
        disbursed = newDisbursed;
        realised = newRealised;
    }

    private void touch(String by) {
        updatedAt = OffsetDateTime.now();
        updatedBy = by;
    }
}
