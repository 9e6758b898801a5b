-- Monitoring and evaluation (monev), issue 15: output targets of an allocation, its monthly progress
-- reports with the output achieved and field photos, the obstacles (kendala) met with their follow-up,
-- and the traffic-light settings. Later changes of one part come as V16_<n> migrations of that part.

CREATE TABLE allocation_output (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    allocation_id BIGINT         NOT NULL REFERENCES allocation (id),
    name          VARCHAR(200)   NOT NULL CHECK (length(trim(name)) > 0),
    unit          VARCHAR(30)    NOT NULL CHECK (length(trim(unit)) > 0),
    target        NUMERIC(14, 2) NOT NULL CHECK (target > 0),
    position      INTEGER        NOT NULL DEFAULT 0,
    version       BIGINT         NOT NULL DEFAULT 0,
    UNIQUE (allocation_id, name)
);
CREATE INDEX allocation_output_allocation_idx ON allocation_output (allocation_id, position);

-- One report per allocation and month: the unique key is what turns the second of two simultaneous
-- first saves into a 409 instead of a second report.
CREATE TABLE progress_report (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    allocation_id     BIGINT        NOT NULL REFERENCES allocation (id),
    fiscal_year       INTEGER       NOT NULL REFERENCES fiscal_year (year),
    month             INTEGER       NOT NULL CHECK (month BETWEEN 1 AND 12),
    physical_percent  NUMERIC(5, 2) NOT NULL CHECK (physical_percent BETWEEN 0 AND 100),
    narrative         VARCHAR(4000),
    correction_reason VARCHAR(1000),
    created_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by        VARCHAR(50)   NOT NULL,
    updated_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by        VARCHAR(50)   NOT NULL,
    version           BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT progress_report_one_per_month UNIQUE (allocation_id, month)
);
CREATE INDEX progress_report_year_month_idx ON progress_report (fiscal_year, month);

CREATE TABLE progress_report_output (
    report_id BIGINT         NOT NULL REFERENCES progress_report (id),
    output_id BIGINT         NOT NULL REFERENCES allocation_output (id),
    achieved  NUMERIC(14, 2) NOT NULL CHECK (achieved >= 0),
    PRIMARY KEY (report_id, output_id)
);

-- Field photos: what lists and maps read is here; the bytes are in progress_photo_content so that a list
-- of photos never loads them. Both live in the database, so every instance sees them and a backup has them.
CREATE TABLE progress_photo (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_id         BIGINT        NOT NULL REFERENCES progress_report (id),
    file_name         VARCHAR(255)  NOT NULL,
    content_type      VARCHAR(20)   NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
    size_bytes        INTEGER       NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
    width             INTEGER       NOT NULL CHECK (width > 0),
    height            INTEGER       NOT NULL CHECK (height > 0),
    taken_at          TIMESTAMPTZ,
    latitude          NUMERIC(9, 6) CHECK (latitude BETWEEN -90 AND 90),
    longitude         NUMERIC(9, 6) CHECK (longitude BETWEEN -180 AND 180),
    without_gps       BOOLEAN       NOT NULL,
    outside_kecamatan BOOLEAN       NOT NULL,
    outside_month     BOOLEAN       NOT NULL,
    uploaded_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    uploaded_by       VARCHAR(50)   NOT NULL,
    CHECK ((latitude IS NULL) = (longitude IS NULL)),
    CHECK (without_gps = (latitude IS NULL))
);
CREATE INDEX progress_photo_report_idx ON progress_photo (report_id);

CREATE TABLE progress_photo_content (
    photo_id  BIGINT PRIMARY KEY REFERENCES progress_photo (id),
    original  BYTEA  NOT NULL,
    display   BYTEA  NOT NULL,
    thumbnail BYTEA  NOT NULL
);

CREATE TABLE obstacle (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    allocation_id      BIGINT        NOT NULL REFERENCES allocation (id),
    -- copied from the allocation (which never moves) so that the lists filter without a join
    fiscal_year        INTEGER       NOT NULL,
    opd_code           VARCHAR(30)   NOT NULL REFERENCES opd (code),
    kecamatan_code     VARCHAR(8)    NOT NULL REFERENCES kecamatan (code),
    progress_report_id BIGINT REFERENCES progress_report (id),
    category           VARCHAR(20)   NOT NULL CHECK (category IN ('ADMINISTRASI', 'DATA_PENERIMA', 'PENGADAAN', 'SDM',
                                                                  'ANGGARAN', 'KONDISI_LAPANGAN', 'LAINNYA')),
    description        VARCHAR(2000) NOT NULL CHECK (length(trim(description)) > 0),
    since              DATE          NOT NULL,
    status             VARCHAR(12)   NOT NULL CHECK (status IN ('OPEN', 'IN_FOLLOW_UP', 'RESOLVED')),
    escalated_at       TIMESTAMPTZ,
    escalated_by       VARCHAR(50),
    resolution         VARCHAR(2000),
    resolved_at        TIMESTAMPTZ,
    resolved_by        VARCHAR(50),
    created_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by         VARCHAR(50)   NOT NULL,
    version            BIGINT        NOT NULL DEFAULT 0,
    CHECK ((escalated_at IS NULL) = (escalated_by IS NULL)),
    CHECK (status <> 'RESOLVED' OR (resolution IS NOT NULL AND resolved_by IS NOT NULL))
);
CREATE INDEX obstacle_allocation_idx ON obstacle (allocation_id);
CREATE INDEX obstacle_open_idx ON obstacle (fiscal_year, status, opd_code);

CREATE TABLE obstacle_follow_up (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    obstacle_id BIGINT        NOT NULL REFERENCES obstacle (id),
    action      VARCHAR(1000) NOT NULL CHECK (length(trim(action)) > 0),
    responsible VARCHAR(200)  NOT NULL CHECK (length(trim(responsible)) > 0),
    due_date    DATE          NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by  VARCHAR(50)   NOT NULL
);
CREATE INDEX obstacle_follow_up_obstacle_idx ON obstacle_follow_up (obstacle_id);

CREATE TABLE obstacle_comment (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    obstacle_id BIGINT        NOT NULL REFERENCES obstacle (id),
    text        VARCHAR(2000) NOT NULL CHECK (length(trim(text)) > 0),
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by  VARCHAR(50)   NOT NULL
);
CREATE INDEX obstacle_comment_obstacle_idx ON obstacle_comment (obstacle_id);

-- The traffic light's thresholds (deviation points between planned and physical progress), one row.
CREATE TABLE monev_setting (
    id                   INTEGER       PRIMARY KEY CHECK (id = 1),
    green_max_deviation  NUMERIC(5, 2) NOT NULL CHECK (green_max_deviation >= 0),
    yellow_max_deviation NUMERIC(5, 2) NOT NULL,
    updated_at           TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by           VARCHAR(50)   NOT NULL,
    version              BIGINT        NOT NULL DEFAULT 0,
    CHECK (yellow_max_deviation >= green_max_deviation AND yellow_max_deviation <= 100)
);
INSERT INTO monev_setting (id, green_max_deviation, yellow_max_deviation, updated_by) VALUES (1, 10, 25, 'system');

-- Tranches released on progress: the physical progress the latest report must show before tranche 2 and later.
ALTER TABLE programme ADD COLUMN min_progress_for_next_tranche NUMERIC(5, 2)
    CHECK (min_progress_for_next_tranche BETWEEN 0 AND 100);
