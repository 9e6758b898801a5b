-- A province-wide level of the allocation roll-up (issue 20). The province's breakdown by OPD, programme and mechanism
-- and the footer of a year's allocation list without a region summed the roll-up's kabupaten/kota rows (level 1): some
-- 8,000 a year at national scale, 12 ms of every province page and of every unfiltered allocation list. Level 0 keeps
-- the same figures once per OPD, programme and mechanism (region_code '*', a code none has): a few dozen rows.
--
--   0  per OPD, programme and mechanism, the whole province — the breakdowns and list footers without a region
--
-- Written as the other levels are: allocation_rollup_changes_of now yields the row of level 0 too, so the triggers, the
-- scale generator's roll-up of a year and allocation_rollup_differences() (V22_32) count it like the others. It is
-- shared by every writer of its OPD, programme and mechanism in the province; like a kabupaten/kota row it is added at
-- commit, in key order (level 0 first), so a writer holds it only while it commits.
CREATE OR REPLACE FUNCTION allocation_rollup_changes_of(a allocation, report_month INTEGER, physical_percent NUMERIC,
                                                        sign INTEGER)
    RETURNS SETOF allocation_rollup_change
    LANGUAGE sql IMMUTABLE AS
$$
SELECT ROW(a.fiscal_year, l.level, l.region_code, l.opd_code, l.programme_code, l.mechanism, a.planned_month,
           coalesce(report_month, 0), sign * active::int, sign * (NOT active)::int,
           CASE WHEN active THEN sign * a.amount ELSE 0 END, CASE WHEN active THEN sign * a.disbursed ELSE 0 END,
           CASE WHEN active THEN sign * a.realised ELSE 0 END,
           CASE WHEN active THEN sign * a.amount * coalesce(physical_percent, 0) ELSE 0 END)::allocation_rollup_change
FROM (VALUES (0::smallint, '*'::varchar, a.opd_code, a.programme_code, a.mechanism),
             (1::smallint, left(a.kecamatan_code, 5)::varchar, a.opd_code, a.programme_code, a.mechanism),
             (2::smallint, a.kecamatan_code, '*'::varchar, '*'::varchar, '*'::varchar),
             (3::smallint, a.kecamatan_code, a.opd_code, a.programme_code, a.mechanism))
         l (level, region_code, opd_code, programme_code, mechanism),
     (SELECT a.status = 'ACTIVE') s (active)
$$;

-- The province rows of the allocations and reports there are, a year at a time.
DO
$$
DECLARE
    y INTEGER;
BEGIN
    FOR y IN SELECT DISTINCT a.fiscal_year FROM allocation a ORDER BY 1 LOOP
        PERFORM allocation_rollup_add(allocation_rollup_net(array(
            SELECT c FROM allocation a LEFT JOIN progress_latest r ON r.allocation_id = a.id,
                          allocation_rollup_changes_of(a, r.month, r.physical_percent, 1) c
            WHERE a.fiscal_year = y AND c.level = 0)));
    END LOOP;
END;
$$;
