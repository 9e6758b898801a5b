-- Kept totals of the allocations (issue 20): per fiscal year, kecamatan, OPD, programme and mechanism the number
-- of ACTIVE and of CANCELLED allocations and the money of the ACTIVE ones (allocated, disbursed, realised), so that
-- the dashboards and the footers of the allocation lists read a few thousand rows instead of every allocation.
--
-- Who writes it: only the triggers below, in the transaction of the allocation write itself. Every way an
-- allocation changes — create, import, per-desa, revise, cancel, and the spending the disbursement capability
-- reports through Allocations.recordSpending (which writes allocation.disbursed/realised) — is a write of allocation
-- rows, and so are the demo loader and the scale generator's set-based INSERT … SELECT / UPDATE … FROM. A trigger
-- therefore covers every writer, present and future, where totals kept in Java would need each path (and the
-- generator) to remember a call. The table belongs to the allocation capability, like envelope.allocated (V4/V13).
--
-- Why statement-level (transition tables) and not per row: one grouped change per statement, whatever the number of
-- rows, so a bulk INSERT … SELECT of a million allocations costs one aggregate over its transition table instead of
-- a million upserts (measured: 100,000 rows inserted in one statement, +5 %; per row it would be ~0.05–0.1 ms each,
-- minutes at national scale, and the generator's runtime role may not switch a trigger off). The price is on single
-- rows: ~0.15–0.3 ms per statement (pgbench, one connection, noisy machine) against ~0.1 ms for a row trigger, paid
-- under the envelope lock by allocation writes (~1.3 ms per creation on the hot-envelope benchmark).
--
-- Why race-proof: every change is an increment (UPDATE … SET x = x + change, or for a cell not there yet
-- INSERT … ON CONFLICT DO UPDATE SET x = x + excluded.x), never a read-modify-write, and the cell's row lock is held
-- to the end of the transaction, on any instance. Cells are changed in key order within a statement. The writers that
-- touch several cells hold their envelopes' locks already (import, per-desa, the take-over of past disbursements), and
-- a cell lies in one envelope; a disbursement created, edited or submitted touches one cell, after its allocation's
-- lock and with no lock to wait for afterwards, so no two writers wait for each other in a circle.
-- A change that moves nothing (a title, a version, spending that nets to zero) writes no row and takes no lock.

CREATE TABLE allocation_total (
    fiscal_year    INTEGER        NOT NULL,
    kecamatan_code VARCHAR(8)     NOT NULL,
    opd_code       VARCHAR(30)    NOT NULL,
    programme_code VARCHAR(30)    NOT NULL,
    mechanism      VARCHAR(30)    NOT NULL,
    allocations    INTEGER        NOT NULL DEFAULT 0 CHECK (allocations >= 0),
    cancelled      INTEGER        NOT NULL DEFAULT 0 CHECK (cancelled >= 0),
    allocated      NUMERIC(18, 2) NOT NULL DEFAULT 0 CHECK (allocated >= 0),
    disbursed      NUMERIC(18, 2) NOT NULL DEFAULT 0 CHECK (disbursed >= 0),
    realised       NUMERIC(18, 2) NOT NULL DEFAULT 0 CHECK (realised >= 0),
    PRIMARY KEY (fiscal_year, kecamatan_code, opd_code, programme_code, mechanism),
    CONSTRAINT allocation_total_disbursed_within_allocated CHECK (disbursed <= allocated),
    CONSTRAINT allocation_total_realised_within_disbursed CHECK (realised <= disbursed)
);
-- the OPD operator's dashboards and the OPD filter of the lists
CREATE INDEX allocation_total_opd_idx ON allocation_total (opd_code, fiscal_year);

-- What a statement changed in one cell: the signed difference of its allocation rows (state after +1, before -1).
CREATE TYPE allocation_total_change AS (
    fiscal_year    INTEGER,
    kecamatan_code VARCHAR(8),
    opd_code       VARCHAR(30),
    programme_code VARCHAR(30),
    mechanism      VARCHAR(30),
    allocations    INTEGER,
    cancelled      INTEGER,
    allocated      NUMERIC(18, 2),
    disbursed      NUMERIC(18, 2),
    realised       NUMERIC(18, 2)
);

-- Adds the changes to their cells as increments, cell by cell in key order; a change of nothing is left out (no
-- row, no lock). An existing cell is updated in place; a new one is inserted, and should another transaction insert
-- it first, the conflict turns the insert into the same increment. Not one INSERT … ON CONFLICT for all: PostgreSQL
-- checks the proposed row against the CHECKs before it sees the conflict, so a negative change would be refused.
CREATE FUNCTION allocation_total_add(changes allocation_total_change[]) RETURNS void
    LANGUAGE plpgsql AS
$$
DECLARE
    c allocation_total_change;
BEGIN
    FOR c IN SELECT fiscal_year, kecamatan_code, opd_code, programme_code, mechanism, sum(allocations),
                    sum(cancelled), sum(allocated), sum(disbursed), sum(realised)
             FROM unnest(changes)
             GROUP BY 1, 2, 3, 4, 5
             HAVING sum(allocations) <> 0 OR sum(cancelled) <> 0 OR sum(allocated) <> 0 OR sum(disbursed) <> 0
                 OR sum(realised) <> 0
             ORDER BY 1, 2, 3, 4, 5
    LOOP
        UPDATE allocation_total t
        SET allocations = t.allocations + c.allocations, cancelled = t.cancelled + c.cancelled,
            allocated = t.allocated + c.allocated, disbursed = t.disbursed + c.disbursed,
            realised = t.realised + c.realised
        WHERE t.fiscal_year = c.fiscal_year AND t.kecamatan_code = c.kecamatan_code AND t.opd_code = c.opd_code
          AND t.programme_code = c.programme_code AND t.mechanism = c.mechanism;
        IF NOT FOUND THEN
            INSERT INTO allocation_total AS t (fiscal_year, kecamatan_code, opd_code, programme_code, mechanism,
                                               allocations, cancelled, allocated, disbursed, realised)
            VALUES (c.fiscal_year, c.kecamatan_code, c.opd_code, c.programme_code, c.mechanism, c.allocations,
                    c.cancelled, c.allocated, c.disbursed, c.realised)
            ON CONFLICT (fiscal_year, kecamatan_code, opd_code, programme_code, mechanism) DO UPDATE
                SET allocations = t.allocations + excluded.allocations, cancelled = t.cancelled + excluded.cancelled,
                    allocated = t.allocated + excluded.allocated, disbursed = t.disbursed + excluded.disbursed,
                    realised = t.realised + excluded.realised;
        END IF;
    END LOOP;
END;
$$;

-- The change of each allocation row, signed: what it counts for while ACTIVE, or as one CANCELLED.
CREATE FUNCTION allocation_total_change_of(a allocation, sign INTEGER) RETURNS allocation_total_change
    LANGUAGE sql IMMUTABLE AS
$$
SELECT ROW(a.fiscal_year, a.kecamatan_code, a.opd_code, a.programme_code, a.mechanism,
           sign * (a.status = 'ACTIVE')::int, sign * (a.status = 'CANCELLED')::int,
           CASE WHEN a.status = 'ACTIVE' THEN sign * a.amount ELSE 0 END,
           CASE WHEN a.status = 'ACTIVE' THEN sign * a.disbursed ELSE 0 END,
           CASE WHEN a.status = 'ACTIVE' THEN sign * a.realised ELSE 0 END)::allocation_total_change
$$;

-- One function per event, since a transition table exists only for the events that have it. The rows are grouped
-- per cell before they are handed on, so a bulk statement passes a few thousand changes, not a million.
CREATE FUNCTION allocation_totals_inserted() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM allocation_total_add(array(
        SELECT ROW(c.fiscal_year, c.kecamatan_code, c.opd_code, c.programme_code, c.mechanism, sum(c.allocations),
                   sum(c.cancelled), sum(c.allocated), sum(c.disbursed), sum(c.realised))::allocation_total_change
        FROM new_rows n, allocation_total_change_of(n, 1) c
        GROUP BY c.fiscal_year, c.kecamatan_code, c.opd_code, c.programme_code, c.mechanism));
    RETURN NULL;
END;
$$;

CREATE FUNCTION allocation_totals_updated() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM allocation_total_add(array(
        SELECT ROW(c.fiscal_year, c.kecamatan_code, c.opd_code, c.programme_code, c.mechanism, sum(c.allocations),
                   sum(c.cancelled), sum(c.allocated), sum(c.disbursed), sum(c.realised))::allocation_total_change
        FROM (SELECT (allocation_total_change_of(n, 1)).* FROM new_rows n
              UNION ALL
              SELECT (allocation_total_change_of(o, -1)).* FROM old_rows o) c
        GROUP BY c.fiscal_year, c.kecamatan_code, c.opd_code, c.programme_code, c.mechanism));
    RETURN NULL;
END;
$$;

CREATE FUNCTION allocation_totals_deleted() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM allocation_total_add(array(
        SELECT ROW(c.fiscal_year, c.kecamatan_code, c.opd_code, c.programme_code, c.mechanism, sum(c.allocations),
                   sum(c.cancelled), sum(c.allocated), sum(c.disbursed), sum(c.realised))::allocation_total_change
        FROM old_rows o, allocation_total_change_of(o, -1) c
        GROUP BY c.fiscal_year, c.kecamatan_code, c.opd_code, c.programme_code, c.mechanism));
    RETURN NULL;
END;
$$;

CREATE TRIGGER allocation_totals_insert AFTER INSERT ON allocation
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION allocation_totals_inserted();
CREATE TRIGGER allocation_totals_update AFTER UPDATE ON allocation
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION allocation_totals_updated();
CREATE TRIGGER allocation_totals_delete AFTER DELETE ON allocation
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION allocation_totals_deleted();

-- The totals of the allocations there are already, counted once (closed years included: this adds a table, it
-- changes no allocation).
SELECT allocation_total_add(array(
    SELECT ROW(c.fiscal_year, c.kecamatan_code, c.opd_code, c.programme_code, c.mechanism, sum(c.allocations),
               sum(c.cancelled), sum(c.allocated), sum(c.disbursed), sum(c.realised))::allocation_total_change
    FROM allocation a, allocation_total_change_of(a, 1) c
        GROUP BY c.fiscal_year, c.kecamatan_code, c.opd_code, c.programme_code, c.mechanism));
