package id.go.jambiprov.dumisake.notification.internal;

import id.go.jambiprov.dumisake.account.Role;
import id.go.jambiprov.dumisake.dashboard.ReviewNoteAnswered;
import id.go.jambiprov.dumisake.dashboard.ReviewNoteWritten;
import id.go.jambiprov.dumisake.disbursement.DisbursementRejected;
import id.go.jambiprov.dumisake.disbursement.DisbursementSubmitted;
import id.go.jambiprov.dumisake.notification.NotificationKind;
import id.go.jambiprov.dumisake.obstacle.ObstacleCommented;
import id.go.jambiprov.dumisake.obstacle.ObstacleEscalated;
import id.go.jambiprov.dumisake.region.KecamatanSummary;
import id.go.jambiprov.dumisake.region.RegionService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;

/**
 * Who is told what. Plain {@link EventListener}s on purpose: they run inside the publisher's transaction, so the
 * notification commits together with the note, disbursement or obstacle it reports, or not at all. A listener
 * after the commit ({@code @TransactionalEventListener}, {@code @ApplicationModuleListener}) would lose it if the
 * instance stopped in between, since this application keeps no event publication log — and a lost notification
 * is worse than a late one. The cost is one indexed insert in the writer's transaction.
 */
@Component
class NotificationListeners {

    private final NotificationStore store;
    private final RegionService regions;

    NotificationListeners(NotificationStore store, RegionService regions) {
        this.store = store;
        this.regions = regions;
    }

    /**
     * A note on an OPD or an allocation reaches that OPD's operators; a note on a kecamatan reaches the operators
     * of every OPD with an active allocation there that year (the note itself is kecamatan-wide, hence its text
     * travels with the notification).
     */
    @EventListener
    void reviewNoteWritten(ReviewNoteWritten note) {
        String key = "review-note:" + note.noteId() + ":written";
        List<String> params = Arrays.asList(note.author(), note.targetLabel(), Notice.excerpt(note.text()));
        String link = noteLink(note.targetType(), note.targetCode(), note.fiscalYear());
        switch (note.targetType()) {
            case "KECAMATAN" -> store.toOperatorsActiveIn(note.targetCode(), note.fiscalYear(),
                    new Notice(NotificationKind.REVIEW_NOTE_ON_KECAMATAN, params, link, key));
            case "OPD" -> store.toOperatorsOf(note.opdCode(),
                    new Notice(NotificationKind.REVIEW_NOTE_ON_OPD, params, link, key));
            default -> store.toOperatorsOf(note.opdCode(),
                    new Notice(NotificationKind.REVIEW_NOTE_ON_ALLOCATION, params, link, key));
        }
    }

    /** The reply reaches the note's author (an expert or an admin), unless they answered it themselves. */
    @EventListener
    void reviewNoteAnswered(ReviewNoteAnswered answer) {
        if (answer.author().equals(answer.answeredBy())) {
            return;
        }
        store.toUser(answer.author(), new Notice(NotificationKind.REVIEW_NOTE_ANSWERED,
                Arrays.asList(answer.answeredBy(), answer.targetLabel(), Notice.excerpt(answer.reply())),
                noteLink(answer.targetType(), answer.targetCode(), answer.fiscalYear()),
                "review-note:" + answer.noteId() + ":answered"));
    }

    /** Every admin may verify, so every admin is told; the first to decide empties the others' queue. */
    @EventListener
    void disbursementSubmitted(DisbursementSubmitted submitted) {
        store.toRole(Role.ADMIN, new Notice(NotificationKind.DISBURSEMENT_SUBMITTED,
                Arrays.asList(submitted.opdCode(), String.valueOf(submitted.tranche()), submitted.allocationTitle(),
                        submitted.kecamatanName(), submitted.amount().toPlainString()),
                "/pencairan/" + submitted.disbursementId(),
                "disbursement:" + submitted.disbursementId() + ":submitted:v" + submitted.version()));
    }

    @EventListener
    void disbursementRejected(DisbursementRejected rejected) {
        store.toOperatorsOf(rejected.opdCode(), new Notice(NotificationKind.DISBURSEMENT_REJECTED,
                Arrays.asList(String.valueOf(rejected.tranche()), rejected.allocationTitle(), rejected.kecamatanName(),
                        Notice.excerpt(rejected.reason()), rejected.rejectedBy()),
                "/pencairan/" + rejected.disbursementId(),
                "disbursement:" + rejected.disbursementId() + ":rejected:v" + rejected.version()));
    }

    @EventListener
    void obstacleEscalated(ObstacleEscalated escalated) {
        KecamatanSummary kecamatan = regions.kecamatan(escalated.kecamatanCode());
        store.toRole(Role.EXPERT, new Notice(NotificationKind.OBSTACLE_ESCALATED,
                Arrays.asList(escalated.opdCode(), kecamatan.name() + ", " + kecamatan.kabupatenKotaName(),
                        Notice.excerpt(escalated.description())),
                "/kendala/" + escalated.obstacleId(), "obstacle:" + escalated.obstacleId() + ":escalated"));
    }

    /** Each comment is an occurrence of its own. */
    @EventListener
    void obstacleCommented(ObstacleCommented commented) {
        store.toOperatorsOf(commented.opdCode(), new Notice(NotificationKind.OBSTACLE_COMMENTED,
                Arrays.asList(commented.commentedBy(), Notice.excerpt(commented.description())),
                "/kendala/" + commented.obstacleId(),
                "obstacle:" + commented.obstacleId() + ":comment:" + store.commentOccurrence(commented.obstacleId())));
    }

    /** Where the note is shown: the allocation's page, or the dashboard of the OPD or kecamatan in its year. */
    private static String noteLink(String targetType, String targetCode, Integer year) {
        String yearParameter = year == null ? "" : "?year=" + year;
        return switch (targetType) {
            case "KECAMATAN" -> "/dasbor/kecamatan/" + targetCode + yearParameter;
            case "OPD" -> "/dasbor/opd/" + targetCode + yearParameter;
            default -> "/alokasi/" + targetCode;
        };
    }
}
