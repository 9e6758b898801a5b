-- Kept reach of the direct aid (issue 20, "fast without a cache"): the targeting figures count the people with at least
-- one active (not cancelled) aid of a year per kabupaten/kota and welfare decile — over every OPD and programme, per
-- OPD, per programme, and per OPD and programme (an operator's programme breakdown) — and the rupiah of that aid.
-- Counted from the aid rows on every request that is a count(distinct beneficiary_id) over the year's aid; kept here it
-- is a sum over a few hundred cells. Where a person lives is the desa their aid rows carry (V21_20); its kabupaten/kota
-- is the first five characters of the desa's code (desa and kecamatan codes nest, V1's CHECKs).
--
--   aid_reach         one row per year, group, kabupaten/kota and decile: the people with active aid there, and the
--                     rupiah of that aid. The group is (opd_code, programme_code), where '*' stands for "every" (no
--                     code matches it: codes are [A-Z0-9-]); decile 0 is "no decile". A cell emptied by a
--                     cancellation or a move stays, at zero; readers skip it.
--   aid_reach_person  for the groups of every programme — (*, *) and (OPD, *) — one row per year, group,
--                     kabupaten/kota, decile and person with active aid there: how many active aid rows the person
--                     has (a row at zero is deleted), so that a person with two aid rows counts once. A group of one
--                     programme needs no such row: a person has at most one active aid per programme and year (the
--                     unique index below), so its people are its active aid rows.
--
-- Who writes them: only the trigger below, in the transaction of the aid write itself, so every writer is covered —
-- the aid form and API, a cancellation, the import's COPY, the scale generator's INSERT … SELECT, and a person who
-- moves or changes decile, whose aid rows V21_20's aid_person_moved rewrites (one UPDATE: the rows leave the old desa
-- and decile and arrive at the new ones in one statement). Closed fiscal years have no guard on aid, so a move still
-- rewrites their aid and their reach follows it.
--
-- Statement-level, as allocation_total (V20_1): one grouped change per statement, set-based, so the generator's 200,000
-- aid rows cost one pass. Deferring it for the generator as V21_40 does would not pay: its cost is the people's rows,
-- which a recount after the load would write just the same.
-- Race-proof: every change is an increment (INSERT … ON CONFLICT DO UPDATE SET x = x + …), never a read-modify-write;
-- a person row's value after the increment says whether the person came (0 → 1) or went (1 → 0), and its lock is held
-- to the end of the transaction, so two transactions adding the first aid of one person are counted once: the second
-- waits and then finds the first's row. Within a statement the person rows and then the cells are locked in key order,
-- and a statement never waits for a person row once it locks cells, so writers of one statement each (the form, the
-- API, a cancellation, a move) cannot wait for each other in a circle. An import writes its aid in several COPY
-- statements (5,000 rows each), which would lock cells in several statements: it takes both tables in SHARE ROW
-- EXCLUSIVE mode before its first aid row (beneficiary.internal.ImportWriter), after the allocations every aid writer
-- locks first, so other aid writers wait for it instead of crossing it.
-- Why the unique index: aid_no_double_receipt (V10_1) allows one active aid per NIK, programme and year, and a person
-- has one NIK, so there is one per person too; the index says so in the terms the cells count by (beneficiary_id),
-- whatever a future NIK correction does. A double receipt violates the older index first; the writers turn either
-- violation into DOUBLE_RECEIPT.
-- No CHECK (>= 0): PostgreSQL checks the proposed row of an INSERT … ON CONFLICT before it sees the conflict, so a
-- negative increment would be refused. aid_reach_differences() below recounts the cells from the aid rows instead.

CREATE UNIQUE INDEX aid_one_per_person_programme_year ON aid (beneficiary_id, programme_code, fiscal_year)
    WHERE status <> 'CANCELLED';

CREATE TABLE aid_reach_person (
    fiscal_year    INTEGER     NOT NULL,
    opd_code       VARCHAR(30) NOT NULL,
    programme_code VARCHAR(30) NOT NULL,
    kabupaten_kota_code VARCHAR(5) NOT NULL,
    decile         INTEGER     NOT NULL,
    beneficiary_id BIGINT      NOT NULL,
    aids           INTEGER     NOT NULL,
    PRIMARY KEY (fiscal_year, opd_code, programme_code, kabupaten_kota_code, decile, beneficiary_id)
);

-- The key starts with the year and the group: a request reads one year's cells of one group level.
CREATE TABLE aid_reach (
    fiscal_year    INTEGER        NOT NULL,
    opd_code       VARCHAR(30)    NOT NULL,
    programme_code VARCHAR(30)    NOT NULL,
    kabupaten_kota_code VARCHAR(5)  NOT NULL,
    decile         INTEGER        NOT NULL,
    people         INTEGER        NOT NULL,
    amount         NUMERIC(18, 2) NOT NULL,
    PRIMARY KEY (fiscal_year, opd_code, programme_code, kabupaten_kota_code, decile)
);

