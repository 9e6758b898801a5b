package id.go.jambiprov.dumisake.disbursement.domain;

import id.go.jambiprov.dumisake.disbursement.DisbursementStatus;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
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
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One tranche (tahap) of money paid out of an allocation, with its SP2D. */
@Entity
@Table(name = "disbursement")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Disbursement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "allocation_id", nullable = false, updatable = false)
    private long allocationId;

    @Column(name = "fiscal_year", nullable = false, updatable = false)
    private int fiscalYear;

    @Column(nullable = false)
    private int tranche;

    @Column(nullable = false)
    private BigDecimal amount;

    @Column(name = "sp2d_number", nullable = false)
    private String sp2dNumber;

    @Column(name = "sp2d_date", nullable = false)
    private LocalDate sp2dDate;

    private String remark;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DisbursementStatus status;

    @Column(name = "reject_reason")
    private String rejectReason;

    @Column(name = "request_key", updatable = false)
    private String requestKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;

    @Column(name = "submitted_by")
    private String submittedBy;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Version
    private long version;

    public Disbursement(long allocationId, int fiscalYear, int tranche, BigDecimal amount, String sp2dNumber,
                        LocalDate sp2dDate, String remark, String requestKey, String createdBy) {
        this.allocationId = allocationId;
        this.fiscalYear = fiscalYear;
        this.status = DisbursementStatus.DRAFT;
        this.requestKey = requestKey;
        this.createdAt = OffsetDateTime.now();
        this.createdBy = createdBy;
        change(tranche, amount, sp2dNumber, sp2dDate, remark, createdBy);
    }

    /** Edits a DRAFT or REJECTED disbursement; a rejected one becomes a draft again. */
    public void edit(int tranche, BigDecimal amount, String sp2dNumber, LocalDate sp2dDate, String remark, String by) {
        requireEditable();
        if (status == DisbursementStatus.REJECTED) {
            DisbursementRules.requireTransition(status, DisbursementStatus.DRAFT);
            status = DisbursementStatus.DRAFT;
            rejectReason = null;
            decidedAt = null;
            decidedBy = null;
        }
        change(tranche, amount, sp2dNumber, sp2dDate, remark, by);
    }

    /** Only a DRAFT or a REJECTED disbursement is still the operator's to change. */
    public void requireEditable() {
        if (!status.editable()) {
            throw new BusinessRuleException("NOT_EDITABLE", "disbursement.notEditable");
        }
    }

    public void submit(String by) {
        DisbursementRules.requireTransition(status, DisbursementStatus.SUBMITTED);
        status = DisbursementStatus.SUBMITTED;
        submittedAt = OffsetDateTime.now();
        submittedBy = by;
        touch(by);
    }

    public void verify(String by) {
        decide(DisbursementStatus.VERIFIED, by);
    }

    public void reject(String reason, String by) {
        decide(DisbursementStatus.REJECTED, by);
        rejectReason = reason.strip();
    }

    /** What it counts against its allocation: its amount, unless it was rejected. */
    public BigDecimal counted() {
        return status.countsAgainstAllocation() ? amount : BigDecimal.ZERO;
    }

    /** What it realises: its amount, once verified. */
    public BigDecimal realisedAmount() {
        return status == DisbursementStatus.VERIFIED ? amount : BigDecimal.ZERO;
    }

    private void decide(DisbursementStatus outcome, String by) {
        DisbursementRules.requireTransition(status, outcome);
        DisbursementRules.requireOtherThanSubmitter(submittedBy, by);
        status = outcome;
        decidedAt = OffsetDateTime.now();
        decidedBy = by;
        touch(by);
    }

    private void change(int tranche, BigDecimal amount, String sp2dNumber, LocalDate sp2dDate, String remark,
                        String by) {
        if (amount.signum() <= 0 || tranche < 1 || tranche > 12 || sp2dNumber.isBlank()) {
            throw new IllegalArgumentException("invalid disbursement");
        }
        this.tranche = tranche;
        this.amount = amount;
        this.sp2dNumber = sp2dNumber.strip();
        this.sp2dDate = sp2dDate;
        this.remark = remark == null || remark.isBlank() ? null : remark.strip();
        touch(by);
    }

    private void touch(String by) {
        updatedAt = OffsetDateTime.now();
        updatedBy = by;
    }
}
