-- Review notes of the Governor's expert team on a kecamatan, an OPD or an allocation. opd_code names the
-- OPD concerned (the OPD itself, or the allocation's OPD); its operators see and resolve the note.

CREATE TABLE review_note (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    target_type   VARCHAR(12)   NOT NULL CHECK (target_type IN ('KECAMATAN', 'OPD', 'ALLOCATION')),
    target_code   VARCHAR(30)   NOT NULL,
    target_label  VARCHAR(300)  NOT NULL,
    fiscal_year   INTEGER REFERENCES fiscal_year (year),
    opd_code      VARCHAR(30) REFERENCES opd (code),
    text          VARCHAR(2000) NOT NULL CHECK (length(trim(text)) > 0),
    status        VARCHAR(10)   NOT NULL CHECK (status IN ('OPEN', 'RESOLVED')),
    reply         VARCHAR(2000),
    created_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by    VARCHAR(50)   NOT NULL,
    resolved_at   TIMESTAMPTZ,
    resolved_by   VARCHAR(50),
    version       BIGINT        NOT NULL DEFAULT 0,
    CHECK (status = 'OPEN' OR (reply IS NOT NULL AND resolved_by IS NOT NULL))
);
CREATE INDEX review_note_target_idx ON review_note (target_type, target_code);
CREATE INDEX review_note_open_idx ON review_note (status, opd_code);
