package id.go.jambiprov.dumisake.region.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Immutable;

/** A sub-district: the unit that receives the Dumisake envelope. */
@Entity
@Immutable
@Table(name = "kecamatan")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Kecamatan {

    @Id
    private String code;

    @Column(name = "kabupaten_kota_code", nullable = false)
    private String kabupatenKotaCode;

    @Column(nullable = false)
    private String name;
}
