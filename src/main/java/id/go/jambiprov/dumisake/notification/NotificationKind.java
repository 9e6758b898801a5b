package id.go.jambiprov.dumisake.notification;

/**
 * What a notification is about. Each kind has a sentence {@code notification.text.<KIND>} in the message
 * bundles; the parameters stored with a notification are that sentence's arguments, in this order.
 */
public enum NotificationKind {
    /** author, OPD name, note excerpt */
    REVIEW_NOTE_ON_OPD,
    /** author, allocation label, note excerpt */
    REVIEW_NOTE_ON_ALLOCATION,
    /** author, kecamatan label, note excerpt */
    REVIEW_NOTE_ON_KECAMATAN,
    /** who answered, what the note was about, reply excerpt */
    REVIEW_NOTE_ANSWERED,
    /** OPD code, tranche, allocation title, kecamatan name, amount (plain decimal) */
    DISBURSEMENT_SUBMITTED,
    /** tranche, allocation title, kecamatan name, reason, who rejected */
    DISBURSEMENT_REJECTED,
    /** OPD code, kecamatan label, obstacle excerpt */
    OBSTACLE_ESCALATED,
    /** who commented, obstacle excerpt */
    OBSTACLE_COMMENTED,
    /** allocation title, kecamatan name, month ({@code 2026-12}) */
    REPORT_DUE
}
