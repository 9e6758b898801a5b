-- The two guards of a disbursement (V15_1) checked once per statement, over all of its rows, instead of row by row:
-- the same rules, errors and messages. Row by row, each row's lookup of its allocation's fiscal year cost ~14 µs: 9 s
-- of the 660,000 disbursements of one national year (the scale generator), and as much of a large import. For the one
-- row that a submission, verification or rejection writes, it is one lookup either way.

DROP TRIGGER disbursement_guard ON disbursement;
DROP FUNCTION disbursement_guards();

CREATE FUNCTION disbursement_guards() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    target_id BIGINT;
BEGIN
    -- nested: an expression is planned whole, and an insert's statement has no old rows to name
    IF TG_OP = 'UPDATE' THEN
        IF EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id
                   WHERE n.allocation_id <> o.allocation_id) THEN
            RAISE EXCEPTION 'a disbursement cannot move to another allocation' USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    -- a row that stays on its allocation has the same year before and after: the new rows tell it, or the deleted ones
    IF TG_OP = 'DELETE' THEN
        SELECT r.allocation_id INTO target_id
        FROM old_rows r JOIN allocation a ON a.id = r.allocation_id JOIN fiscal_year y ON y.year = a.fiscal_year
        WHERE y.status = 'CLOSED' LIMIT 1;
    ELSE
        SELECT r.allocation_id INTO target_id
        FROM new_rows r JOIN allocation a ON a.id = r.allocation_id JOIN fiscal_year y ON y.year = a.fiscal_year
        WHERE y.status = 'CLOSED' LIMIT 1;
    END IF;
    IF target_id IS NOT NULL THEN
        RAISE EXCEPTION 'the fiscal year of allocation % is closed', target_id USING ERRCODE = 'check_violation',
            CONSTRAINT = 'fiscal_year_closed';
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER disbursement_guard_insert AFTER INSERT ON disbursement
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION disbursement_guards();
CREATE TRIGGER disbursement_guard_update AFTER UPDATE ON disbursement
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION disbursement_guards();
CREATE TRIGGER disbursement_guard_delete AFTER DELETE ON disbursement
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION disbursement_guards();