-- What a statement changed in one cell: signed aid rows (state after +1, before -1) and rupiah, of one person
-- (beneficiary_id) where the cell counts people through aid_reach_person, else of the cell (beneficiary_id null).
CREATE TYPE aid_reach_change AS (
    fiscal_year    INTEGER,
    opd_code       VARCHAR(30),
    programme_code VARCHAR(30),
    kabupaten_kota_code VARCHAR(5),
    decile         INTEGER,
    beneficiary_id BIGINT,
    aids           INTEGER,
    amount         NUMERIC(18, 2)
);

-- An active aid row counts in four groups: every OPD and programme, its OPD, its programme, its OPD and programme;
-- in the first two through its person.
CREATE FUNCTION aid_reach_changes_of(x aid, sign INTEGER) RETURNS SETOF aid_reach_change
    LANGUAGE sql IMMUTABLE AS
$$
SELECT ROW(x.fiscal_year, g.opd_code, g.programme_code, left(x.person_desa_code, 5),
           coalesce(x.person_decile, 0), CASE WHEN g.programme_code = '*' THEN x.beneficiary_id END, sign,
           sign * x.amount)::aid_reach_change
FROM (VALUES ('*'::varchar, '*'::varchar), (x.opd_code, '*'), ('*', x.programme_code),
             (x.opd_code, x.programme_code)) g (opd_code, programme_code)
WHERE x.status <> 'CANCELLED'
$$;

-- Adds the changes: the people's rows first, then the cells by how many people came or went (or, for a group of one
-- programme, by the aid rows) and by the rupiah, each in key order; a change of nothing (an update that moved no count,
-- rupiah, desa or decile) writes and locks nothing. The people's rows left at zero are deleted last.
CREATE FUNCTION aid_reach_add(changes aid_reach_change[]) RETURNS void
    LANGUAGE plpgsql AS
$$
DECLARE
    gone aid_reach_change[];
BEGIN
    WITH c AS (
        SELECT fiscal_year, opd_code, programme_code, kabupaten_kota_code, decile, beneficiary_id,
               sum(aids)::int AS aids, sum(amount) AS amount
        FROM unnest(changes)
        GROUP BY 1, 2, 3, 4, 5, 6
        HAVING sum(aids) <> 0 OR sum(amount) <> 0),
    p AS (
        INSERT INTO aid_reach_person AS t (fiscal_year, opd_code, programme_code, kabupaten_kota_code, decile,
                                           beneficiary_id, aids)
        SELECT fiscal_year, opd_code, programme_code, kabupaten_kota_code, decile, beneficiary_id, aids
        FROM c
        WHERE beneficiary_id IS NOT NULL AND aids <> 0
        ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (fiscal_year, opd_code, programme_code, kabupaten_kota_code, decile, beneficiary_id) DO UPDATE
            SET aids = t.aids + excluded.aids
        RETURNING t.fiscal_year, t.opd_code, t.programme_code, t.kabupaten_kota_code, t.decile, t.beneficiary_id,
                  t.aids),
    people AS (
        SELECT c.fiscal_year, c.opd_code, c.programme_code, c.kabupaten_kota_code, c.decile,
               sum(CASE WHEN c.beneficiary_id IS NULL THEN c.aids
                        ELSE coalesce((p.aids > 0)::int - (p.aids - c.aids > 0)::int, 0) END) AS people,
               sum(c.amount) AS amount
        FROM c
        LEFT JOIN p USING (fiscal_year, opd_code, programme_code, kabupaten_kota_code, decile, beneficiary_id)
        GROUP BY 1, 2, 3, 4, 5),
    cells AS (
        INSERT INTO aid_reach AS t (fiscal_year, opd_code, programme_code, kabupaten_kota_code, decile, people,
                                    amount)
        SELECT fiscal_year, opd_code, programme_code, kabupaten_kota_code, decile, people, amount
        FROM people
        WHERE people <> 0 OR amount <> 0
        ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (fiscal_year, opd_code, programme_code, kabupaten_kota_code, decile) DO UPDATE
            SET people = t.people + excluded.people, amount = t.amount + excluded.amount)
    SELECT array_agg(ROW(fiscal_year, opd_code, programme_code, kabupaten_kota_code, decile, beneficiary_id, 0,
                         0)::aid_reach_change)
    INTO gone
    FROM p
    WHERE aids = 0;

    -- a person without aid in a cell any more leaves it (their row is locked by this transaction already)
    IF gone IS NOT NULL THEN
        DELETE FROM aid_reach_person t
        USING unnest(gone) g
        WHERE t.fiscal_year = g.fiscal_year AND t.opd_code = g.opd_code AND t.programme_code = g.programme_code
          AND t.kabupaten_kota_code = g.kabupaten_kota_code AND t.decile = g.decile
          AND t.beneficiary_id = g.beneficiary_id AND t.aids = 0;
    END IF;
