-- Inbox (pemberitahuan), issue 15: one row per recipient and notification. What happened is kept as a kind
-- and its parameters, never as a sentence, so that each reader gets it in their own language when they read
-- it. The dedup key names the occurrence (e.g. "disbursement:12:rejected:v3", "report-due:40:2026-12"): a
-- listener or a reminder job that runs twice, on one instance or on two, adds nothing the second time.
CREATE TABLE notification (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient  VARCHAR(50)  NOT NULL REFERENCES user_account (username),
    kind       VARCHAR(30)  NOT NULL CHECK (kind IN ('REVIEW_NOTE_ON_OPD', 'REVIEW_NOTE_ON_ALLOCATION',
                                                     'REVIEW_NOTE_ON_KECAMATAN', 'REVIEW_NOTE_ANSWERED',
                                                     'DISBURSEMENT_SUBMITTED', 'DISBURSEMENT_REJECTED',
                                                     'OBSTACLE_ESCALATED', 'OBSTACLE_COMMENTED', 'REPORT_DUE')),
    params     TEXT[]       NOT NULL DEFAULT '{}',
    -- a path of this application; the e-mail digest puts the configured base URL in front
    link       VARCHAR(300) NOT NULL CHECK (link LIKE '/%'),
    dedup_key  VARCHAR(200) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    read_at    TIMESTAMPTZ,
    -- when the daily digest mailed it; a digest lists only what is unread and not mailed yet
    mailed_at  TIMESTAMPTZ,
    CONSTRAINT notification_once UNIQUE (recipient, dedup_key)
);
-- the inbox, newest first
CREATE INDEX notification_inbox_idx ON notification (recipient, created_at DESC, id DESC);
-- the unread count in the navigation of every page
CREATE INDEX notification_unread_idx ON notification (recipient) WHERE read_at IS NULL;
