-- Issue 6, second part: imports run in the background with their progress, and aid can be cancelled.

-- The import row becomes the import job: its state and progress are written while it runs (in their own
-- short transactions, so that the page polling it sees them) and its result when it ends.
ALTER TABLE beneficiary_import
    ADD COLUMN status           VARCHAR(10) NOT NULL DEFAULT 'QUEUED'
        CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'REFUSED', 'FAILED')),
    ADD COLUMN phase            VARCHAR(10) NOT NULL DEFAULT 'QUEUED'
        CHECK (phase IN ('QUEUED', 'READING', 'VALIDATING', 'WRITING', 'DONE')),
    -- the uploader's OPD (null for an admin): its operators and the admins may see the job
    ADD COLUMN opd_code         VARCHAR(30) REFERENCES opd (code),
    ADD COLUMN rows_validated   INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN records_to_write INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN records_written  INTEGER     NOT NULL DEFAULT 0,
    -- the first errors for the page (the full list is error_report)
    ADD COLUMN error_preview    JSONB,
    ADD COLUMN failure_code     VARCHAR(40),
    ADD COLUMN failure_message  VARCHAR(1000),
    ADD COLUMN started_at       TIMESTAMPTZ,
    ADD COLUMN updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN finished_at      TIMESTAMPTZ;

-- imports before this migration ran within their request and ended there
UPDATE beneficiary_import
SET status = CASE WHEN error_count > 0 THEN 'REFUSED' ELSE 'SUCCEEDED' END, phase = 'DONE',
    rows_validated = rows_read, records_to_write = beneficiaries_created + aid_created,
    records_written = beneficiaries_created + aid_created, started_at = created_at, finished_at = created_at;
UPDATE beneficiary_import i SET opd_code = u.opd_code FROM user_account u WHERE u.username = i.created_by;

-- One import at a time per OPD (per account for admins), across instances: a second upload while one is
-- queued or running is refused by this index.
CREATE UNIQUE INDEX beneficiary_import_one_running ON beneficiary_import ((coalesce(opd_code, '@' || created_by)))
    WHERE status IN ('QUEUED', 'RUNNING');
CREATE INDEX beneficiary_import_opd_idx ON beneficiary_import (opd_code, id DESC);

-- Cancelling aid: the record stays (audited, shown as cancelled with its reason) and stops counting. The
-- double-receipt index of V10_1 is already partial (WHERE status <> 'CANCELLED'), so a cancelled record
-- no longer blocks the same NIK, programme and year; the allocation's room is summed over active aid only.
ALTER TABLE aid
    ADD COLUMN version       BIGINT       NOT NULL DEFAULT 0,
    ADD COLUMN cancel_reason VARCHAR(500),
    ADD COLUMN cancelled_at  TIMESTAMPTZ,
    ADD COLUMN cancelled_by  VARCHAR(50);
UPDATE aid SET cancel_reason = '-', cancelled_at = created_at, cancelled_by = created_by
WHERE status = 'CANCELLED' AND cancel_reason IS NULL;
ALTER TABLE aid ADD CONSTRAINT aid_cancel_has_reason
    CHECK ((status = 'CANCELLED') = (cancel_reason IS NOT NULL AND cancelled_at IS NOT NULL));

-- the beneficiary counts of the dashboards read the active aid of one year
CREATE INDEX aid_year_active_idx ON aid (fiscal_year, opd_code) WHERE status <> 'CANCELLED';
