-- The targeting page without a cache (issue 20): every aid row carries where its person lives (desa) and their welfare
-- decile, so that "people reached per kabupaten/kota, per decile, per desa" reads the year's aid from one index instead
-- of joining it with every beneficiary (a sequential scan of 200,000 people at Jambi-5y scale, three times a request).
--
-- The rule that keeps the copies right lives here, in two triggers, and nowhere else: an aid row's person_desa_code and
-- person_decile are always its beneficiary's desa_code and welfare_decile.
--   * aid_person_residence (BEFORE INSERT OR UPDATE on aid, per row) sets them from the beneficiary row; whatever a
--     writer puts there is overwritten. It covers every writer of aid, present and future: the aid form, the API,
--     the import's COPY and the scale generator's INSERT … SELECT.
--   * aid_person_moved (AFTER UPDATE on beneficiary, per row, only when desa or decile changed) rewrites the person's
--     aid rows, which passes them through the first trigger again.
-- Why race-proof, on one instance or several: a new aid row (or one moved to another person) reads its beneficiary
-- FOR SHARE. When a change of the person's desa or decile is under way, the aid write waits for it and then reads the
-- changed row (READ COMMITTED re-reads a row it had to wait for); when the aid write came first, the change waits until
-- the aid is committed, and its trigger's UPDATE — a new statement, a new snapshot — sees that aid and rewrites it.
-- Any other update of an aid row (a cancellation) reads the beneficiary without a lock: the row is locked by its own
-- update, so a change of the person under way must wait for it before rewriting it with the new residence; a lock
-- there would instead let a cancellation and a change of the same person wait for each other (a deadlock).
-- Either way no aid row is left with the old residence. The copies are checked against the beneficiaries by
-- aid_residence_differences().
-- Not NOT NULL: a row whose beneficiary does not exist is refused by the foreign key with its own message.

ALTER TABLE aid
    ADD COLUMN person_desa_code VARCHAR(13),
    ADD COLUMN person_decile    INTEGER;

UPDATE aid x
SET person_desa_code = b.desa_code, person_decile = b.welfare_decile
FROM beneficiary b
WHERE b.id = x.beneficiary_id;

CREATE FUNCTION aid_person_residence() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.beneficiary_id = OLD.beneficiary_id THEN
        SELECT b.desa_code, b.welfare_decile INTO NEW.person_desa_code, NEW.person_decile
        FROM beneficiary b
        WHERE b.id = NEW.beneficiary_id;
    ELSE
        SELECT b.desa_code, b.welfare_decile INTO NEW.person_desa_code, NEW.person_decile
        FROM beneficiary b
        WHERE b.id = NEW.beneficiary_id
        FOR SHARE;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER aid_person_residence BEFORE INSERT OR UPDATE ON aid
    FOR EACH ROW EXECUTE FUNCTION aid_person_residence();

CREATE FUNCTION aid_person_moved() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    UPDATE aid SET person_desa_code = NEW.desa_code, person_decile = NEW.welfare_decile WHERE beneficiary_id = NEW.id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER aid_person_moved AFTER UPDATE OF desa_code, welfare_decile ON beneficiary
    FOR EACH ROW
    WHEN (OLD.desa_code IS DISTINCT FROM NEW.desa_code OR OLD.welfare_decile IS DISTINCT FROM NEW.welfare_decile)
    EXECUTE FUNCTION aid_person_moved();

-- Aid rows whose copies differ from their beneficiary (none, when the triggers did their work): the reconciliation
-- the tests and an administrator run.
CREATE FUNCTION aid_residence_differences()
    RETURNS TABLE (aid_id BIGINT, beneficiary_id BIGINT, kept_desa_code VARCHAR, desa_code VARCHAR,
                   kept_decile INTEGER, welfare_decile INTEGER)
    LANGUAGE sql STABLE AS
$$
SELECT x.id, b.id, x.person_desa_code, b.desa_code, x.person_decile, b.welfare_decile
FROM aid x
JOIN beneficiary b ON b.id = x.beneficiary_id
WHERE x.person_desa_code IS DISTINCT FROM b.desa_code OR x.person_decile IS DISTINCT FROM b.welfare_decile
ORDER BY x.id
$$;

-- The year's active aid by where its people live: people reached per desa and decile as a count over presorted rows,
-- summed to the kabupaten/kota and to the decile (a person lives in one desa and has one decile), and whether anyone
-- in a desa got aid, from the index alone; and by decile and programme or OPD, counted within each decile's rows.
CREATE INDEX aid_year_desa_idx ON aid (fiscal_year, person_desa_code, person_decile, beneficiary_id)
    INCLUDE (opd_code, amount) WHERE status <> 'CANCELLED';
CREATE INDEX aid_year_decile_idx ON aid (fiscal_year, person_decile, beneficiary_id)
    INCLUDE (person_desa_code, opd_code, programme_code, amount) WHERE status <> 'CANCELLED';
-- "has this person active aid in the year?" for the follow-up list, without reading the aid rows
CREATE INDEX aid_person_year_idx ON aid (beneficiary_id, fiscal_year) WHERE status <> 'CANCELLED';
-- the follow-up list's candidates (deciles 1–2) per desa, and an operator's (the people their OPD registered)
CREATE INDEX beneficiary_follow_up_idx ON beneficiary (desa_code, registered_opd) WHERE welfare_decile <= 2;
-- the plans of the statements above need the new columns' statistics at once, not after the next autovacuum
ANALYZE aid;
