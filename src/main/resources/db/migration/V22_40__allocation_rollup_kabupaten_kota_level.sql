-- A level of the allocation roll-up per kabupaten/kota alone (issue 20). The targeting page summed, per kabupaten/kota,
-- the money of every envelope: of the year for its regions (7,144 envelopes at national scale, 10 ms) and of every year
-- for its trend (35,720, 28 ms). Level 4 keeps the same figures once per kabupaten/kota (every OPD, programme and
-- mechanism: '*', as level 2 does per kecamatan): 361 rows a year.
--
--   4  per kabupaten/kota (region_code 'NN.NN'), every OPD, programme and mechanism — the targeting page's money
--
-- Written as the other levels are (allocation_rollup_changes_of, V22_32, V22_39), added at commit in key order.
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
             (3::smallint, a.kecamatan_code, a.opd_code, a.programme_code, a.mechanism),
             (4::smallint, left(a.kecamatan_code, 5)::varchar, '*'::varchar, '*'::varchar, '*'::varchar))
         l (level, region_code, opd_code, programme_code, mechanism),
     (SELECT a.status = 'ACTIVE') s (active)
$$;

-- The kabupaten/kota rows of the allocations and reports there are, a year at a time.
DO
$$
DECLARE
    y INTEGER;
BEGIN
    FOR y IN SELECT DISTINCT a.fiscal_year FROM allocation a ORDER BY 1 LOOP
        PERFORM allocation_rollup_add(allocation_rollup_net(array(
            SELECT c FROM allocation a LEFT JOIN progress_latest r ON r.allocation_id = a.id,
                          allocation_rollup_changes_of(a, r.month, r.physical_percent, 1) c
            WHERE a.fiscal_year = y AND c.level = 4)));
    END LOOP;
END;
$$;
