package id.go.jambiprov.dumisake.progress.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * The monthly progress report (laporan kemajuan) of one allocation: its physical progress, the output achieved
 * per indicator and what the OPD wrote about it. One per allocation and month (the table's unique key).
 */
@Entity
@Table(name = "progress_report")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ProgressReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "allocation_id", nullable = false)
    private long allocationId;

    @Column(name = "fiscal_year", nullable = false)
    private int fiscalYear;

    @Column(nullable = false)
    private int month;

    @Column(name = "physical_percent", nullable = false)
    private BigDecimal physicalPercent;

    private String narrative;

    @Column(name = "correction_reason")
    private String correctionReason;

    @ElementCollection
    @CollectionTable(name = "progress_report_output", joinColumns = @JoinColumn(name = "report_id"))
    @MapKeyColumn(name = "output_id")
    @Column(name = "achieved", nullable = false)
    private Map<Long, BigDecimal> achieved = new HashMap<>();

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Version
    private long version;

    public ProgressReport(long allocationId, int fiscalYear, int month, OffsetDateTime now, String by) {
        this.allocationId = allocationId;
        this.fiscalYear = fiscalYear;
        this.month = month;
        this.createdAt = now;
        this.createdBy = by;
    }

    /** Sets the figures; the caller has checked them against {@link ReportRules} with what came before. */
    public void record(BigDecimal physicalPercent, Map<Long, BigDecimal> achieved, String narrative,
                       String correctionReason, OffsetDateTime now, String by) {
        this.physicalPercent = physicalPercent;
        this.achieved.clear();
        this.achieved.putAll(achieved);
        this.narrative = trimmed(narrative);
        this.correctionReason = trimmed(correctionReason);
        this.updatedAt = now;
        this.updatedBy = by;
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
