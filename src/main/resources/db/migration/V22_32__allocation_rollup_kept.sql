-- Kept roll-ups of the allocations (issue 20, "fast without a cache"). Summing a year's allocations on every request
-- is a pass over 220,000 rows at national scale (the monev deviation joined each to its latest report: ~3 s with 8
-- clients); allocation_total (V20_1) keeps them per kecamatan, OPD, programme and mechanism, which is still 78,000
-- cells for a province-wide figure. This keeps the same allocations rolled up further, so that a province-wide
-- breakdown or list footer reads ~8,000 rows of kabupaten/kota and a kecamatan grouping 7,144 — with the figures of
-- the monev deviation beside the money.
--
--   allocation_rollup  of the allocations of a fiscal year, at three levels (the level is part of the key):
--     1  per kabupaten/kota (region_code 'NN.NN'), OPD, programme and mechanism — the province's and a kabupaten/kota's
--        breakdowns, list footers without a kecamatan, the deviation by OPD, programme and kabupaten/kota
--     2  per kecamatan (region_code 'NN.NN.NN'), every OPD, programme and mechanism ('*', a code none has) — the
--        deviation by kecamatan
--     3  per kecamatan, OPD, programme and mechanism — an operator's deviation by kecamatan (its OPD only)
--   with the number of ACTIVE and of CANCELLED allocations, and of the ACTIVE ones their amount, disbursed and realised
--   money (as allocation_total counts them), and
--     physical              Σ amount × physical % of the allocation's latest report (none: 0), rupiah × 100
--     planned_by[k]         Σ amount of those planned for month k or earlier (PlanCurve: an allocation is planned
--                           whole in its planned month), k = 1..12
--     unreported_before[k]  Σ amount of those whose latest report is for a month before k (none: month 0),
--                           k = 1..12 — at month m, the amount without a report for m
--
-- Who writes it: only the triggers below — on allocation (create, import, per-desa, revise, cancel, the spending the
-- disbursement capability records, the generator's INSERT … SELECT) and on progress_latest (every report written,
-- taken over or generated: the progress capability rebuilds an allocation's row there in the transaction of the
-- report). They are statement-level with transition tables, as allocation_total and aid_reach (V20_1, V22_1): one
-- grouped change per statement, however many rows.
--
-- Applied at commit: a kabupaten/kota row is shared by every writer of its kecamatan — an import into one envelope, a
-- report in another, a verification in a third — and a transaction may write in several statements (a JDBC batch is
-- one statement per row). Rows locked statement by statement could be taken in two orders by two transactions and
-- deadlock. So a statement's change goes to allocation_rollup_pending, and a deferred constraint trigger adds all of
-- the transaction's changes at commit, in one statement, row by row in key order: a transaction takes rows only there,
-- last, in the one order — no two can wait for each other in a circle. Every change is an increment
-- (INSERT … ON CONFLICT DO UPDATE SET x = x + …), never a read-modify-write, so concurrent commits add up. The price:
-- inside a transaction that wrote, its own changes show only after its commit (a test that rolls back runs
-- SET CONSTRAINTS allocation_rollup_at_commit IMMEDIATE first).
--
-- A change depends on two rows of two tables — the allocation (amount, status, planned month, money) and its latest
-- report — written by different transactions: a report and a revision of the same allocation at once must not both
-- count the other's old value. So the report side locks its allocations (FOR SHARE, in id order) before it reads them,
-- which an allocation write's row lock excludes: whichever comes second reads what the first committed (each statement
-- of a trigger function takes a new snapshot). The allocation side needs no lock: the progress capability's advisory
-- lock makes one report writer per allocation, and the report side reads the allocation only under the share lock.
-- The scale generator, which runs alone before the application is ready, defers both sides for the rows it inserts
-- (kept_totals_deferred(), V21_40: as for allocation_total, only inserts, only outside prod) and adds a year's roll-up
-- once from its allocations and their latest reports; each insert would otherwise pass over 220,000 allocations.
--
-- The price is on writes, under the envelope lock an allocation write holds to its commit: on one hot envelope (8
-- writers, bench/allocation-hot-envelope.py) p95 66-71 -> 99-146 ms, 2,400 creations in 13-14 -> 13-19 s.
--
-- No CHECK: PostgreSQL checks the proposed row of an INSERT … ON CONFLICT before it sees the conflict, so a negative
-- increment would be refused. allocation_rollup_differences() below recounts every row instead.
CREATE TABLE allocation_rollup (
    fiscal_year       INTEGER          NOT NULL,
    level             SMALLINT         NOT NULL,
    region_code       VARCHAR(8)       NOT NULL,
    opd_code          VARCHAR(30)      NOT NULL,
    programme_code    VARCHAR(30)      NOT NULL,
    mechanism         VARCHAR(30)      NOT NULL,
    allocations       INTEGER          NOT NULL,
    cancelled         INTEGER          NOT NULL,
    amount            NUMERIC(18, 2)   NOT NULL,
    disbursed         NUMERIC(18, 2)   NOT NULL,
    realised          NUMERIC(18, 2)   NOT NULL,
    physical          NUMERIC(22, 4)   NOT NULL,
    planned_by        NUMERIC(18, 2)[] NOT NULL,
    unreported_before NUMERIC(18, 2)[] NOT NULL,
    PRIMARY KEY (fiscal_year, level, region_code, opd_code, programme_code, mechanism)
);
-- an operator's rows: its OPD's, at level 1 or 3
CREATE INDEX allocation_rollup_opd_idx ON allocation_rollup (fiscal_year, opd_code, level);