END;
$$;

-- One function for the three events: each branch reads only the transition tables its event has.
CREATE FUNCTION aid_reach_kept() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM aid_reach_add(array(SELECT c FROM new_rows n, aid_reach_changes_of(n, 1) c));
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM aid_reach_add(array(SELECT c FROM new_rows n, aid_reach_changes_of(n, 1) c
                                    UNION ALL
                                    SELECT c FROM old_rows o, aid_reach_changes_of(o, -1) c));
    ELSE
        PERFORM aid_reach_add(array(SELECT c FROM old_rows o, aid_reach_changes_of(o, -1) c));
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER aid_reach_insert AFTER INSERT ON aid
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION aid_reach_kept();
CREATE TRIGGER aid_reach_update AFTER UPDATE ON aid
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION aid_reach_kept();
CREATE TRIGGER aid_reach_delete AFTER DELETE ON aid
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION aid_reach_kept();

-- Cells whose kept people or rupiah differ from a recount of the aid rows (none, when the trigger did its work), of
-- one fiscal year or, with null, of all: the reconciliation the tests, the scale generator and an administrator run.
CREATE FUNCTION aid_reach_differences(year INTEGER)
    RETURNS TABLE (fiscal_year INTEGER, opd_code VARCHAR, programme_code VARCHAR, kabupaten_kota_code VARCHAR,
                   decile INTEGER, kept_people BIGINT, people BIGINT, kept_amount NUMERIC, amount NUMERIC)
    LANGUAGE sql STABLE AS
$$
WITH counted AS (
    SELECT x.fiscal_year, coalesce(x.opd_code, '*') AS opd_code, coalesce(x.programme_code, '*') AS programme_code,
           left(x.person_desa_code, 5) AS kabupaten_kota_code, coalesce(x.person_decile, 0) AS decile,
           count(DISTINCT x.beneficiary_id) AS people, sum(x.amount) AS amount
    FROM aid x
    WHERE x.status <> 'CANCELLED' AND (year IS NULL OR x.fiscal_year = year)
    GROUP BY x.fiscal_year, left(x.person_desa_code, 5), x.person_decile,
             GROUPING SETS ((), (x.opd_code), (x.programme_code), (x.opd_code, x.programme_code))),
kept AS (
    SELECT r.fiscal_year, r.opd_code, r.programme_code, r.kabupaten_kota_code, r.decile, r.people::bigint AS people,
           r.amount
    FROM aid_reach r
    WHERE (year IS NULL OR r.fiscal_year = year) AND (r.people <> 0 OR r.amount <> 0))
SELECT coalesce(k.fiscal_year, c.fiscal_year), coalesce(k.opd_code, c.opd_code),
       coalesce(k.programme_code, c.programme_code), coalesce(k.kabupaten_kota_code, c.kabupaten_kota_code),
       nullif(coalesce(k.decile, c.decile), 0), coalesce(k.people, 0), coalesce(c.people, 0),
       coalesce(k.amount, 0), coalesce(c.amount, 0)
FROM kept k
FULL JOIN counted c ON c.fiscal_year = k.fiscal_year AND c.opd_code = k.opd_code
                   AND c.programme_code = k.programme_code AND c.kabupaten_kota_code = k.kabupaten_kota_code
                   AND c.decile = k.decile
WHERE coalesce(k.people, 0) <> coalesce(c.people, 0) OR coalesce(k.amount, 0) <> coalesce(c.amount, 0)
ORDER BY 1, 2, 3, 4, 5
$$;

-- The reach of the aid there is already, counted once (closed years included: this adds tables, it changes no aid):
-- the people's rows, then the cells as the reconciliation counts them.
INSERT INTO aid_reach_person (fiscal_year, opd_code, programme_code, kabupaten_kota_code, decile, beneficiary_id, aids)
SELECT c.fiscal_year, c.opd_code, c.programme_code, c.kabupaten_kota_code, c.decile, c.beneficiary_id, sum(c.aids)
FROM aid x, aid_reach_changes_of(x, 1) c
WHERE c.beneficiary_id IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6;

INSERT INTO aid_reach (fiscal_year, opd_code, programme_code, kabupaten_kota_code, decile, people, amount)
SELECT x.fiscal_year, coalesce(x.opd_code, '*'), coalesce(x.programme_code, '*'), left(x.person_desa_code, 5),
       coalesce(x.person_decile, 0), count(DISTINCT x.beneficiary_id), sum(x.amount)
FROM aid x
WHERE x.status <> 'CANCELLED'
GROUP BY x.fiscal_year, left(x.person_desa_code, 5), x.person_decile,
         GROUPING SETS ((), (x.opd_code), (x.programme_code), (x.opd_code, x.programme_code));

ANALYZE aid_reach_person, aid_reach;
