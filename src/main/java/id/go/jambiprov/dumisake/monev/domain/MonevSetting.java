package id.go.jambiprov.dumisake.monev.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** The one row of the traffic light's thresholds; admins change it, checked by {@link TrafficLightPolicy}. */
@Entity
@Table(name = "monev_setting")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class MonevSetting {

    public static final int ID = 1;

    @Id
    private Integer id;

    @Column(name = "green_max_deviation", nullable = false)
    private BigDecimal greenMaxDeviation;

    @Column(name = "yellow_max_deviation", nullable = false)
    private BigDecimal yellowMaxDeviation;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Version
    private long version;

    public void change(BigDecimal greenMax, BigDecimal yellowMax, String by, OffsetDateTime at) {
        TrafficLightPolicy.requireValid(greenMax, yellowMax);
        this.greenMaxDeviation = greenMax;
        this.yellowMaxDeviation = yellowMax;
        this.updatedBy = by;
        this.updatedAt = at;
    }
}
