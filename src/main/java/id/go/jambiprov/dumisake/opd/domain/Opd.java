package id.go.jambiprov.dumisake.opd.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A provincial agency (Organisasi Perangkat Daerah) that runs Dumisake activities. */
@Entity
@Table(name = "opd")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Opd {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "opd_type", nullable = false)
    private String opdType;

    @Column(name = "dumisake_role")
    private String dumisakeRole;

    @Column(nullable = false)
    private boolean active;
}
