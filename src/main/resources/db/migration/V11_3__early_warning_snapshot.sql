-- The nightly early-warning record: per day, open fiscal year and OPD, how many allocations have passed
-- their planned month with nothing submitted, and how many disbursements have waited for verification
-- longer than dumisake.dashboard.waiting-days. The dashboard shows today's list; this keeps the trend
-- (is an OPD's backlog shrinking before the quarter closes?), which cannot be rebuilt later because
-- statuses move on. A second run on the same day replaces that day's figures.

CREATE TABLE early_warning_snapshot (
    snapshot_date         DATE          NOT NULL,
    fiscal_year           INTEGER       NOT NULL REFERENCES fiscal_year (year),
    opd_code              VARCHAR(30)   NOT NULL REFERENCES opd (code),
    overdue_allocations   INTEGER       NOT NULL CHECK (overdue_allocations >= 0),
    overdue_amount        NUMERIC(18,2) NOT NULL CHECK (overdue_amount >= 0),
    waiting_disbursements INTEGER       NOT NULL CHECK (waiting_disbursements >= 0),
    waiting_amount        NUMERIC(18,2) NOT NULL CHECK (waiting_amount >= 0),
    recorded_at           TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (fiscal_year, snapshot_date, opd_code)
);
