package id.go.jambiprov.dumisake.obstacle.domain;

import id.go.jambiprov.dumisake.obstacle.ObstacleCategory;
import id.go.jambiprov.dumisake.obstacle.ObstacleStatus;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The life of an obstacle: OPEN → IN_FOLLOW_UP → RESOLVED, one escalation, and nothing after it is resolved. */
class ObstacleTest {

    /** 1 a.m. in Jambi on 5 March 2026 is still 4 March in UTC: "today" is Jambi's. */
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-05T01:00:00+07:00");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 5);
    private static final RaisedOn RUNNING = new RaisedOn(7, 2026, "DISDIK", "15.01.01", true);

    @Test
    void aNewObstacleIsOpenAndNotEscalated() {
        Obstacle obstacle = raised();

        assertThat(obstacle.getStatus()).isEqualTo(ObstacleStatus.OPEN);
        assertThat(obstacle.escalated()).isFalse();
        assertThat(obstacle.getDescription()).isEqualTo("Gagal lelang");
        assertThat(obstacle.getOpdCode()).isEqualTo("DISDIK");
        assertThat(obstacle.getFiscalYear()).isEqualTo(2026);
    }

    @Test
    void itMayBeginTodayInJambiButNotTomorrow() {
        assertThat(Obstacle.raise(RUNNING, null, ObstacleCategory.SDM, "Pergantian PPTK", TODAY, "op", NOW).getSince())
                .isEqualTo(TODAY);
        assertRefused(() -> Obstacle.raise(RUNNING, null, ObstacleCategory.SDM, "Pergantian PPTK", TODAY.plusDays(1),
                "op", NOW), "SINCE_IN_FUTURE");
    }

    @Test
    void aCancelledAllocationTakesNoObstacle() {
        assertRefused(() -> Obstacle.raise(new RaisedOn(7, 2026, "DISDIK", "15.01.01", false), null,
                ObstacleCategory.SDM, "Pergantian PPTK", TODAY, "op", NOW), "ALLOCATION_NOT_ACTIVE");
    }

    @Test
    void aBlankOrOverlongDescriptionIsRefused() {
        assertRefused(() -> Obstacle.raise(RUNNING, null, ObstacleCategory.SDM, "  ", TODAY, "op", NOW),
                "DESCRIPTION_REQUIRED");
        assertRefused(() -> Obstacle.raise(RUNNING, null, ObstacleCategory.SDM, "x".repeat(2001), TODAY, "op", NOW),
                "DESCRIPTION_TOO_LONG");
        assertRefused(() -> Obstacle.raise(RUNNING, null, null, "Gagal lelang", TODAY, "op", NOW), "CATEGORY_REQUIRED");
    }

    @Test
    void theFirstFollowUpPutsItInFollowUpAndTheNextOnesKeepIt() {
        Obstacle obstacle = raised();

        obstacle.followUp("Tender ulang", "Pokja", TODAY.plusDays(30), "op", NOW);
        obstacle.followUp(" Evaluasi HPS ", "PPK", TODAY.plusDays(10), "op", NOW);

        assertThat(obstacle.getStatus()).isEqualTo(ObstacleStatus.IN_FOLLOW_UP);
        assertThat(obstacle.followUps()).extracting(ObstacleFollowUp::getAction).containsExactly("Tender ulang", "Evaluasi HPS");
    }

    @Test
    void aFollowUpIsNotDueBeforeTheObstacleBeganAndNeedsItsFields() {
        Obstacle obstacle = raised();

        assertRefused(() -> obstacle.followUp("Tender ulang", "Pokja", TODAY.minusDays(11), "op", NOW), "DUE_BEFORE_SINCE");
        assertRefused(() -> obstacle.followUp("", "Pokja", TODAY, "op", NOW), "ACTION_REQUIRED");
        assertRefused(() -> obstacle.followUp("Tender ulang", " ", TODAY, "op", NOW), "RESPONSIBLE_REQUIRED");
        assertRefused(() -> obstacle.followUp("Tender ulang", "Pokja", null, "op", NOW), "DUE_DATE_REQUIRED");
        assertThat(obstacle.getStatus()).isEqualTo(ObstacleStatus.OPEN);
        assertThat(obstacle.followUps()).isEmpty();
    }

    @Test
    void itIsEscalatedOnlyOnce() {
        Obstacle obstacle = raised();

        obstacle.escalate("op-disdik", NOW);

        assertThat(obstacle.escalated()).isTrue();
        assertThat(obstacle.getEscalatedBy()).isEqualTo("op-disdik");
        assertRefused(() -> obstacle.escalate("op-disdik", NOW.plusDays(1)), "ALREADY_ESCALATED");
        assertThat(obstacle.getEscalatedAt()).isEqualTo(NOW);
    }

    @Test
    void resolvingNeedsWhatWasDoneFromOpenOrFollowUp() {
        Obstacle open = raised();
        assertRefused(() -> open.resolve(" ", "op", NOW), "RESOLUTION_REQUIRED");
        open.resolve("SK ditetapkan", "op", NOW);
        assertThat(open.getStatus()).isEqualTo(ObstacleStatus.RESOLVED);
        assertThat(open.getResolution()).isEqualTo("SK ditetapkan");
        assertThat(open.getResolvedBy()).isEqualTo("op");

        Obstacle followedUp = raised();
        followedUp.followUp("Tender ulang", "Pokja", TODAY, "op", NOW);
        followedUp.resolve("Kontrak ditandatangani", "admin", NOW);
        assertThat(followedUp.getStatus()).isEqualTo(ObstacleStatus.RESOLVED);
    }

    @Test
    void aResolvedObstacleChangesNoMore() {
        Obstacle obstacle = raised();
        obstacle.resolve("Selesai", "op", NOW);

        assertRefused(() -> obstacle.followUp("Lagi", "Pokja", TODAY, "op", NOW), "OBSTACLE_ALREADY_RESOLVED");
        assertRefused(() -> obstacle.escalate("op", NOW), "OBSTACLE_ALREADY_RESOLVED");
        assertRefused(() -> obstacle.comment("Bagus", "ahli", NOW), "OBSTACLE_ALREADY_RESOLVED");
        assertRefused(() -> obstacle.resolve("Lagi", "admin", NOW), "OBSTACLE_ALREADY_RESOLVED");
        assertThat(obstacle.escalated()).isFalse();
        assertThat(obstacle.getResolution()).isEqualTo("Selesai");
    }

    @Test
    void commentsGrowTheThreadWithoutChangingTheStatus() {
        Obstacle obstacle = raised();

        obstacle.comment("Mohon data pendukung", "ahli", NOW);
        obstacle.comment("Sudah kami kirim", "op-disdik", NOW);

        assertThat(obstacle.comments()).extracting(ObstacleComment::getCreatedBy).containsExactly("ahli", "op-disdik");
        assertThat(obstacle.getStatus()).isEqualTo(ObstacleStatus.OPEN);
        assertRefused(() -> obstacle.comment("", "ahli", NOW), "COMMENT_REQUIRED");
    }

    private static Obstacle raised() {
        return Obstacle.raise(RUNNING, null, ObstacleCategory.PENGADAAN, " Gagal lelang ", TODAY.minusDays(10),
                "op-disdik", NOW);
    }

    private static void assertRefused(Runnable change, String code) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(BusinessRuleException.class,
                refused -> assertThat(refused.code()).isEqualTo(code));
    }
}
