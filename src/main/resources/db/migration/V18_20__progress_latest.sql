-- The latest progress report of every allocation that has one, kept beside the reports (issue 15, deviation
-- dashboard speed): the deviation and "Kenapa belum jalan?" pages read one row per allocation instead of
-- searching each allocation's reports. The progress capability rewrites an allocation's row from its reports in
-- the same transaction as every report it writes (LatestReports); this fills it for the reports already kept.
CREATE TABLE progress_latest (
    allocation_id    BIGINT PRIMARY KEY REFERENCES allocation (id),
    fiscal_year      INTEGER       NOT NULL,
    month            INTEGER       NOT NULL CHECK (month BETWEEN 1 AND 12),
    physical_percent NUMERIC(5, 2) NOT NULL,
    highest_percent  NUMERIC(5, 2) NOT NULL,
    report_count     INTEGER       NOT NULL CHECK (report_count > 0)
);
-- what the deviation statement reads of a year, from the index alone
CREATE INDEX progress_latest_year_idx ON progress_latest (fiscal_year) INCLUDE (allocation_id, month, physical_percent);

INSERT INTO progress_latest (allocation_id, fiscal_year, month, physical_percent, highest_percent, report_count)
SELECT DISTINCT ON (r.allocation_id) r.allocation_id, r.fiscal_year, r.month, r.physical_percent,
       max(r.physical_percent) OVER w, count(*) OVER w
FROM progress_report r
WINDOW w AS (PARTITION BY r.allocation_id)
ORDER BY r.allocation_id, r.month DESC;
