package id.go.jambiprov.dumisake.programme.domain;

import id.go.jambiprov.dumisake.programme.FiscalYearStatus;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A tahun anggaran with the pagu that every kecamatan envelope of that year holds. */
@Entity
@Table(name = "fiscal_year")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class FiscalYear {

    public static final BigDecimal DEFAULT_PAGU = new BigDecimal("2000000000.00");

    @Id
    private Integer year;

    @Column(name = "pagu_per_kecamatan", nullable = false)
    private BigDecimal paguPerKecamatan;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FiscalYearStatus status;

    @Column(name = "opened_at", nullable = false)
    private OffsetDateTime openedAt;

    @Column(name = "opened_by", nullable = false)
    private String openedBy;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    @Column(name = "closed_by")
    private String closedBy;

    @Version
    private long version;

    public FiscalYear(int year, BigDecimal paguPerKecamatan, String openedBy) {
        if (paguPerKecamatan.signum() <= 0) {
            throw new IllegalArgumentException("pagu must be positive");
        }
        this.year = year;
        this.paguPerKecamatan = paguPerKecamatan;
        this.status = FiscalYearStatus.OPEN;
        this.openedAt = OffsetDateTime.now();
        this.openedBy = openedBy;
    }

    /** Invariant 3: nothing of a closed year changes. */
    public void requireOpen() {
        if (status == FiscalYearStatus.CLOSED) {
            throw new BusinessRuleException("FISCAL_YEAR_CLOSED", "fiscalYear.closed", year);
        }
    }

    public void changePagu(BigDecimal newPagu) {
        requireOpen();
        paguPerKecamatan = newPagu;
    }

    public void close(String by) {
        requireOpen();
        status = FiscalYearStatus.CLOSED;
        closedAt = OffsetDateTime.now();
        closedBy = by;
    }
}
