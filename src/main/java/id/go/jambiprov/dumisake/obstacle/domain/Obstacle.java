package id.go.jambiprov.dumisake.obstacle.domain;

import id.go.jambiprov.dumisake.obstacle.ObstacleCategory;
import id.go.jambiprov.dumisake.obstacle.ObstacleStatus;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.JambiTime;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An obstacle (kendala) an allocation met, and its whole life: raised OPEN by its OPD, IN_FOLLOW_UP from the first
 * follow-up action, escalated to the expert team at most once, commented on, RESOLVED with what was done. A
 * resolved obstacle changes no more. Follow-ups and comments belong to it, so that every change of the thread goes
 * through these rules and moves its version.
 */
@Entity
@Table(name = "obstacle")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Obstacle {

    static final int MAX_TEXT = 2000;
    static final int MAX_ACTION = 1000;
    static final int MAX_RESPONSIBLE = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "allocation_id", nullable = false, updatable = false)
    private long allocationId;

    @Column(name = "fiscal_year", nullable = false, updatable = false)
    private int fiscalYear;

    @Column(name = "opd_code", nullable = false, updatable = false)
    private String opdCode;

    @Column(name = "kecamatan_code", nullable = false, updatable = false)
    private String kecamatanCode;

    @Column(name = "progress_report_id", updatable = false)
    private Long progressReportId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ObstacleCategory category;

    @Column(nullable = false, updatable = false)
    private String description;

    @Column(nullable = false, updatable = false)
    private LocalDate since;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ObstacleStatus status;

    @Column(name = "escalated_at")
    private OffsetDateTime escalatedAt;

    @Column(name = "escalated_by")
    private String escalatedBy;

    private String resolution;

    @Column(name = "resolved_at")
    private OffsetDateTime resolvedAt;

    @Column(name = "resolved_by")
    private String resolvedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "obstacle_id", nullable = false, updatable = false)
    @OrderBy("id")
    @Getter(AccessLevel.NONE)
    private List<ObstacleFollowUp> followUps = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "obstacle_id", nullable = false, updatable = false)
    @OrderBy("id")
    @Getter(AccessLevel.NONE)
    private List<ObstacleComment> comments = new ArrayList<>();

    private Obstacle(RaisedOn allocation, Long progressReportId, ObstacleCategory category, String description,
                     LocalDate since, String by, OffsetDateTime now) {
        this.allocationId = allocation.allocationId();
        this.fiscalYear = allocation.fiscalYear();
        this.opdCode = allocation.opdCode();
        this.kecamatanCode = allocation.kecamatanCode();
        this.progressReportId = progressReportId;
        this.category = category;
        this.description = description;
        this.since = since;
        this.status = ObstacleStatus.OPEN;
        this.createdAt = now;
        this.createdBy = by;
    }

    /**
     * A new obstacle of a running allocation, met on {@code since}: a day that has come (in Jambi) by {@code now}.
     */
    public static Obstacle raise(RaisedOn allocation, Long progressReportId, ObstacleCategory category,
                                 String description, LocalDate since, String by, OffsetDateTime now) {
        if (!allocation.active()) {
            throw new BusinessRuleException("ALLOCATION_NOT_ACTIVE", "obstacle.error.allocationNotActive",
                    allocation.allocationId());
        }
        if (category == null) {
            throw new BusinessRuleException("CATEGORY_REQUIRED", "obstacle.error.categoryRequired");
        }
        if (since == null) {
            throw new BusinessRuleException("SINCE_REQUIRED", "obstacle.error.sinceRequired");
        }
        if (since.isAfter(today(now))) {
            throw new BusinessRuleException("SINCE_IN_FUTURE", "obstacle.error.sinceInFuture");
        }
        return new Obstacle(allocation, progressReportId, category,
                text(description, MAX_TEXT, "DESCRIPTION", "obstacle.error.description"), since, by, now);
    }

    /** A follow-up action; the first one puts an open obstacle in follow-up. Not due before the obstacle began. */
    public void followUp(String action, String responsible, LocalDate dueDate, String by, OffsetDateTime now) {
        requireUnresolved();
        String what = text(action, MAX_ACTION, "ACTION", "obstacle.error.action");
        String who = text(responsible, MAX_RESPONSIBLE, "RESPONSIBLE", "obstacle.error.responsible");
        if (dueDate == null) {
            throw new BusinessRuleException("DUE_DATE_REQUIRED", "obstacle.error.dueDateRequired");
        }
        if (dueDate.isBefore(since)) {
            throw new BusinessRuleException("DUE_BEFORE_SINCE", "obstacle.error.dueBeforeSince");
        }
        followUps.add(new ObstacleFollowUp(what, who, dueDate, by, now));
        status = ObstacleStatus.IN_FOLLOW_UP;
    }

    /** The OPD asks the expert team for support ("perlu dukungan pimpinan"): once, while unresolved. */
    public void escalate(String by, OffsetDateTime now) {
        requireUnresolved();
        if (escalatedAt != null) {
            throw new BusinessRuleException("ALREADY_ESCALATED", "obstacle.error.alreadyEscalated");
        }
        escalatedAt = now;
        escalatedBy = by;
    }

    /** A message of the thread, from the expert team, an admin or the OPD's reply; a resolved obstacle is closed. */
    public void comment(String text, String by, OffsetDateTime now) {
        requireUnresolved();
        comments.add(new ObstacleComment(text(text, MAX_TEXT, "COMMENT", "obstacle.error.comment"), by, now));
    }

    /** Closes the obstacle with what was done about it. */
    public void resolve(String resolution, String by, OffsetDateTime now) {
        requireUnresolved();
        this.resolution = text(resolution, MAX_TEXT, "RESOLUTION", "obstacle.error.resolution");
        this.status = ObstacleStatus.RESOLVED;
        this.resolvedAt = now;
        this.resolvedBy = by;
    }

    public boolean escalated() {
        return escalatedAt != null;
    }

    public List<ObstacleFollowUp> followUps() {
        return Collections.unmodifiableList(followUps);
    }

    public List<ObstacleComment> comments() {
        return Collections.unmodifiableList(comments);
    }

    private void requireUnresolved() {
        if (status.resolved()) {
            throw new BusinessRuleException("OBSTACLE_ALREADY_RESOLVED", "obstacle.error.alreadyResolved");
        }
    }

    /** A required text, stripped: refused blank ({@code <FIELD>_REQUIRED}) or longer than {@code max} ({@code _TOO_LONG}). */
    private static String text(String value, int max, String field, String key) {
        if (value == null || value.isBlank()) {
            throw new BusinessRuleException(field + "_REQUIRED", key + "Required");
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new BusinessRuleException(field + "_TOO_LONG", key + "TooLong", max);
        }
        return stripped;
    }

    private static LocalDate today(OffsetDateTime now) {
        return now.atZoneSameInstant(JambiTime.ZONE).toLocalDate();
    }
}
