package id.go.jambiprov.dumisake.poverty.domain;

import id.go.jambiprov.dumisake.poverty.Indicator;
import id.go.jambiprov.dumisake.poverty.Period;
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

/**
 * One official figure as one source gives it. Its value and source never change once written: a correction is
 * a new row, and the row that counted before stays as an alternative, so that no published figure is lost.
 * Only whether it is the chosen one changes.
 */
@Entity
@Table(name = "poverty_figure")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class PovertyFigure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "region_code", nullable = false, updatable = false)
    private String regionCode;

    @Column(nullable = false, updatable = false)
    private int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Period period;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Indicator indicator;

    @Column(nullable = false, updatable = false)
    private BigDecimal value;

    @Column(nullable = false, updatable = false)
    private String source;

    @Column(name = "source_body", updatable = false)
    private String sourceBody;

    @Column(updatable = false)
    private String note;

    @Column(nullable = false)
    private boolean chosen;

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

    /** A new figure that counts from now on. */
    public PovertyFigure(String regionCode, int year, Period period, Indicator indicator, BigDecimal value,
                         String source, String sourceBody, String note, String by, OffsetDateTime at) {
        this.regionCode = regionCode;
        this.year = year;
        this.period = period;
        this.indicator = indicator;
        this.value = value;
        this.source = source;
        this.sourceBody = sourceBody;
        this.note = note;
        this.chosen = true;
        this.createdAt = at;
        this.createdBy = by;
        this.updatedAt = at;
        this.updatedBy = by;
    }

    /** Whether this row already says {@code value} on {@code source}: setting it again changes nothing. */
    public boolean says(BigDecimal otherValue, String otherSource) {
        return value.compareTo(otherValue) == 0 && source.equals(otherSource);
    }

    public void choose(String by, OffsetDateTime at) {
        chosen = true;
        touched(by, at);
    }

    /** No longer the value that counts; it stays visible as an alternative. */
    public void setAside(String by, OffsetDateTime at) {
        chosen = false;
        touched(by, at);
    }

    private void touched(String by, OffsetDateTime at) {
        updatedBy = by;
        updatedAt = at;
    }
}
