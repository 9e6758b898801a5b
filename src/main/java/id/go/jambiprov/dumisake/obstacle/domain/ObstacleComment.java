package id.go.jambiprov.dumisake.obstacle.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

import java.time.OffsetDateTime;

/** One message of an obstacle's thread; written once, through {@link Obstacle#comment}. */
@Entity
@Table(name = "obstacle_comment")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ObstacleComment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String text;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    ObstacleComment(String text, String createdBy, OffsetDateTime createdAt) {
        this.text = text;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }
}
