package id.go.jambiprov.dumisake.progress.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

import java.math.BigDecimal;

/** An output indicator of an allocation (indikator keluaran) with its target volume; checked by {@link OutputTargetRules}. */
@Entity
@Table(name = "allocation_output")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class AllocationOutput {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "allocation_id", nullable = false)
    private long allocationId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String unit;

    @Column(nullable = false)
    private BigDecimal target;

    @Column(nullable = false)
    private int position;

    @Version
    private long version;

    public AllocationOutput(long allocationId, String name, String unit, BigDecimal target, int position) {
        this.allocationId = allocationId;
        change(name, unit, target, position);
    }

    public final void change(String name, String unit, BigDecimal target, int position) {
        this.name = name.strip();
        this.unit = unit.strip();
        this.target = target;
        this.position = position;
    }
}
