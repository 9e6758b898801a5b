-- Disbursements (pencairan) of allocations, in tranches with their SP2D. Invariant 2 (Σ non-rejected
-- disbursements of an allocation ≤ its amount) is kept like invariant 1: the service locks the allocation
-- row before it checks, the trigger below moves allocation.disbursed / allocation.realised and
-- envelope.realised on every write, and the CHECKs of V4 refuse any state that breaks the rule.
-- Invariant 4 (the submitter does not verify) is a CHECK of its own.

CREATE TABLE disbursement (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    allocation_id BIGINT         NOT NULL REFERENCES allocation (id),
    fiscal_year   INTEGER        NOT NULL,
    tranche       INTEGER        NOT NULL CHECK (tranche BETWEEN 1 AND 12),
    amount        NUMERIC(18, 2) NOT NULL CHECK (amount > 0),
    sp2d_number   VARCHAR(60)    NOT NULL CHECK (length(trim(sp2d_number)) > 0),
    sp2d_date     DATE           NOT NULL,
    remark        VARCHAR(1000),
    status        VARCHAR(10)    NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'VERIFIED', 'REJECTED')),
    reject_reason VARCHAR(1000),
    request_key   VARCHAR(64) UNIQUE,
    created_at    TIMESTAMPTZ    NOT NULL DEFAULT now(),
    created_by    VARCHAR(50)    NOT NULL,
    updated_at    TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_by    VARCHAR(50)    NOT NULL,
    submitted_at  TIMESTAMPTZ,
    submitted_by  VARCHAR(50),
    decided_at    TIMESTAMPTZ,
    decided_by    VARCHAR(50),
    version       BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT disbursement_sp2d_unique_in_year UNIQUE (fiscal_year, sp2d_number),
    CONSTRAINT disbursement_sp2d_date_in_year
        CHECK (sp2d_date BETWEEN make_date(fiscal_year, 1, 1) AND make_date(fiscal_year, 12, 31)),
    CONSTRAINT disbursement_rejected_has_reason CHECK (status <> 'REJECTED' OR reject_reason IS NOT NULL),
    CONSTRAINT disbursement_submitter_does_not_verify
        CHECK (status <> 'VERIFIED' OR (submitted_by IS NOT NULL AND decided_by <> submitted_by))
);
CREATE INDEX disbursement_allocation_idx ON disbursement (allocation_id);
CREATE INDEX disbursement_queue_idx ON disbursement (status, submitted_at);
CREATE INDEX disbursement_year_date_idx ON disbursement (fiscal_year, sp2d_date);

CREATE TABLE disbursement_evidence (
    disbursement_id BIGINT       PRIMARY KEY REFERENCES disbursement (id),
    file_name       VARCHAR(255) NOT NULL,
    content_type    VARCHAR(50)  NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes      INTEGER      NOT NULL CHECK (size_bytes BETWEEN 1 AND 5242880),
    content         BYTEA        NOT NULL,
    uploaded_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    uploaded_by     VARCHAR(50)  NOT NULL
);

CREATE FUNCTION disbursement_keeps_totals() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    new_counted NUMERIC(18, 2) := CASE WHEN TG_OP <> 'DELETE' AND NEW.status <> 'REJECTED' THEN NEW.amount ELSE 0 END;
    old_counted NUMERIC(18, 2) := CASE WHEN TG_OP <> 'INSERT' AND OLD.status <> 'REJECTED' THEN OLD.amount ELSE 0 END;
    new_verified NUMERIC(18, 2) := CASE WHEN TG_OP <> 'DELETE' AND NEW.status = 'VERIFIED' THEN NEW.amount ELSE 0 END;
    old_verified NUMERIC(18, 2) := CASE WHEN TG_OP <> 'INSERT' AND OLD.status = 'VERIFIED' THEN OLD.amount ELSE 0 END;
    target_id BIGINT := CASE WHEN TG_OP = 'DELETE' THEN OLD.allocation_id ELSE NEW.allocation_id END;
    realised_delta NUMERIC(18, 2) := new_verified - old_verified;
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.allocation_id <> OLD.allocation_id THEN
        RAISE EXCEPTION 'a disbursement cannot move to another allocation' USING ERRCODE = 'check_violation';
    END IF;
    IF (SELECT y.status FROM fiscal_year y JOIN allocation a ON a.fiscal_year = y.year WHERE a.id = target_id) = 'CLOSED' THEN
        RAISE EXCEPTION 'the fiscal year of allocation % is closed', target_id USING ERRCODE = 'check_violation',
            CONSTRAINT = 'fiscal_year_closed';
    END IF;
    IF new_counted - old_counted <> 0 OR realised_delta <> 0 THEN
        UPDATE allocation
        SET disbursed = disbursed + (new_counted - old_counted), realised = realised + realised_delta
        WHERE id = target_id;
    END IF;
    IF realised_delta <> 0 THEN
        UPDATE envelope e SET realised = e.realised + realised_delta
        FROM allocation a
        WHERE a.id = target_id AND e.fiscal_year = a.fiscal_year AND e.kecamatan_code = a.kecamatan_code;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER disbursement_totals
    AFTER INSERT OR UPDATE OR DELETE ON disbursement
    FOR EACH ROW EXECUTE FUNCTION disbursement_keeps_totals();
