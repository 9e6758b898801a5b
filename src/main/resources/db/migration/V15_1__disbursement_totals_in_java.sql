-- The totals a disbursement moves (allocation.disbursed, allocation.realised, envelope.realised) belong to the
-- allocation capability and are now moved by it, in Java, when the disbursement capability tells it what
-- changed (Allocations.recordSpending, under the same locks as before). The trigger of V5 keeps only its
-- guards: a disbursement stays on its allocation, and nothing is written in a closed fiscal year. The CHECKs of
-- V4 (disbursed <= amount, realised <= disbursed, realised <= allocated) stay the safety net.

DROP TRIGGER disbursement_totals ON disbursement;
DROP FUNCTION disbursement_keeps_totals();

CREATE FUNCTION disbursement_guards() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    target_id BIGINT := CASE WHEN TG_OP = 'DELETE' THEN OLD.allocation_id ELSE NEW.allocation_id END;
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.allocation_id <> OLD.allocation_id THEN
        RAISE EXCEPTION 'a disbursement cannot move to another allocation' USING ERRCODE = 'check_violation';
    END IF;
    IF (SELECT y.status FROM fiscal_year y JOIN allocation a ON a.fiscal_year = y.year WHERE a.id = target_id) = 'CLOSED' THEN
        RAISE EXCEPTION 'the fiscal year of allocation % is closed', target_id USING ERRCODE = 'check_violation',
            CONSTRAINT = 'fiscal_year_closed';
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER disbursement_guard
    AFTER INSERT OR UPDATE OR DELETE ON disbursement
    FOR EACH ROW EXECUTE FUNCTION disbursement_guards();
