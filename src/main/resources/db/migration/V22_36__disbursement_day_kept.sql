-- Kept day totals of the disbursements (issue 20, "fast without a cache"). Every province page and the summary API ask
-- how much waits for verification (and how much of it for long), and what last year had realised by the same date;
-- the S-curve asks what was realised per month this year and last. Each was a pass over the year's submitted or
-- verified tranches (V13_1's partial indexes): at national scale 66,000 submitted (16 ms a request) and up to half a
-- million verified. This keeps them per fiscal year and day, 365 rows a year:
--
--   disbursement_day  per fiscal year and day
--     waiting          the number of SUBMITTED tranches submitted that day (submitted_at, in WIB)
--     waiting_amount   their money
--     verified         the money of the VERIFIED tranches with that SP2D date
--
-- Province-wide only: a view of one kabupaten/kota or one OPD reads the tranches themselves, which its filter makes few.
--
-- Who writes it: only the triggers below, on every write of a disbursement (created, edited, submitted, verified,
-- rejected, taken over from a spreadsheet), statement-level with transition tables. The row of a day is shared by
-- every writer of the province on that day, so a statement's change waits in disbursement_day_pending and is added at
-- commit, as allocation_rollup's (V22_32): a transaction holds the day's row only while it commits. A verification or
-- a rejection changes both tables; at commit the allocation roll-up is always added first and the days second,
-- whichever trigger fires first, so that two transactions never take the rows of the two tables in opposite orders.
-- The scale generator defers the trigger for its inserts (kept_totals_deferred(), V21_40) and adds a year's days
-- once from its rows. A rolled-back test that reads the days runs SET CONSTRAINTS disbursement_day_at_commit IMMEDIATE.

-- the day of a waiting tranche is that of its submission: one without it could not be counted
ALTER TABLE disbursement ADD CONSTRAINT disbursement_submitted_has_time
    CHECK (status <> 'SUBMITTED' OR submitted_at IS NOT NULL);

CREATE TABLE disbursement_day (
    fiscal_year    INTEGER        NOT NULL,
    day            DATE           NOT NULL,
    waiting        INTEGER        NOT NULL,
    waiting_amount NUMERIC(18, 2) NOT NULL,
    verified       NUMERIC(18, 2) NOT NULL,
    PRIMARY KEY (fiscal_year, day)
);

-- What one disbursement row adds to its day, signed (+1 as it is, -1 as it was): a SUBMITTED tranche to the day of its
-- submission, a VERIFIED one to its SP2D date, any other nothing. The one place of the rule: the triggers, the first
-- fill and the recount below sum it.
CREATE FUNCTION disbursement_day_change(d disbursement, sign INTEGER)
    RETURNS TABLE (fiscal_year INTEGER, day DATE, waiting INTEGER, waiting_amount NUMERIC, verified NUMERIC)
    LANGUAGE sql IMMUTABLE AS
$$
SELECT d.fiscal_year,
       CASE WHEN d.status = 'SUBMITTED' THEN (d.submitted_at AT TIME ZONE 'Asia/Jakarta')::date ELSE d.sp2d_date END,
       sign * (d.status = 'SUBMITTED')::int,
       CASE WHEN d.status = 'SUBMITTED' THEN sign * d.amount ELSE 0 END,
       CASE WHEN d.status = 'VERIFIED' THEN sign * d.amount ELSE 0 END
WHERE d.status IN ('SUBMITTED', 'VERIFIED')
$$;

-- A statement's net change per day, until its transaction commits. Unlogged: a row lives only inside its transaction.
CREATE UNLOGGED TABLE disbursement_day_pending (
    fiscal_year    INTEGER        NOT NULL,
    day            DATE           NOT NULL,
    waiting        BIGINT         NOT NULL,
    waiting_amount NUMERIC        NOT NULL,
    verified       NUMERIC        NOT NULL
);

-- Adds the changes to their days in key order, a day not there yet inserted. Every change is an increment, never a
-- read-modify-write, so that concurrent commits add up.
CREATE FUNCTION disbursement_day_add() RETURNS void
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO disbursement_day AS t (fiscal_year, day, waiting, waiting_amount, verified)
    SELECT p.fiscal_year, p.day, sum(p.waiting), sum(p.waiting_amount), sum(p.verified)
    FROM disbursement_day_pending p
    GROUP BY 1, 2
    ORDER BY 1, 2
    ON CONFLICT (fiscal_year, day) DO UPDATE
        SET waiting = t.waiting + excluded.waiting, waiting_amount = t.waiting_amount + excluded.waiting_amount,
            verified = t.verified + excluded.verified;
    DELETE FROM disbursement_day_pending;
END;
$$;

-- The allocation roll-up's application at commit (V22_32), as a function the days' can call first.
CREATE FUNCTION allocation_rollup_pending_apply() RETURNS void
    LANGUAGE plpgsql AS
$$
BEGIN
    IF EXISTS (SELECT 1 FROM allocation_rollup_pending) THEN
        PERFORM allocation_rollup_add(array(SELECT c FROM allocation_rollup_pending p, unnest(p.changes) c));
        DELETE FROM allocation_rollup_pending;
    END IF;
END;
$$;

CREATE OR REPLACE FUNCTION allocation_rollup_pending_applied() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM allocation_rollup_pending_apply();
    RETURN NULL;
END;
$$;

-- At commit (deferred), once per pending row: the first adds all and deletes them, the others find none. The roll-up
-- first: one order of the two tables' rows for every transaction.
CREATE FUNCTION disbursement_day_pending_applied() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF EXISTS (SELECT 1 FROM disbursement_day_pending) THEN
        PERFORM allocation_rollup_pending_apply();
        PERFORM disbursement_day_add();
    END IF;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER disbursement_day_at_commit AFTER INSERT ON disbursement_day_pending
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION disbursement_day_pending_applied();

-- A statement's rows after (+) and before (-), netted per day; a change that moves no figure (a draft, an edit, a
-- rejection of what was never submitted) leaves nothing pending.
CREATE FUNCTION disbursement_day_kept() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'INSERT' AND kept_totals_deferred() THEN
        RETURN NULL;
    END IF;
    -- nested: a statement is planned whole, and an insert's has no old rows to name
    IF TG_OP = 'INSERT' THEN
        INSERT INTO disbursement_day_pending
        SELECT c.fiscal_year, c.day, sum(c.waiting), sum(c.waiting_amount), sum(c.verified)
        FROM new_rows n, disbursement_day_change(n, 1) c
        GROUP BY 1, 2;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO disbursement_day_pending
        SELECT c.fiscal_year, c.day, sum(c.waiting), sum(c.waiting_amount), sum(c.verified)
        FROM (SELECT c.* FROM new_rows n, disbursement_day_change(n, 1) c
              UNION ALL
              SELECT c.* FROM old_rows o, disbursement_day_change(o, -1) c) c
        GROUP BY 1, 2
        HAVING sum(c.waiting) <> 0 OR sum(c.waiting_amount) <> 0 OR sum(c.verified) <> 0;
    ELSE
        INSERT INTO disbursement_day_pending
        SELECT c.fiscal_year, c.day, sum(c.waiting), sum(c.waiting_amount), sum(c.verified)
        FROM old_rows o, disbursement_day_change(o, -1) c
        GROUP BY 1, 2;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER disbursement_day_insert AFTER INSERT ON disbursement
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION disbursement_day_kept();
CREATE TRIGGER disbursement_day_update AFTER UPDATE ON disbursement
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION disbursement_day_kept();
CREATE TRIGGER disbursement_day_delete AFTER DELETE ON disbursement
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION disbursement_day_kept();

