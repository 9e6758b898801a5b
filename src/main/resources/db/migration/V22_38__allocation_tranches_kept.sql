-- Kept tranche numbers per allocation (issue 20, "fast without a cache"). The work list filtered by a tranche status
-- (/pencairan?status=…) shows the active allocations with a tranche in that status, counted exactly up to 10,000
-- (ListCount). That count asked allocation after allocation of the year whether it had such a tranche: at national
-- scale 90 ms for SUBMITTED, 0.9 s for DRAFT and 1.9 s for REJECTED (few allocations have a rejected tranche, so all
-- 221,000 were asked). This keeps, for each allocation with tranches, how many are in each status, with what the work
-- list's filters need (year, OPD, kecamatan, active); a partial index per status holds just the allocations that have
-- one, so the count reads those and nothing else.
--
-- Who writes it: only the triggers below — on disbursement (every write, statement-level with transition tables; a
-- writer holds its allocation's row lock already, so an allocation's row here is never contended by another
-- allocation's writer) and on an allocation's change of status (a cancellation). The scale generator defers the
-- disbursement side for its inserts (kept_totals_deferred(), V21_40) and adds a year's rows once from the recount.
-- No CHECK: a negative increment's proposed row would be refused before its conflict is seen (as V22_32).
CREATE TABLE allocation_tranches (
    allocation_id  BIGINT      PRIMARY KEY REFERENCES allocation (id) ON DELETE CASCADE,
    fiscal_year    INTEGER     NOT NULL,
    opd_code       VARCHAR(30) NOT NULL,
    kecamatan_code VARCHAR(8)  NOT NULL,
    active         BOOLEAN     NOT NULL,
    draft          INTEGER     NOT NULL,
    submitted      INTEGER     NOT NULL,
    verified       INTEGER     NOT NULL,
    rejected       INTEGER     NOT NULL
);
-- the columns are named for the statuses (DisbursementQueries.workList reads them so)
CREATE INDEX allocation_tranches_draft_idx ON allocation_tranches (fiscal_year, opd_code, kecamatan_code)
    WHERE active AND draft > 0;
CREATE INDEX allocation_tranches_submitted_idx ON allocation_tranches (fiscal_year, opd_code, kecamatan_code)
    WHERE active AND submitted > 0;
CREATE INDEX allocation_tranches_verified_idx ON allocation_tranches (fiscal_year, opd_code, kecamatan_code)
    WHERE active AND verified > 0;
CREATE INDEX allocation_tranches_rejected_idx ON allocation_tranches (fiscal_year, opd_code, kecamatan_code)
    WHERE active AND rejected > 0;

-- One tranche counted (+1) or no longer counted (-1) in its status.
CREATE TYPE allocation_tranche_change AS (
    allocation_id BIGINT,
    status        VARCHAR(10),
    sign          INTEGER
);

-- Adds the changes to their allocations' rows in allocation order, a row not there yet inserted with its allocation's
-- year, OPD, kecamatan and status; changes that cancel out take no row.
CREATE FUNCTION allocation_tranches_add(changes allocation_tranche_change[]) RETURNS void
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO allocation_tranches AS t (allocation_id, fiscal_year, opd_code, kecamatan_code, active, draft, submitted,
                                          verified, rejected)
    SELECT a.id, a.fiscal_year, a.opd_code, a.kecamatan_code, a.status = 'ACTIVE', c.draft, c.submitted, c.verified,
           c.rejected
    FROM (SELECT x.allocation_id,
                 coalesce(sum(x.sign) FILTER (WHERE x.status = 'DRAFT'), 0) AS draft,
                 coalesce(sum(x.sign) FILTER (WHERE x.status = 'SUBMITTED'), 0) AS submitted,
                 coalesce(sum(x.sign) FILTER (WHERE x.status = 'VERIFIED'), 0) AS verified,
                 coalesce(sum(x.sign) FILTER (WHERE x.status = 'REJECTED'), 0) AS rejected
          FROM unnest(changes) x
          GROUP BY x.allocation_id) c
    JOIN allocation a ON a.id = c.allocation_id
    WHERE c.draft <> 0 OR c.submitted <> 0 OR c.verified <> 0 OR c.rejected <> 0
    ORDER BY a.id
    ON CONFLICT (allocation_id) DO UPDATE
        SET draft = t.draft + excluded.draft, submitted = t.submitted + excluded.submitted,
            verified = t.verified + excluded.verified, rejected = t.rejected + excluded.rejected;
END;
$$;

CREATE FUNCTION allocation_tranches_kept() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'INSERT' AND kept_totals_deferred() THEN
        RETURN NULL;
    END IF;
    -- nested: a statement is planned whole, and an insert's has no old rows to name
    IF TG_OP = 'INSERT' THEN
        PERFORM allocation_tranches_add(array(
            SELECT ROW(n.allocation_id, n.status, 1)::allocation_tranche_change FROM new_rows n));
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM allocation_tranches_add(array(
            SELECT ROW(n.allocation_id, n.status, 1)::allocation_tranche_change FROM new_rows n
            UNION ALL
            SELECT ROW(o.allocation_id, o.status, -1)::allocation_tranche_change FROM old_rows o));
    ELSE
        PERFORM allocation_tranches_add(array(
            SELECT ROW(o.allocation_id, o.status, -1)::allocation_tranche_change FROM old_rows o));
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER allocation_tranches_insert AFTER INSERT ON disbursement
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION allocation_tranches_kept();
CREATE TRIGGER allocation_tranches_update AFTER UPDATE ON disbursement
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION allocation_tranches_kept();
CREATE TRIGGER allocation_tranches_delete AFTER DELETE ON disbursement
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION allocation_tranches_kept();

-- A cancelled allocation leaves the work list, with whatever tranches it still has.
CREATE FUNCTION allocation_tranches_active() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    UPDATE allocation_tranches SET active = (NEW.status = 'ACTIVE') WHERE allocation_id = NEW.id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER allocation_tranches_active AFTER UPDATE OF status ON allocation
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION allocation_tranches_active();

-- The rows the allocations of a year (null: of all) and their tranches add up to: the first fill, the scale generator's
-- and the recount below.
CREATE FUNCTION allocation_tranches_counted(year INTEGER)
    RETURNS TABLE (allocation_id BIGINT, fiscal_year INTEGER, opd_code VARCHAR, kecamatan_code VARCHAR, active BOOLEAN,
                   draft BIGINT, submitted BIGINT, verified BIGINT, rejected BIGINT)
    LANGUAGE sql STABLE AS
$$
SELECT a.id, a.fiscal_year, a.opd_code, a.kecamatan_code, a.status = 'ACTIVE',
       count(*) FILTER (WHERE d.status = 'DRAFT'), count(*) FILTER (WHERE d.status = 'SUBMITTED'),
       count(*) FILTER (WHERE d.status = 'VERIFIED'), count(*) FILTER (WHERE d.status = 'REJECTED')
FROM disbursement d
JOIN allocation a ON a.id = d.allocation_id
WHERE year IS NULL OR d.fiscal_year = year
GROUP BY a.id
$$;

-- Where the kept rows of a year (null: all) differ from a recount of the tranches (none, when the triggers did their
-- work; a missing row counts as no tranche): the allocation, the figure (a status, or active as 1 or 0), kept and
-- counted. Reads every tranche of the year: for tests, the scale generator and operators, never a page.
CREATE FUNCTION allocation_tranches_differences(year INTEGER)
    RETURNS TABLE (allocation_id BIGINT, figure TEXT, kept BIGINT, counted BIGINT)
    LANGUAGE sql STABLE AS
$$
WITH counted AS (SELECT * FROM allocation_tranches_counted(year)),
kept AS (SELECT * FROM allocation_tranches t WHERE year IS NULL OR t.fiscal_year = year)
SELECT coalesce(k.allocation_id, c.allocation_id), f.figure, f.kept, f.counted
FROM kept k
FULL JOIN counted c ON c.allocation_id = k.allocation_id
CROSS JOIN LATERAL (VALUES
    ('draft', coalesce(k.draft, 0)::bigint, coalesce(c.draft, 0)),
    ('submitted', coalesce(k.submitted, 0)::bigint, coalesce(c.submitted, 0)),
    ('verified', coalesce(k.verified, 0)::bigint, coalesce(c.verified, 0)),
    ('rejected', coalesce(k.rejected, 0)::bigint, coalesce(c.rejected, 0)),
    -- an allocation without tranches needs no row: its activity is compared only where both have one
    ('active', CASE WHEN k.allocation_id IS NOT NULL AND c.allocation_id IS NOT NULL THEN k.active::int::bigint END,
               CASE WHEN k.allocation_id IS NOT NULL AND c.allocation_id IS NOT NULL THEN c.active::int::bigint END))
    f (figure, kept, counted)
WHERE f.kept IS DISTINCT FROM f.counted
ORDER BY 1, 2
$$;

INSERT INTO allocation_tranches (allocation_id, fiscal_year, opd_code, kecamatan_code, active, draft, submitted,
                                 verified, rejected)
SELECT * FROM allocation_tranches_counted(NULL) ORDER BY 1;
