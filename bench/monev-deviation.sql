-- The statements GET /api/v1/dashboard/deviation?year=2026&groupBy=kecamatan runs (user ahli): SessionCheck,
-- fiscalYears.requireExisting(2026), the thresholds, and the one grouped deviation statement of DeviationReadModel
-- (measured at month 11: the last month that is over in December 2026), which reads the sums kept per kecamatan in
-- allocation_rollup since V22_32 (before: every active allocation with its latest report from progress_latest).
--   pgbench -n -f bench/monev-deviation.sql -c 1 -T 30 -h localhost -p $PORT -U postgres postgres

-- SignedInChecks: SessionCheck.mayContinue('ahli')
select enabled from user_account where username = 'ahli';
-- fiscalYears.requireExisting(2026)
select 1 from fiscal_year where year = 2026;
-- ThresholdService.setting()
select id, green_max_deviation, updated_at, updated_by, version, yellow_max_deviation from monev_setting where id = 1;
-- DeviationReadModel.forEach(kecamatan): the kept rows of level 2 as they are, one per kecamatan (V22_32)
select g.code::text as code, c.name as name, null as place, g.allocations, g.amount,
       coalesce(g.planned_amount, 0) as planned_amount, round(g.physical / 100, 6) as physical_amount, g.realised,
       coalesce(g.missing_amount, 0) as missing_amount
from (select d.region_code as code, d.allocations, d.amount, d.planned_by[11] as planned_amount, d.physical,
             d.realised, d.unreported_before[11] as missing_amount
      from allocation_rollup d where d.fiscal_year = 2026 and d.level = 2 and d.allocations > 0) g
join kecamatan c on c.code = g.code
order by g.code;
