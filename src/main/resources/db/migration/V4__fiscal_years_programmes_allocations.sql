-- Fiscal years, the Dumisake programme catalogue, one envelope per kecamatan and year, and allocations.
-- Invariant 1 (Σ active allocations of an envelope ≤ its pagu) lives here as well as in the service:
-- the trigger keeps envelope.allocated equal to the sum of the ACTIVE allocations on every write,
-- whoever writes, and the CHECK refuses any state above the pagu. Invariant 3 (a closed year changes no
-- more) is enforced by the same trigger for allocations.

CREATE TABLE fiscal_year (
    year               INTEGER       PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    pagu_per_kecamatan NUMERIC(18, 2) NOT NULL CHECK (pagu_per_kecamatan > 0),
    status             VARCHAR(10)   NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    opened_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    opened_by          VARCHAR(50)   NOT NULL,
    closed_at          TIMESTAMPTZ,
    closed_by          VARCHAR(50),
    version            BIGINT        NOT NULL DEFAULT 0
);

CREATE TABLE programme (
    code          VARCHAR(30)  PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9-]*$'),
    name          VARCHAR(200) NOT NULL UNIQUE,
    pillar        VARCHAR(12)  NOT NULL CHECK (pillar IN ('CERDAS', 'SEHAT', 'TANGGUH', 'AGAMIS', 'RESPONSIF')),
    lead_opd_code VARCHAR(30)  NOT NULL REFERENCES opd (code),
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    version       BIGINT       NOT NULL DEFAULT 0
);

CREATE TABLE envelope (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    fiscal_year    INTEGER        NOT NULL REFERENCES fiscal_year (year),
    kecamatan_code VARCHAR(8)     NOT NULL REFERENCES kecamatan (code),
    pagu           NUMERIC(18, 2) NOT NULL CHECK (pagu > 0),
    allocated      NUMERIC(18, 2) NOT NULL DEFAULT 0 CHECK (allocated >= 0),
    realised       NUMERIC(18, 2) NOT NULL DEFAULT 0 CHECK (realised >= 0),
    UNIQUE (fiscal_year, kecamatan_code),
    CONSTRAINT envelope_within_pagu CHECK (allocated <= pagu),
    CONSTRAINT envelope_realised_within_allocated CHECK (realised <= allocated)
);

CREATE TABLE allocation (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    fiscal_year    INTEGER        NOT NULL,
    kecamatan_code VARCHAR(8)     NOT NULL,
    opd_code       VARCHAR(30)    NOT NULL REFERENCES opd (code),
    programme_code VARCHAR(30)    NOT NULL REFERENCES programme (code),
    mechanism      VARCHAR(30)    NOT NULL
        CHECK (mechanism IN ('BELANJA_OPD', 'BANTUAN_KEUANGAN_KABKOTA', 'BANTUAN_KEUANGAN_DESA')),
    desa_code      VARCHAR(13) REFERENCES desa (code),
    title          VARCHAR(300)   NOT NULL CHECK (length(trim(title)) > 0),
    amount         NUMERIC(18, 2) NOT NULL CHECK (amount > 0),
    planned_month  INTEGER        NOT NULL CHECK (planned_month BETWEEN 1 AND 12),
    status         VARCHAR(10)    NOT NULL CHECK (status IN ('ACTIVE', 'CANCELLED')),
    -- Σ non-rejected disbursements and Σ verified disbursements, kept by the disbursement capability
    disbursed      NUMERIC(18, 2) NOT NULL DEFAULT 0 CHECK (disbursed >= 0),
    realised       NUMERIC(18, 2) NOT NULL DEFAULT 0 CHECK (realised >= 0),
    cancel_reason  VARCHAR(500),
    created_at     TIMESTAMPTZ    NOT NULL DEFAULT now(),
    created_by     VARCHAR(50)    NOT NULL,
    updated_at     TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_by     VARCHAR(50)    NOT NULL,
    version        BIGINT         NOT NULL DEFAULT 0,
    FOREIGN KEY (fiscal_year, kecamatan_code) REFERENCES envelope (fiscal_year, kecamatan_code),
    -- a BANTUAN_KEUANGAN_DESA goes to exactly one desa of the envelope's kecamatan; the others to none
    CONSTRAINT allocation_desa_matches_mechanism
        CHECK ((mechanism = 'BANTUAN_KEUANGAN_DESA') = (desa_code IS NOT NULL)),
    CONSTRAINT allocation_desa_in_kecamatan CHECK (desa_code IS NULL OR left(desa_code, 8) = kecamatan_code),
    CONSTRAINT allocation_disbursed_within_amount CHECK (disbursed <= amount),
    CONSTRAINT allocation_realised_within_disbursed CHECK (realised <= disbursed),
    CONSTRAINT allocation_cancelled_has_nothing_realised CHECK (status = 'ACTIVE' OR realised = 0)
);
CREATE INDEX allocation_envelope_idx ON allocation (fiscal_year, kecamatan_code);
CREATE INDEX allocation_opd_idx ON allocation (opd_code, fiscal_year);
CREATE INDEX allocation_programme_idx ON allocation (programme_code, fiscal_year);

