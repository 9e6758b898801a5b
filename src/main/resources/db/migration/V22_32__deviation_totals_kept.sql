-- Kept deviation sums (issue 20, "fast without a cache"): the monev deviation view weights each group's planned and
-- physical progress, its realised money and its missing reports by allocation amount. Summed on every request that
-- is a pass over every active allocation of the year joined to its latest report (national scale: 220,000 rows, ~3 s
-- with 8 clients); kept here, a grouping reads one row per group's part: 7,144 kecamatan rows, or 5,600 rows of
-- kabupaten/kota, OPD and programme for the OPD, programme and kabupaten/kota groupings.
--
--   deviation_total  of the ACTIVE allocations of a fiscal year, at three levels (the level is part of the key):
--     1  per kabupaten/kota (region_code 'NN.NN'), OPD and programme — the OPD, programme and kabupaten/kota rows
--     2  per kecamatan (region_code 'NN.NN.NN'), every OPD and programme ('*', a code no OPD or programme has)
--     3  per kecamatan, OPD and programme — an operator's kecamatan rows (its OPD only)
--   with their number, amount and realised money, and
--     physical              Σ amount × physical % of the allocation's latest report (none: 0), rupiah × 100
--     planned_by[k]         Σ amount of those planned for month k or earlier (PlanCurve: an allocation is planned
--                           whole in its planned month), k = 1..12
--     unreported_before[k]  Σ amount of those whose latest report is for a month before k (none: month 0),
--                           k = 1..12 — at month m, the amount without a report for m
--
-- Who writes it: only the triggers below — on allocation (create, import, per-desa, revise, cancel, the spending a
-- disbursement verifies, the generator's INSERT … SELECT) and on progress_latest (every report written, taken over or
-- generated: the progress capability rebuilds an allocation's row there in the transaction of the report). They are
-- statement-level with transition tables, as allocation_total and aid_reach (V20_1, V22_1): one grouped change per
-- statement, however many rows.
--
-- Applied at commit: a kabupaten/kota row is shared by every writer of its kecamatan — an import of one envelope, a
-- report in another, a verification in a third — and a transaction may write in several statements (a JDBC batch is
-- one statement per row). Cells locked statement by statement could be taken in two orders by two transactions and
-- deadlock. So a statement's change goes to deviation_pending, and a deferred constraint trigger adds all of the
-- transaction's changes at commit, in one statement, cell by cell in key order: a transaction takes cells only
-- there, last, in the one order — no two can wait for each other in a circle. Every change is an increment
-- (INSERT … ON CONFLICT DO UPDATE SET x = x + …), never a read-modify-write, so concurrent commits add up.
--
-- A change depends on two rows of two tables — the allocation (amount, status, planned month, realised) and its latest
-- report — written by different transactions: a report and a revision of the same allocation at once must not both
-- count the other's old value. So the report side locks its allocations (FOR SHARE, in id order) before it reads them,
-- which an allocation write's row lock excludes: whichever comes second reads what the first committed (each statement
-- of a trigger function takes a new snapshot). The allocation side needs no lock: the progress capability's advisory
-- lock makes one report writer per allocation, and the report side reads the allocation only under the share lock.
-- The scale generator, which runs alone before the application is ready, skips the share lock of its bulk insert of
-- latest reports (kept_totals_deferred(), V21_40) rather than lock 220,000 rows.
--
-- No CHECK: PostgreSQL checks the proposed row of an INSERT … ON CONFLICT before it sees the conflict, so a negative
-- increment would be refused. deviation_total_differences() below recounts every row instead.
CREATE TABLE deviation_total (
    fiscal_year       INTEGER          NOT NULL,
    level             SMALLINT         NOT NULL,
    region_code       VARCHAR(8)       NOT NULL,
    opd_code          VARCHAR(30)      NOT NULL,
    programme_code    VARCHAR(30)      NOT NULL,
    allocations       INTEGER          NOT NULL,
    amount            NUMERIC(18, 2)   NOT NULL,
    realised          NUMERIC(18, 2)   NOT NULL,
    physical          NUMERIC(22, 4)   NOT NULL,
    planned_by        NUMERIC(18, 2)[] NOT NULL,
    unreported_before NUMERIC(18, 2)[] NOT NULL,
    PRIMARY KEY (fiscal_year, level, region_code, opd_code, programme_code)
);
-- an operator's rows: its OPD's, at level 1 or 3
CREATE INDEX deviation_total_opd_idx ON deviation_total (fiscal_year, opd_code, level);

