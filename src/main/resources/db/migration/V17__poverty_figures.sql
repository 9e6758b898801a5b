-- Official poverty figures (BPS, Susenas) per kabupaten/kota and for the province (code '15'), issue 16.
-- One row per figure and source: where sources disagree each version is a row, and exactly one per
-- region, year, period and indicator is the chosen one that counts; the others stay as alternatives.
-- A figure nobody published has no row at all: a gap is never filled.

CREATE TABLE poverty_figure (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_code VARCHAR(5)     NOT NULL CHECK (region_code = '15' OR region_code ~ '^15\.[0-9]{2}$'),
    year        INTEGER        NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    period      VARCHAR(10)    NOT NULL CHECK (period IN ('MARET', 'SEPTEMBER')),
    indicator   VARCHAR(20)    NOT NULL CHECK (indicator IN ('POVERTY_RATE', 'POOR_PEOPLE', 'POPULATION',
                                                             'POVERTY_LINE', 'P1', 'P2', 'EXTREME_POOR',
                                                             'EXTREME_RATE')),
    value       NUMERIC(18, 3) NOT NULL CHECK (value >= 0),
    source      VARCHAR(2000)  NOT NULL CHECK (length(trim(source)) > 0),
    source_body VARCHAR(200),
    note        VARCHAR(1000),
    chosen      BOOLEAN        NOT NULL,
    created_at  TIMESTAMPTZ    NOT NULL DEFAULT now(),
    created_by  VARCHAR(50)    NOT NULL,
    updated_at  TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_by  VARCHAR(50)    NOT NULL,
    version     BIGINT         NOT NULL DEFAULT 0,
    -- the province has no kabupaten/kota row; every other code must name one
    kabupaten_kota_code VARCHAR(5) GENERATED ALWAYS AS (CASE WHEN region_code = '15' THEN NULL ELSE region_code END)
        STORED REFERENCES kabupaten_kota (code),
    CHECK (indicator NOT IN ('POVERTY_RATE', 'EXTREME_RATE') OR value <= 100)
);
CREATE UNIQUE INDEX poverty_figure_one_chosen
    ON poverty_figure (region_code, year, period, indicator) WHERE chosen;
CREATE INDEX poverty_figure_year_idx ON poverty_figure (year, region_code);
