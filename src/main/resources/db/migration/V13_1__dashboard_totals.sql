-- The dashboard reads a kecamatan's figures from its envelope instead of adding up the allocations on
-- every page view: envelope.allocated and envelope.realised are kept by the triggers of V4 and V5, and
-- the number of active allocations is kept here the same way.

ALTER TABLE envelope ADD COLUMN allocations INTEGER NOT NULL DEFAULT 0 CHECK (allocations >= 0);

-- closed years are frozen by envelope_closed_year_guard; counting what is already there changes no money
ALTER TABLE envelope DISABLE TRIGGER envelope_closed_year_guard;
UPDATE envelope e
SET allocations = c.n
FROM (SELECT fiscal_year, kecamatan_code, count(*) AS n
      FROM allocation WHERE status = 'ACTIVE'
      GROUP BY fiscal_year, kecamatan_code) c
WHERE e.fiscal_year = c.fiscal_year AND e.kecamatan_code = c.kecamatan_code;
ALTER TABLE envelope ENABLE TRIGGER envelope_closed_year_guard;

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

-- What waits for verification, and what was realised by a date: the two disbursement questions every
-- dashboard view asks, answered from small partial indexes without reading the table.
CREATE INDEX disbursement_submitted_idx ON disbursement (fiscal_year, submitted_at) INCLUDE (amount, allocation_id)
    WHERE status = 'SUBMITTED';
CREATE INDEX disbursement_verified_idx ON disbursement (fiscal_year, sp2d_date) INCLUDE (amount, allocation_id)
    WHERE status = 'VERIFIED';
