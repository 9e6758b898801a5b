package id.go.jambiprov.dumisake.dashboard.domain;

import id.go.jambiprov.dumisake.dashboard.internal.ReviewTarget;
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

import java.time.OffsetDateTime;

/** A remark of the expert team, open until an admin or the OPD concerned resolves it with a reply. */
@Entity
@Table(name = "review_note")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ReviewNote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_type", nullable = false, updatable = false)
    private ReviewTarget targetType;

    @Column(name = "target_code", nullable = false, updatable = false)
    private String targetCode;

    @Column(name = "target_label", nullable = false, updatable = false)
    private String targetLabel;

    @Column(name = "fiscal_year", updatable = false)
    private Integer fiscalYear;

    @Column(name = "opd_code", updatable = false)
    private String opdCode;

    @Column(nullable = false, updatable = false)
    private String text;

    @Column(nullable = false)
    private String status;

    private String reply;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "resolved_at")
    private OffsetDateTime resolvedAt;

    @Column(name = "resolved_by")
    private String resolvedBy;

    @Version
    private long version;

    public ReviewNote(ReviewTarget targetType, String targetCode, String targetLabel, Integer fiscalYear,
                      String opdCode, String text, String createdBy) {
        this.targetType = targetType;
        this.targetCode = targetCode;
        this.targetLabel = targetLabel;
        this.fiscalYear = fiscalYear;
        this.opdCode = opdCode;
        this.text = text.strip();
        this.status = "OPEN";
        this.createdAt = OffsetDateTime.now();
        this.createdBy = createdBy;
    }

    public boolean isOpen() {
        return "OPEN".equals(status);
    }

    public void resolve(String reply, String by) {
        if (!isOpen()) {
            throw new BusinessRuleException("NOTE_RESOLVED", "note.alreadyResolved");
        }
        if (reply == null || reply.isBlank()) {
            throw new BusinessRuleException("REPLY_REQUIRED", "note.replyRequired");
        }
        this.reply = reply.strip();
        this.status = "RESOLVED";
        this.resolvedAt = OffsetDateTime.now();
        this.resolvedBy = by;
    }
}