CREATE FUNCTION allocation_keeps_envelope_total() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    row_year   INTEGER := CASE WHEN TG_OP = 'DELETE' THEN OLD.fiscal_year ELSE NEW.fiscal_year END;
    row_kec    VARCHAR := CASE WHEN TG_OP = 'DELETE' THEN OLD.kecamatan_code ELSE NEW.kecamatan_code END;
    delta      NUMERIC(18, 2);
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
    IF delta <> 0 THEN
        UPDATE envelope SET allocated = allocated + delta
        WHERE fiscal_year = row_year AND kecamatan_code = row_kec;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER allocation_envelope_total
    AFTER INSERT OR UPDATE OR DELETE ON allocation
    FOR EACH ROW EXECUTE FUNCTION allocation_keeps_envelope_total();

-- The Dumisake menu as described in public sources (see data/jambi/SOURCES.md and the notes there);
-- admins add, rename and deactivate programmes in the application.
INSERT INTO programme (code, name, pillar, lead_opd_code) VALUES
    ('BEASISWA', 'Beasiswa S1, S2 dan S3 bagi mahasiswa kurang mampu dan berprestasi', 'CERDAS', 'BIRO-KESRA'),
    ('BANTUAN-PENDIDIKAN', 'Bantuan pendidikan siswa miskin SMA/SMK/SLB (perlengkapan sekolah dan SPP)', 'CERDAS', 'DISDIK'),
    ('INTERNET-DESA', 'Internet gratis desa/kelurahan blank spot', 'CERDAS', 'DISKOMINFO'),
    ('JAMINAN-KESEHATAN', 'Iuran jaminan kesehatan (JKN) PBPU/BP warga miskin', 'SEHAT', 'DINKES'),
    ('BEDAH-RUMAH', 'Bedah rumah tidak layak huni', 'TANGGUH', 'DPUPR'),
    ('MODAL-UMKM', 'Bantuan modal kerja UMKM dan industri rumah tangga', 'TANGGUH', 'DISKOPUKM'),
    ('PERKEBUNAN', 'Kelompok jasa perkebunan dan bibit sawit bagi pekebun miskin', 'TANGGUH', 'DISBUN'),
    ('KETAHANAN-PANGAN', 'Penguatan ketahanan pangan kelompok tani', 'TANGGUH', 'DKP'),
    ('INSENTIF-KEAGAMAAN', 'Insentif pegawai syara'', guru mengaji dan MDT serta bantuan rumah ibadah', 'AGAMIS', 'BIRO-KESRA'),
    ('BKBK-DESA', 'Bantuan Keuangan Bersifat Khusus (BKBK) desa/kelurahan', 'RESPONSIF', 'DP3AP2'),
    ('PERLINDUNGAN-SOSIAL', 'Bantuan lansia, penyandang disabilitas, anak terlantar dan PMKS', 'RESPONSIF', 'DINSOSDUKCAPIL');

CREATE FUNCTION envelope_of_open_year() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF (SELECT status FROM fiscal_year WHERE year = NEW.fiscal_year) = 'CLOSED' THEN
        RAISE EXCEPTION 'fiscal year % is closed', NEW.fiscal_year USING ERRCODE = 'check_violation',
            CONSTRAINT = 'fiscal_year_closed';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER envelope_closed_year_guard
    BEFORE UPDATE ON envelope
    FOR EACH ROW EXECUTE FUNCTION envelope_of_open_year();
