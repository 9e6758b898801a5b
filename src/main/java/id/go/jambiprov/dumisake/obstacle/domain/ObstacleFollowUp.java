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

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A follow-up action of an obstacle; written once, through {@link Obstacle#followUp}. */
@Entity
@Table(name = "obstacle_follow_up")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ObstacleFollowUp {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(nullable = false, updatable = false)
    private String responsible;

    @Column(name = "due_date", nullable = false, updatable = false)
    private LocalDate dueDate;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    ObstacleFollowUp(String action, String responsible, LocalDate dueDate, String createdBy, OffsetDateTime createdAt) {
        this.action = action;
        this.responsible = responsible;
        this.dueDate = dueDate;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }
}