-- What one allocation row adds to one row of deviation_total, signed (state after +1, before -1), with the months
-- its amount counts for: planned and last reported.
CREATE TYPE deviation_total_change AS (
    fiscal_year    INTEGER,
    level          SMALLINT,
    region_code    VARCHAR(8),
    opd_code       VARCHAR(30),
    programme_code VARCHAR(30),
    planned_month  INTEGER,
    report_month   INTEGER,
    allocations    INTEGER,
    amount         NUMERIC(18, 2),
    realised       NUMERIC(18, 2),
    physical       NUMERIC(22, 4)
);

-- An ACTIVE allocation counts at its three levels; any other, nowhere.
CREATE FUNCTION deviation_total_changes_of(a allocation, report_month INTEGER, physical_percent NUMERIC, sign INTEGER)
    RETURNS SETOF deviation_total_change
    LANGUAGE sql IMMUTABLE AS
$$
SELECT ROW(a.fiscal_year, l.level, l.region_code, l.opd_code, l.programme_code, a.planned_month,
           coalesce(report_month, 0), sign, sign * a.amount, sign * a.realised,
           sign * a.amount * coalesce(physical_percent, 0))::deviation_total_change
FROM (VALUES (1::smallint, left(a.kecamatan_code, 5)::varchar, a.opd_code, a.programme_code),
             (2::smallint, a.kecamatan_code, '*'::varchar, '*'::varchar),
             (3::smallint, a.kecamatan_code, a.opd_code, a.programme_code)) l (level, region_code, opd_code, programme_code)
WHERE a.status = 'ACTIVE'
$$;

-- The changes summed per row and months, those of nothing left out (a title, a version, the money a draft disbursement
-- holds, a report that moved no figure): such a statement leaves nothing pending and takes no cell.
CREATE FUNCTION deviation_total_net(changes deviation_total_change[]) RETURNS deviation_total_change[]
    LANGUAGE sql IMMUTABLE AS
$$
SELECT coalesce(array_agg(ROW(fiscal_year, level, region_code, opd_code, programme_code, planned_month, report_month,
                              allocations, amount, realised, physical)::deviation_total_change), '{}')
FROM (SELECT fiscal_year, level, region_code, opd_code, programme_code, planned_month, report_month,
             sum(allocations)::int AS allocations, sum(amount) AS amount, sum(realised) AS realised,
             sum(physical) AS physical
      FROM unnest(changes)
      GROUP BY 1, 2, 3, 4, 5, 6, 7
      HAVING sum(allocations) <> 0 OR sum(amount) <> 0 OR sum(realised) <> 0 OR sum(physical) <> 0) c
$$;

-- Element by element: the month arrays of a row and of a change.
CREATE FUNCTION deviation_months_add(kept NUMERIC[], change NUMERIC[]) RETURNS NUMERIC[]
    LANGUAGE sql IMMUTABLE AS
$$
SELECT array_agg(k + c ORDER BY i) FROM unnest(kept, change) WITH ORDINALITY u (k, c, i)
$$;

-- Adds the changes to their rows in key order, a row not there yet inserted.
CREATE FUNCTION deviation_total_add(changes deviation_total_change[]) RETURNS void
    LANGUAGE sql AS
$$
WITH months AS (
    SELECT c.fiscal_year, c.level, c.region_code, c.opd_code, c.programme_code, k.k,
           coalesce(sum(c.amount) FILTER (WHERE c.planned_month <= k.k), 0) AS planned,
           coalesce(sum(c.amount) FILTER (WHERE c.report_month < k.k), 0) AS unreported,
           sum(c.allocations) AS allocations, sum(c.amount) AS amount, sum(c.realised) AS realised,
           sum(c.physical) AS physical
    FROM unnest(changes) c CROSS JOIN generate_series(1, 12) k (k)
    GROUP BY 1, 2, 3, 4, 5, 6)
INSERT INTO deviation_total AS t (fiscal_year, level, region_code, opd_code, programme_code, allocations, amount,
                                  realised, physical, planned_by, unreported_before)
SELECT fiscal_year, level, region_code, opd_code, programme_code, min(allocations), min(amount), min(realised),
       min(physical), array_agg(planned ORDER BY k), array_agg(unreported ORDER BY k)
FROM months
GROUP BY 1, 2, 3, 4, 5
ORDER BY 1, 2, 3, 4, 5
ON CONFLICT (fiscal_year, level, region_code, opd_code, programme_code) DO UPDATE
    SET allocations = t.allocations + excluded.allocations, amount = t.amount + excluded.amount,
        realised = t.realised + excluded.realised, physical = t.physical + excluded.physical,
        planned_by = deviation_months_add(t.planned_by, excluded.planned_by),
        unreported_before = deviation_months_add(t.unreported_before, excluded.unreported_before)