-- The kept days of a year (null: all) and a recount of them from the disbursement rows: the rows where they differ
-- (none, when the triggers did their work; a day that is missing counts as zeros). Run after commit (or SET
-- CONSTRAINTS disbursement_day_at_commit IMMEDIATE). It reads every tranche of the year: for tests, the scale
-- generator and operators, never a page.
CREATE FUNCTION disbursement_day_differences(year INTEGER)
    RETURNS TABLE (fiscal_year INTEGER, day DATE, figure TEXT, kept NUMERIC, counted NUMERIC)
    LANGUAGE sql STABLE AS
$$
WITH counted AS (
    SELECT c.fiscal_year, c.day, sum(c.waiting) AS waiting, sum(c.waiting_amount) AS waiting_amount,
           sum(c.verified) AS verified
    FROM disbursement d, disbursement_day_change(d, 1) c
    WHERE year IS NULL OR d.fiscal_year = year
    GROUP BY 1, 2),
kept AS (
    SELECT * FROM disbursement_day t WHERE year IS NULL OR t.fiscal_year = year)
SELECT coalesce(k.fiscal_year, c.fiscal_year), coalesce(k.day, c.day), f.figure, f.kept, f.counted
FROM kept k
FULL JOIN counted c ON c.fiscal_year = k.fiscal_year AND c.day = k.day
CROSS JOIN LATERAL (VALUES
    ('waiting', coalesce(k.waiting, 0)::numeric, coalesce(c.waiting, 0)::numeric),
    ('waiting_amount', coalesce(k.waiting_amount, 0), coalesce(c.waiting_amount, 0)),
    ('verified', coalesce(k.verified, 0), coalesce(c.verified, 0))) f (figure, kept, counted)
WHERE f.kept <> f.counted
ORDER BY 1, 2, 3
$$;

-- The days of the disbursements there are.
INSERT INTO disbursement_day (fiscal_year, day, waiting, waiting_amount, verified)
SELECT c.fiscal_year, c.day, sum(c.waiting), sum(c.waiting_amount), sum(c.verified)
FROM disbursement d, disbursement_day_change(d, 1) c
GROUP BY 1, 2
ORDER BY 1, 2;
