-- Kept totals deferred for a bulk load (issue 20): the scale data generator writes a million allocations, and the
-- row trigger that moves envelope.allocated/allocations (V13_1) costs an UPDATE of the envelope (and its closed-year
-- guard) per allocation: ~40 % of an allocation insert. A transaction that sets
--     SET LOCAL dumisake.kept_totals = 'deferred'
-- makes the triggers leave the totals of the allocations it INSERTS to it: the envelope's allocated total and count
-- (allocation_envelope_total) and the cells of allocation_total (allocation_totals_insert). Such a transaction must
-- add them itself, set-based, before it commits, and prove them: the generator adds them with one UPDATE of the
-- envelopes and one allocation_total_add() per year, then refuses to commit unless the kept-totals reconciliation
-- (Allocations.keptTotalsDifferences) finds no difference. What stays per row whatever the setting: the closed-year
-- and envelope-move guards, the CHECKs (the envelope's allocated <= pagu is checked when the generator's UPDATE adds
-- the year's allocations) and the foreign keys. Updates and deletes of allocations always move the totals at once.
--
-- Only where the runtime role may create temporary tables, i.e. outside prod (R__runtime_role_grants gives TEMPORARY
-- only there, and the prod profile refuses a runtime role that has it, shared/db/RuntimeRoleCheck): a custom setting
-- can be set by any role, so in prod the setting is ignored and every allocation moves its totals as before.

CREATE FUNCTION kept_totals_deferred() RETURNS boolean
    LANGUAGE sql STABLE AS
$$
SELECT current_setting('dumisake.kept_totals', true) IS NOT DISTINCT FROM 'deferred'
       AND has_database_privilege(current_database(), 'TEMPORARY')
$$;

CREATE OR REPLACE FUNCTION allocation_keeps_envelope_total() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    row_year   INTEGER := CASE WHEN TG_OP = 'DELETE' THEN OLD.fiscal_year ELSE NEW.fiscal_year END;
    row_kec    VARCHAR := CASE WHEN TG_OP = 'DELETE' THEN OLD.kecamatan_code ELSE NEW.kecamatan_code END;
    delta      NUMERIC(18, 2);
    count_delta INTEGER;
BEGIN
    IF (SELECT status FROM fiscal_year WHERE year = row_year) = 'CLOSED' THEN
        RAISE EXCEPTION 'fiscal year % is closed', row_year USING ERRCODE = 'check_violation',
            CONSTRAINT = 'fiscal_year_closed';
    END IF;
    IF TG_OP = 'UPDATE' AND (NEW.fiscal_year, NEW.kecamatan_code) IS DISTINCT FROM (OLD.fiscal_year, OLD.kecamatan_code) THEN
        RAISE EXCEPTION 'an allocation cannot move to another envelope' USING ERRCODE = 'check_violation';
    END IF;
    IF TG_OP = 'INSERT' AND kept_totals_deferred() THEN
        RETURN NULL;
    END IF;
    delta := CASE WHEN TG_OP <> 'DELETE' AND NEW.status = 'ACTIVE' THEN NEW.amount ELSE 0 END
           - CASE WHEN TG_OP <> 'INSERT' AND OLD.status = 'ACTIVE' THEN OLD.amount ELSE 0 END;
    count_delta := CASE WHEN TG_OP <> 'DELETE' AND NEW.status = 'ACTIVE' THEN 1 ELSE 0 END
                 - CASE WHEN TG_OP <> 'INSERT' AND OLD.status = 'ACTIVE' THEN 1 ELSE 0 END;
    IF delta <> 0 OR count_delta <> 0 THEN
        UPDATE envelope SET allocated = allocated + delta, allocations = allocations + count_delta
        WHERE fiscal_year = row_year AND kecamatan_code = row_kec;
    END IF;
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION allocation_totals_inserted() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF kept_totals_deferred() THEN
        RETURN NULL;
    END IF;
    PERFORM allocation_total_add(array(
        SELECT ROW(c.fiscal_year, c.kecamatan_code, c.opd_code, c.programme_code, c.mechanism, sum(c.allocations),
                   sum(c.cancelled), sum(c.allocated), sum(c.disbursed), sum(c.realised))::allocation_total_change
        FROM new_rows n, allocation_total_change_of(n, 1) c
        GROUP BY c.fiscal_year, c.kecamatan_code, c.opd_code, c.programme_code, c.mechanism));
    RETURN NULL;
END;
$$;
