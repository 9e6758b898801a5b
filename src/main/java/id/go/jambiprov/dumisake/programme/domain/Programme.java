package id.go.jambiprov.dumisake.programme.domain;

import id.go.jambiprov.dumisake.programme.Pillar;
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

/** A Dumisake sub-programme (menu), under one pillar, led by one OPD. */
@Entity
@Table(name = "programme")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Programme {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Pillar pillar;

    @Column(name = "lead_opd_code", nullable = false)
    private String leadOpdCode;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "max_welfare_decile")
    private Integer maxWelfareDecile;

    @Column(name = "min_progress_for_next_tranche")
    private BigDecimal minProgressForNextTranche;

    @Version
    private long version;

    public Programme(String code, String name, Pillar pillar, String leadOpdCode) {
        this.code = code;
        this.name = name;
        this.pillar = pillar;
        this.leadOpdCode = leadOpdCode;
        this.active = true;
    }

    public void change(String name, Pillar pillar, String leadOpdCode, boolean active) {
        this.name = name;
        this.pillar = pillar;
        this.leadOpdCode = leadOpdCode;
        this.active = active;
    }

    public void limitWelfareDecile(Integer maxWelfareDecile) {
        this.maxWelfareDecile = maxWelfareDecile;
    }

    /** The physical progress (%) an allocation's latest report must show before its tranche 2 or later; null: none. */
    public void requireProgressForNextTranche(BigDecimal minProgressForNextTranche) {
        this.minProgressForNextTranche = minProgressForNextTranche;
    }
}
