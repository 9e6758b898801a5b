package id.go.jambiprov.dumisake.region.domain;

import id.go.jambiprov.dumisake.region.KabupatenKotaType;
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

/** A regency (kabupaten) or city (kota); loaded from Kemendagri data, never edited here. */
@Entity
@Immutable
@Table(name = "kabupaten_kota")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class KabupatenKota {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private KabupatenKotaType type;
}