-- The province breakdown and the footers without a kecamatan read the roll-up now, so V22_30's index of the kept
-- cells in grouping order has no reader left (an operator's cells are found by allocation_total_opd_idx): dropped,
-- and with it the index entry every kept cell's change wrote.
DROP INDEX allocation_total_breakdown_idx;

-- What one allocation row adds to one row of allocation_rollup, signed (state after +1, before -1), with the months
-- its amount counts for: planned and last reported.
CREATE TYPE allocation_rollup_change AS (
    fiscal_year    INTEGER,
    level          SMALLINT,
    region_code    VARCHAR(8),
    opd_code       VARCHAR(30),
    programme_code VARCHAR(30),
    mechanism      VARCHAR(30),
    planned_month  INTEGER,
    report_month   INTEGER,
    allocations    INTEGER,
    cancelled      INTEGER,
    amount         NUMERIC(18, 2),
    disbursed      NUMERIC(18, 2),
    realised       NUMERIC(18, 2),
    physical       NUMERIC(22, 4)
);

-- An allocation counts at its three levels: as one CANCELLED, or as one ACTIVE with its money and progress.
CREATE FUNCTION allocation_rollup_changes_of(a allocation, report_month INTEGER, physical_percent NUMERIC, sign INTEGER)
    RETURNS SETOF allocation_rollup_change
    LANGUAGE sql IMMUTABLE AS
$$
SELECT ROW(a.fiscal_year, l.level, l.region_code, l.opd_code, l.programme_code, l.mechanism, a.planned_month,
           coalesce(report_month, 0), sign * active::int, sign * (NOT active)::int,
           CASE WHEN active THEN sign * a.amount ELSE 0 END, CASE WHEN active THEN sign * a.disbursed ELSE 0 END,
           CASE WHEN active THEN sign * a.realised ELSE 0 END,
           CASE WHEN active THEN sign * a.amount * coalesce(physical_percent, 0) ELSE 0 END)::allocation_rollup_change
FROM (VALUES (1::smallint, left(a.kecamatan_code, 5)::varchar, a.opd_code, a.programme_code, a.mechanism),
             (2::smallint, a.kecamatan_code, '*'::varchar, '*'::varchar, '*'::varchar),
             (3::smallint, a.kecamatan_code, a.opd_code, a.programme_code, a.mechanism))
         l (level, region_code, opd_code, programme_code, mechanism),
     (SELECT a.status = 'ACTIVE') s (active)
$$;

-- The changes summed per row and months, those of nothing left out (a title, a version, the money a draft disbursement
-- holds, a report that moved no figure): such a statement leaves nothing pending and takes no cell.
CREATE FUNCTION allocation_rollup_net(changes allocation_rollup_change[]) RETURNS allocation_rollup_change[]
    LANGUAGE plpgsql IMMUTABLE AS
$$
BEGIN
    RETURN (SELECT coalesce(array_agg(ROW(fiscal_year, level, region_code, opd_code, programme_code, mechanism,
                                          planned_month, report_month, allocations, cancelled, amount, disbursed,
                                          realised, physical)::allocation_rollup_change), '{}')
            FROM (SELECT fiscal_year, level, region_code, opd_code, programme_code, mechanism, planned_month,
                         report_month,
                         sum(allocations)::int AS allocations, sum(cancelled)::int AS cancelled, sum(amount) AS amount,
                         sum(disbursed) AS disbursed, sum(realised) AS realised, sum(physical) AS physical
                  FROM unnest(changes)
                  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
                  HAVING sum(allocations) <> 0 OR sum(cancelled) <> 0 OR sum(amount) <> 0 OR sum(disbursed) <> 0
                      OR sum(realised) <> 0 OR sum(physical) <> 0) c);
END;
$$;

-- Element by element: the month arrays of a row and of a change. The functions a write calls are PL/pgSQL, whose
-- statements are planned once per connection; a SQL function's are planned on every call (PostgreSQL 17).
CREATE FUNCTION allocation_rollup_months_add(kept NUMERIC[], change NUMERIC[]) RETURNS NUMERIC[]
    LANGUAGE plpgsql IMMUTABLE AS
$$
BEGIN
    RETURN array(SELECT k + c FROM unnest(kept, change) WITH ORDINALITY u (k, c, i) ORDER BY i);
END;
$$;

-- The rows the changes add up to, one per key: the sums, and the month arrays from each change's planned and reported
-- month — each change is read once, its amount summed into every month it counts for.
CREATE FUNCTION allocation_rollup_cells(changes allocation_rollup_change[])
    RETURNS TABLE (fiscal_year INTEGER, level SMALLINT, region_code VARCHAR, opd_code VARCHAR, programme_code VARCHAR,
                   mechanism VARCHAR, allocations BIGINT, cancelled BIGINT, amount NUMERIC, disbursed NUMERIC,
                   realised NUMERIC, physical NUMERIC, planned_by NUMERIC[], unreported_before NUMERIC[])
    LANGUAGE plpgsql IMMUTABLE AS
$$
BEGIN
    RETURN QUERY
    SELECT c.fiscal_year, c.level, c.region_code, c.opd_code, c.programme_code, c.mechanism, sum(c.allocations),
           sum(c.cancelled), sum(c.amount), sum(c.disbursed), sum(c.realised), sum(c.physical),
           ARRAY[coalesce(sum(c.amount) FILTER (WHERE c.planned_month <= 1), 0),
                 coalesce(sum(c.amount) FILTER (WHERE c.planned_month <= 2), 0),
                 coalesce(sum(c.amount) FILTER (WHERE c.planned_month <= 3), 0),
                 coalesce(sum(c.amount) FILTER (WHERE c.planned_month <= 4), 0),
                 coalesce(sum(c.amount) FILTER (WHERE c.planned_month <= 5), 0),
                 coalesce(sum(c.amount) FILTER (WHERE c.planned_month <= 6), 0),
                 coalesce(sum(c.amount) FILTER (WHERE c.planned_month <= 7), 0),
                 coalesce(sum(c.amount) FILTER (WHERE c.planned_month <= 8), 0),
                 coalesce(sum(c.amount) FILTER (WHERE c.planned_month <= 9), 0),
                 coalesce(sum(c.amount) FILTER (WHERE c.planned_month <= 10), 0),
                 coalesce(sum(c.amount) FILTER (WHERE c.planned_month <= 11), 0),
                 coalesce(sum(c.amount) FILTER (WHERE c.planned_month <= 12), 0)],
           ARRAY[coalesce(sum(c.amount) FILTER (WHERE c.report_month < 1), 0),
                 coalesce(sum(c.amount) FILTER (WHERE c.report_month < 2), 0),
                 coalesce(sum(c.amount) FILTER (WHERE c.report_month < 3), 0),
                 coalesce(sum(c.amount) FILTER (WHERE c.report_month < 4), 0),
                 coalesce(sum(c.amount) FILTER (WHERE c.report_month < 5), 0),
                 coalesce(sum(c.amount) FILTER (WHERE c.report_month < 6), 0),
                 coalesce(sum(c.amount) FILTER (WHERE c.report_month < 7), 0),
                 coalesce(sum(c.amount) FILTER (WHERE c.report_month < 8), 0),
                 coalesce(sum(c.amount) FILTER (WHERE c.report_month < 9), 0),
                 coalesce(sum(c.amount) FILTER (WHERE c.report_month < 10), 0),
                 coalesce(sum(c.amount) FILTER (WHERE c.report_month < 11), 0),
                 coalesce(sum(c.amount) FILTER (WHERE c.report_month < 12), 0)]
    FROM unnest(changes) c
    GROUP BY 1, 2, 3, 4, 5, 6;
END;
$$;

-- Adds the changes to their rows in key order, a row not there yet inserted.
CREATE FUNCTION allocation_rollup_add(changes allocation_rollup_change[]) RETURNS void
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO allocation_rollup AS t (fiscal_year, level, region_code, opd_code, programme_code, mechanism,
                                        allocations, cancelled, amount, disbursed, realised, physical, planned_by,
                                        unreported_before)
    SELECT * FROM allocation_rollup_cells(changes) c
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (fiscal_year, level, region_code, opd_code, programme_code, mechanism) DO UPDATE
        SET allocations = t.allocations + excluded.allocations, cancelled = t.cancelled + excluded.cancelled,
            amount = t.amount + excluded.amount, disbursed = t.disbursed + excluded.disbursed,
            realised = t.realised + excluded.realised, physical = t.physical + excluded.physical,
            planned_by = allocation_rollup_months_add(t.planned_by, excluded.planned_by),
            unreported_before = allocation_rollup_months_add(t.unreported_before, excluded.unreported_before);
END;
$$;

-- A statement's net change, until its transaction commits. Unlogged: a row lives only inside its transaction.
CREATE UNLOGGED TABLE allocation_rollup_pending (
    changes allocation_rollup_change[] NOT NULL
);

CREATE FUNCTION allocation_rollup_pending_add(changes allocation_rollup_change[]) RETURNS void
    LANGUAGE plpgsql AS
$$
DECLARE
    net allocation_rollup_change[] := allocation_rollup_net(changes);
BEGIN
    IF cardinality(net) > 0 THEN
        INSERT INTO allocation_rollup_pending (changes) VALUES (net);
    END IF;
END;
$$;

-- At commit (deferred), once per pending row: the first adds all and deletes them, the others find none. The rows a
-- transaction sees here are its own: another's are uncommitted, and every transaction deletes its own before commit.
CREATE FUNCTION allocation_rollup_pending_applied() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF EXISTS (SELECT 1 FROM allocation_rollup_pending) THEN
        PERFORM allocation_rollup_add(array(SELECT c FROM allocation_rollup_pending p, unnest(p.changes) c));
        DELETE FROM allocation_rollup_pending;
    END IF;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER allocation_rollup_at_commit AFTER INSERT ON allocation_rollup_pending
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION allocation_rollup_pending_applied();

-- The allocation side: each row with the latest report it has now (a new allocation has none).
CREATE FUNCTION allocation_rollup_kept() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'INSERT' AND kept_totals_deferred() THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM allocation_rollup_pending_add(array(
            SELECT c FROM new_rows n LEFT JOIN progress_latest r ON r.allocation_id = n.id,
                          allocation_rollup_changes_of(n, r.month, r.physical_percent, 1) c));
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM allocation_rollup_pending_add(array(
            SELECT c FROM new_rows n LEFT JOIN progress_latest r ON r.allocation_id = n.id,
                          allocation_rollup_changes_of(n, r.month, r.physical_percent, 1) c
            UNION ALL
            SELECT c FROM old_rows o LEFT JOIN progress_latest r ON r.allocation_id = o.id,
                          allocation_rollup_changes_of(o, r.month, r.physical_percent, -1) c));
    ELSE
        PERFORM allocation_rollup_pending_add(array(
            SELECT c FROM old_rows o LEFT JOIN progress_latest r ON r.allocation_id = o.id,
                          allocation_rollup_changes_of(o, r.month, r.physical_percent, -1) c));
    END IF;
    RETURN NULL;
END;
$$;

-- What an allocation's latest report changes from (before) to (after); null for "no report".
CREATE FUNCTION allocation_rollup_report_changes(a allocation, month_after INTEGER, percent_after NUMERIC,
                                               month_before INTEGER, percent_before NUMERIC)
    RETURNS SETOF allocation_rollup_change
    LANGUAGE sql IMMUTABLE AS
$$
SELECT * FROM allocation_rollup_changes_of(a, month_after, percent_after, 1)
UNION ALL
SELECT * FROM allocation_rollup_changes_of(a, month_before, percent_before, -1)
$$;

-- The report side: each allocation as it is now, with its latest report before and after the statement.
CREATE FUNCTION progress_latest_rollup_kept() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM 1 FROM allocation a WHERE a.id IN (SELECT allocation_id FROM old_rows) ORDER BY a.id FOR SHARE;
        PERFORM allocation_rollup_pending_add(array(
            SELECT c FROM old_rows o JOIN allocation a ON a.id = o.allocation_id,
                          allocation_rollup_report_changes(a, NULL, NULL, o.month, o.physical_percent) c));
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' AND kept_totals_deferred() THEN
        RETURN NULL;
    END IF;
    PERFORM 1 FROM allocation a WHERE a.id IN (SELECT allocation_id FROM new_rows) ORDER BY a.id FOR SHARE;
    IF TG_OP = 'INSERT' THEN
        PERFORM allocation_rollup_pending_add(array(
            SELECT c FROM new_rows n JOIN allocation a ON a.id = n.allocation_id,
                          allocation_rollup_report_changes(a, n.month, n.physical_percent, NULL, NULL) c));
    ELSE
        -- an update keeps allocation_id, the key
        PERFORM allocation_rollup_pending_add(array(
            SELECT c FROM new_rows n JOIN old_rows o USING (allocation_id) JOIN allocation a ON a.id = n.allocation_id,
                          allocation_rollup_report_changes(a, n.month, n.physical_percent, o.month,
                                                           o.physical_percent) c));
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER allocation_rollup_insert AFTER INSERT ON allocation
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION allocation_rollup_kept();
CREATE TRIGGER allocation_rollup_update AFTER UPDATE ON allocation
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION allocation_rollup_kept();
CREATE TRIGGER allocation_rollup_delete AFTER DELETE ON allocation
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION allocation_rollup_kept();
CREATE TRIGGER progress_latest_rollup_insert AFTER INSERT ON progress_latest
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_latest_rollup_kept();
CREATE TRIGGER progress_latest_rollup_update AFTER UPDATE ON progress_latest
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION progress_latest_rollup_kept();
CREATE TRIGGER progress_latest_rollup_delete AFTER DELETE ON progress_latest
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_latest_rollup_kept();

-- Figures whose kept value differs from a recount of the allocation rows and their latest reports (none, when the
-- triggers did their work), of one fiscal year or, with null, of all: the figure, and for planned_by and
-- unreported_before its month. Run after commit (or SET CONSTRAINTS allocation_rollup_at_commit IMMEDIATE): the
-- changes of a transaction are added when it commits. The reconciliation the tests run: it reads every allocation
-- of the year with its latest report, so it is for tests and operators, never a page.
CREATE FUNCTION allocation_rollup_differences(year INTEGER)
    RETURNS TABLE (fiscal_year INTEGER, level SMALLINT, region_code VARCHAR, opd_code VARCHAR, programme_code VARCHAR,
                   mechanism VARCHAR, figure TEXT, month INTEGER, kept NUMERIC, counted NUMERIC)
    LANGUAGE sql STABLE AS
$$
WITH counted AS (
    SELECT *
    FROM allocation_rollup_cells(array(
        SELECT c FROM allocation a LEFT JOIN progress_latest r ON r.allocation_id = a.id,
                      allocation_rollup_changes_of(a, r.month, r.physical_percent, 1) c
        WHERE year IS NULL OR a.fiscal_year = year))),
kept AS (
    SELECT * FROM allocation_rollup t WHERE year IS NULL OR t.fiscal_year = year),
rows AS (
    SELECT coalesce(k.fiscal_year, c.fiscal_year) AS fiscal_year, coalesce(k.level, c.level) AS level,
           coalesce(k.region_code, c.region_code) AS region_code, coalesce(k.opd_code, c.opd_code) AS opd_code,
           coalesce(k.programme_code, c.programme_code) AS programme_code,
           coalesce(k.mechanism, c.mechanism) AS mechanism,
           k.allocations AS k_allocations, c.allocations AS c_allocations, k.cancelled AS k_cancelled,
           c.cancelled AS c_cancelled, k.amount AS k_amount, c.amount AS c_amount, k.disbursed AS k_disbursed,
           c.disbursed AS c_disbursed, k.realised AS k_realised, c.realised AS c_realised, k.physical AS k_physical,
           c.physical AS c_physical, coalesce(k.planned_by, array_fill(0::numeric, ARRAY[12])) AS k_planned,
           coalesce(c.planned_by, array_fill(0::numeric, ARRAY[12])) AS c_planned,
           coalesce(k.unreported_before, array_fill(0::numeric, ARRAY[12])) AS k_unreported,
           coalesce(c.unreported_before, array_fill(0::numeric, ARRAY[12])) AS c_unreported
    FROM kept k
    FULL JOIN counted c ON c.fiscal_year = k.fiscal_year AND c.level = k.level AND c.region_code = k.region_code
                       AND c.opd_code = k.opd_code AND c.programme_code = k.programme_code
                       AND c.mechanism = k.mechanism),
figures AS (
    SELECT r.fiscal_year, r.level, r.region_code, r.opd_code, r.programme_code, r.mechanism, f.figure, NULL::int AS m,
           f.kept, f.counted
    FROM rows r
    CROSS JOIN LATERAL (VALUES
        ('allocations', coalesce(r.k_allocations, 0)::numeric, coalesce(r.c_allocations, 0)::numeric),
        ('cancelled', coalesce(r.k_cancelled, 0)::numeric, coalesce(r.c_cancelled, 0)::numeric),
        ('amount', coalesce(r.k_amount, 0), coalesce(r.c_amount, 0)),
        ('disbursed', coalesce(r.k_disbursed, 0), coalesce(r.c_disbursed, 0)),
        ('realised', coalesce(r.k_realised, 0), coalesce(r.c_realised, 0)),
        ('physical', coalesce(r.k_physical, 0), coalesce(r.c_physical, 0))) f (figure, kept, counted)
    UNION ALL
    SELECT r.fiscal_year, r.level, r.region_code, r.opd_code, r.programme_code, r.mechanism, f.figure, m.m::int,
           f.kept, f.counted
    FROM rows r
    CROSS JOIN LATERAL unnest(r.k_planned, r.c_planned, r.k_unreported, r.c_unreported) WITH ORDINALITY
        m (kp, cp, ku, cu, m)
    CROSS JOIN LATERAL (VALUES ('planned_by', m.kp, m.cp), ('unreported_before', m.ku, m.cu)) f (figure, kept, counted)
    WHERE r.k_planned <> r.c_planned OR r.k_unreported <> r.c_unreported)
SELECT * FROM figures WHERE kept <> counted ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
$$;

-- The rows of the allocations and reports there are, a year at a time.
DO
$$
DECLARE
    y INTEGER;
BEGIN
    FOR y IN SELECT DISTINCT a.fiscal_year FROM allocation a ORDER BY 1 LOOP
        PERFORM allocation_rollup_add(allocation_rollup_net(array(
            SELECT c FROM allocation a LEFT JOIN progress_latest r ON r.allocation_id = a.id,
                          allocation_rollup_changes_of(a, r.month, r.physical_percent, 1) c
            WHERE a.fiscal_year = y)));
    END LOOP;
END;
$$;
