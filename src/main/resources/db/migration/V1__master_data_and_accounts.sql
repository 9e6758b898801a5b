-- Administrative regions of Jambi (Kemendagri codes), the provincial agencies (OPD) and the logins.
-- Rows are loaded by V2 (JambiMasterDataMigration) from the CSV files under data/jambi.

CREATE TABLE kabupaten_kota (
    code VARCHAR(5)   PRIMARY KEY CHECK (code ~ '^[0-9]{2}\.[0-9]{2}$'),
    name VARCHAR(100) NOT NULL,
    type VARCHAR(10)  NOT NULL CHECK (type IN ('KABUPATEN', 'KOTA'))
);

CREATE TABLE kecamatan (
    code                VARCHAR(8)   PRIMARY KEY CHECK (code ~ '^[0-9]{2}\.[0-9]{2}\.[0-9]{2}$'),
    kabupaten_kota_code VARCHAR(5)   NOT NULL REFERENCES kabupaten_kota (code),
    name                VARCHAR(100) NOT NULL,
    CHECK (left(code, 5) = kabupaten_kota_code)
);
CREATE INDEX kecamatan_kabupaten_kota_idx ON kecamatan (kabupaten_kota_code);

CREATE TABLE desa (
    code           VARCHAR(13)  PRIMARY KEY CHECK (code ~ '^[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[12][0-9]{3}$'),
    kecamatan_code VARCHAR(8)   NOT NULL REFERENCES kecamatan (code),
    name           VARCHAR(100) NOT NULL,
    type           VARCHAR(10)  NOT NULL CHECK (type IN ('DESA', 'KELURAHAN')),
    CHECK (left(code, 8) = kecamatan_code)
);
CREATE INDEX desa_kecamatan_idx ON desa (kecamatan_code);

CREATE TABLE opd (
    code          VARCHAR(30)  PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9-]*$'),
    name          VARCHAR(200) NOT NULL UNIQUE,
    opd_type      VARCHAR(30)  NOT NULL,
    dumisake_role TEXT,
    source_urls   TEXT,
    active        BOOLEAN      NOT NULL DEFAULT TRUE
);

CREATE TABLE user_account (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username             VARCHAR(50)  NOT NULL UNIQUE CHECK (username = lower(username)),
    full_name            VARCHAR(150) NOT NULL,
    password_hash        VARCHAR(200) NOT NULL,
    role                 VARCHAR(20)  NOT NULL CHECK (role IN ('ADMIN', 'OPD_OPERATOR', 'EXPERT')),
    opd_code             VARCHAR(30)  REFERENCES opd (code),
    enabled              BOOLEAN      NOT NULL DEFAULT TRUE,
    must_change_password BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version              BIGINT       NOT NULL DEFAULT 0,
    -- an operator works for exactly one agency; the other roles for none
    CHECK ((role = 'OPD_OPERATOR') = (opd_code IS NOT NULL))
);
