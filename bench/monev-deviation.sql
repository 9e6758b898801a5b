-- The statements GET /api/v1/dashboard/deviation?year=2026&groupBy=kecamatan runs (user ahli): SessionCheck,
-- fiscalYears.get(2026), the thresholds, and the one grouped deviation statement of DeviationReadModel
-- (measured at month 11: the last month that is over on 5 Dec 2026), which reads each allocation's latest report
-- from progress_latest (kept by the progress capability) since V18_20.
--   pgbench -n -f bench/monev-deviation.sql -c 1 -T 30 -h localhost -p $PORT -U postgres postgres

-- SignedInChecks: SessionCheck.mayContinue('ahli')
select enabled from user_account where username = 'ahli';
-- fiscalYears.get(2026)
select y.year, y.pagu_per_kecamatan, y.status, y.version, count(e.id) as envelopes,
       coalesce(sum(e.pagu), 0) as total_pagu, coalesce(sum(e.allocated), 0) as allocated,
       coalesce(sum(e.realised), 0) as realised
from fiscal_year y left join envelope e on e.fiscal_year = y.year where y.year = 2026 group by y.year;
-- ThresholdService.setting()
select id, green_max_deviation, updated_at, updated_by, version, yellow_max_deviation from monev_setting where id = 1;
-- DeviationReadModel.of(kecamatan)
select g.code::text as code, c.name as name, g.allocations, g.amount, g.planned_amount, g.physical_amount, g.realised,
       g.missing_amount
from (select a.kecamatan_code as code, count(*) as allocations, sum(a.amount) as amount,
             sum((case when a.planned_month <= 11 then a.amount else 0 end)) as planned_amount,
             sum(a.amount * coalesce(r.physical_percent, 0)) / 100 as physical_amount,
             sum(a.realised) as realised,
             sum(case when coalesce(r.month, 0) < 11 then a.amount else 0 end) as missing_amount
      from allocation a
      left join progress_latest r on r.allocation_id = a.id and r.fiscal_year = 2026
      where a.fiscal_year = 2026 and a.status = 'ACTIVE'
      group by a.kecamatan_code) g
join kecamatan c on c.code = g.code
order by g.code;
