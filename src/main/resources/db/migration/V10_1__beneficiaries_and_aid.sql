-- Beneficiaries of direct aid and their aid records (issue 6).
-- No double receipt: one NIK receives aid of one programme at most once per fiscal year. The partial
-- unique index below is the guarantee that also holds when two operators (or two instances) record the
-- same person at the same moment; the service turns its violation into DOUBLE_RECEIPT.
-- Σ aid of an allocation ≤ the allocation: the service locks the allocation row before it sums.

ALTER TABLE programme ADD COLUMN max_welfare_decile INTEGER CHECK (max_welfare_decile BETWEEN 1 AND 10);

CREATE TABLE beneficiary (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    nik            CHAR(16)     NOT NULL UNIQUE CHECK (nik ~ '^[0-9]{16}$'),
    name           VARCHAR(200) NOT NULL CHECK (length(trim(name)) > 0),
    sex            CHAR(1)      NOT NULL CHECK (sex IN ('M', 'F')),
    date_of_birth  DATE         NOT NULL,
    desa_code      VARCHAR(13)  NOT NULL REFERENCES desa (code),
    address        VARCHAR(500) NOT NULL,
    phone          VARCHAR(30),
    welfare_decile INTEGER CHECK (welfare_decile BETWEEN 1 AND 10),
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by     VARCHAR(50)  NOT NULL,
    -- the OPD whose operator registered the person (null when an admin did): its operators see the full NIK
    registered_opd VARCHAR(30) REFERENCES opd (code),
    version        BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX beneficiary_desa_idx ON beneficiary (desa_code);

CREATE TABLE aid (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    beneficiary_id     BIGINT         NOT NULL REFERENCES beneficiary (id),
    -- copied from the beneficiary and the allocation so that the unique index can see them
    nik                CHAR(16)       NOT NULL,
    allocation_id      BIGINT         NOT NULL REFERENCES allocation (id),
    programme_code     VARCHAR(30)    NOT NULL REFERENCES programme (code),
    fiscal_year        INTEGER        NOT NULL,
    opd_code           VARCHAR(30)    NOT NULL REFERENCES opd (code),
    amount             NUMERIC(18, 2) NOT NULL CHECK (amount > 0),
    description        VARCHAR(500),
    aid_date           DATE           NOT NULL,
    status             VARCHAR(10)    NOT NULL DEFAULT 'RECORDED' CHECK (status IN ('RECORDED', 'CANCELLED')),
    created_at         TIMESTAMPTZ    NOT NULL DEFAULT now(),
    created_by         VARCHAR(50)    NOT NULL,
    CONSTRAINT aid_date_in_year CHECK (aid_date BETWEEN make_date(fiscal_year, 1, 1) AND make_date(fiscal_year, 12, 31))
);
CREATE UNIQUE INDEX aid_no_double_receipt ON aid (nik, programme_code, fiscal_year) WHERE status <> 'CANCELLED';
CREATE INDEX aid_allocation_idx ON aid (allocation_id);
CREATE INDEX aid_beneficiary_idx ON aid (beneficiary_id);

-- The error report of a refused import, downloadable by whoever uploaded the file.
CREATE TABLE beneficiary_import (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_name    VARCHAR(255) NOT NULL,
    rows_read    INTEGER      NOT NULL,
    beneficiaries_created INTEGER NOT NULL DEFAULT 0,
    aid_created  INTEGER      NOT NULL DEFAULT 0,
    error_count  INTEGER      NOT NULL DEFAULT 0,
    error_report TEXT,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by   VARCHAR(50)  NOT NULL
);