$$;

-- A statement's net change, until its transaction commits. Unlogged: a row lives only inside its transaction.
CREATE UNLOGGED TABLE deviation_pending (
    changes deviation_total_change[] NOT NULL
);

CREATE FUNCTION deviation_pending_add(changes deviation_total_change[]) RETURNS void
    LANGUAGE plpgsql AS
$$
DECLARE
    net deviation_total_change[] := deviation_total_net(changes);
BEGIN
    IF cardinality(net) > 0 THEN
        INSERT INTO deviation_pending (changes) VALUES (net);
    END IF;
END;
$$;

-- At commit (deferred), once per pending row: the first adds all and deletes them, the others find none. The rows a
-- transaction sees here are its own: another's are uncommitted, and every transaction deletes its own before commit.
CREATE FUNCTION deviation_pending_applied() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF EXISTS (SELECT 1 FROM deviation_pending) THEN
        PERFORM deviation_total_add(array(SELECT c FROM deviation_pending p, unnest(p.changes) c));
        DELETE FROM deviation_pending;
    END IF;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER deviation_pending_at_commit AFTER INSERT ON deviation_pending
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION deviation_pending_applied();

-- The allocation side: each row with the latest report it has now (a new allocation has none).
CREATE FUNCTION allocation_deviation_kept() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM deviation_pending_add(array(
            SELECT c FROM new_rows n LEFT JOIN progress_latest r ON r.allocation_id = n.id,
                          deviation_total_changes_of(n, r.month, r.physical_percent, 1) c));
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM deviation_pending_add(array(
            SELECT c FROM new_rows n LEFT JOIN progress_latest r ON r.allocation_id = n.id,
                          deviation_total_changes_of(n, r.month, r.physical_percent, 1) c
            UNION ALL
            SELECT c FROM old_rows o LEFT JOIN progress_latest r ON r.allocation_id = o.id,
                          deviation_total_changes_of(o, r.month, r.physical_percent, -1) c));
    ELSE
        PERFORM deviation_pending_add(array(
            SELECT c FROM old_rows o LEFT JOIN progress_latest r ON r.allocation_id = o.id,
                          deviation_total_changes_of(o, r.month, r.physical_percent, -1) c));
    END IF;
    RETURN NULL;
END;
$$;

-- The report side: the allocation as it is now, with its latest report after (+1) and before (-1); a row inserted
-- replaces "no report", a row deleted leaves "no report".
CREATE FUNCTION progress_latest_deviation_kept() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM 1 FROM allocation a WHERE a.id IN (SELECT allocation_id FROM old_rows) ORDER BY a.id FOR SHARE;
    ELSIF NOT (TG_OP = 'INSERT' AND kept_totals_deferred()) THEN
        PERFORM 1 FROM allocation a WHERE a.id IN (SELECT allocation_id FROM new_rows) ORDER BY a.id FOR SHARE;
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM deviation_pending_add(array(
            SELECT c FROM new_rows n JOIN allocation a ON a.id = n.allocation_id,
                          deviation_total_changes_of(a, n.month, n.physical_percent, 1) c
            UNION ALL
            SELECT c FROM new_rows n JOIN allocation a ON a.id = n.allocation_id,
                          deviation_total_changes_of(a, NULL, NULL, -1) c));
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM deviation_pending_add(array(
            SELECT c FROM new_rows n JOIN allocation a ON a.id = n.allocation_id,
                          deviation_total_changes_of(a, n.month, n.physical_percent, 1) c
            UNION ALL
            SELECT c FROM old_rows o JOIN allocation a ON a.id = o.allocation_id,
                          deviation_total_changes_of(a, o.month, o.physical_percent, -1) c));
    ELSE
        PERFORM deviation_pending_add(array(
            SELECT c FROM old_rows o JOIN allocation a ON a.id = o.allocation_id,
                          deviation_total_changes_of(a, NULL, NULL, 1) c
            UNION ALL
            SELECT c FROM old_rows o JOIN allocation a ON a.id = o.allocation_id,
                          deviation_total_changes_of(a, o.month, o.physical_percent, -1) c));
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER allocation_deviation_insert AFTER INSERT ON allocation
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION allocation_deviation_kept();
CREATE TRIGGER allocation_deviation_update AFTER UPDATE ON allocation
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION allocation_deviation_kept();
CREATE TRIGGER allocation_deviation_delete AFTER DELETE ON allocation
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION allocation_deviation_kept();
CREATE TRIGGER progress_latest_deviation_insert AFTER INSERT ON progress_latest
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_latest_deviation_kept();
CREATE TRIGGER progress_latest_deviation_update AFTER UPDATE ON progress_latest
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION progress_latest_deviation_kept();
CREATE TRIGGER progress_latest_deviation_delete AFTER DELETE ON progress_latest
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_latest_deviation_kept();

