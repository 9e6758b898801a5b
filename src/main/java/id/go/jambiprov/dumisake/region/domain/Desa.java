package id.go.jambiprov.dumisake.region.domain;

import id.go.jambiprov.dumisake.region.DesaType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Immutable;

/** A village (desa) or urban village (kelurahan). */
@Entity
@Immutable
@Table(name = "desa")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Desa {

    @Id
    private String code;

    @Column(name = "kecamatan_code", nullable = false)
    private String kecamatanCode;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DesaType type;
}