-- Figures whose kept value differs from a recount of the allocation rows and their latest reports (none, when the
-- triggers did their work), of one fiscal year or, with null, of all: the figure, and for planned_by and
-- unreported_before its month. Run after commit (or SET CONSTRAINTS deviation_pending_at_commit IMMEDIATE): the
-- changes of a transaction are added when it commits. The reconciliation the tests and the scale generator run.
CREATE FUNCTION deviation_total_differences(year INTEGER)
    RETURNS TABLE (fiscal_year INTEGER, level SMALLINT, region_code VARCHAR, opd_code VARCHAR, programme_code VARCHAR,
                   figure TEXT, month INTEGER, kept NUMERIC, counted NUMERIC)
    LANGUAGE sql STABLE AS
$$
WITH rows AS (
    SELECT c.*
    FROM allocation a
    LEFT JOIN progress_latest r ON r.allocation_id = a.id,
         deviation_total_changes_of(a, r.month, r.physical_percent, 1) c
    WHERE year IS NULL OR a.fiscal_year = year),
counted AS (
    SELECT c.fiscal_year, c.level, c.region_code, c.opd_code, c.programme_code, k.k,
           sum(c.amount) FILTER (WHERE c.planned_month <= k.k) AS planned,
           sum(c.amount) FILTER (WHERE c.report_month < k.k) AS unreported,
           sum(c.allocations) AS allocations, sum(c.amount) AS amount, sum(c.realised) AS realised,
           sum(c.physical) AS physical
    FROM rows c CROSS JOIN generate_series(1, 12) k (k)
    GROUP BY 1, 2, 3, 4, 5, 6),
kept AS (
    SELECT t.fiscal_year, t.level, t.region_code, t.opd_code, t.programme_code, m.k, m.planned, m.unreported,
           t.allocations, t.amount, t.realised, t.physical
    FROM deviation_total t
    CROSS JOIN unnest(t.planned_by, t.unreported_before) WITH ORDINALITY m (planned, unreported, k)
    WHERE year IS NULL OR t.fiscal_year = year),
figures AS (
    SELECT coalesce(k.fiscal_year, c.fiscal_year) AS fiscal_year, coalesce(k.level, c.level) AS level,
           coalesce(k.region_code, c.region_code) AS region_code, coalesce(k.opd_code, c.opd_code) AS opd_code,
           coalesce(k.programme_code, c.programme_code) AS programme_code, coalesce(k.k, c.k)::int AS k, f.monthly,
           f.figure, f.kept, f.counted
    FROM kept k
    FULL JOIN counted c ON c.fiscal_year = k.fiscal_year AND c.level = k.level AND c.region_code = k.region_code
                       AND c.opd_code = k.opd_code AND c.programme_code = k.programme_code AND c.k = k.k
    CROSS JOIN LATERAL (VALUES
        (false, 'allocations', coalesce(k.allocations, 0)::numeric, coalesce(c.allocations, 0)::numeric),
        (false, 'amount', coalesce(k.amount, 0), coalesce(c.amount, 0)),
        (false, 'realised', coalesce(k.realised, 0), coalesce(c.realised, 0)),
        (false, 'physical', coalesce(k.physical, 0), coalesce(c.physical, 0)),
        (true, 'planned_by', coalesce(k.planned, 0), coalesce(c.planned, 0)),
        (true, 'unreported_before', coalesce(k.unreported, 0), coalesce(c.unreported, 0))) f (monthly, figure, kept,
                                                                                            counted))
SELECT DISTINCT fiscal_year, level, region_code, opd_code, programme_code, figure, CASE WHEN monthly THEN k END, kept,
       counted
FROM figures
WHERE kept <> counted
ORDER BY 1, 2, 3, 4, 5, 6, 7
$$;

-- The rows of the allocations and reports there are, a year at a time.
DO
$$
DECLARE
    y INTEGER;
BEGIN
    FOR y IN SELECT DISTINCT a.fiscal_year FROM allocation a ORDER BY 1 LOOP
        PERFORM deviation_total_add(deviation_total_net(array(
            SELECT c FROM allocation a LEFT JOIN progress_latest r ON r.allocation_id = a.id,
                          deviation_total_changes_of(a, r.month, r.physical_percent, 1) c
            WHERE a.fiscal_year = y)));
    END LOOP;
END;
$$;
