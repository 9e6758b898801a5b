-- The statements GET /api/v1/dashboard/deviation?year=2026&groupBy=kecamatan runs (user ahli): SessionCheck,
-- fiscalYears.requireExisting(2026), the thresholds, and the one grouped deviation statement of DeviationReadModel
-- (measured at month 11: the last month that is over on 5 Dec 2026), as it was before V18_20: the latest report
-- of each allocation found by a lateral join over its reports. For comparisons (SQL=... bench/monev-deviation-bench.sh).
--   pgbench -n -f bench/monev-deviation.sql -c 1 -T 30 -h localhost -p $PORT -U postgres postgres

-- SignedInChecks: SessionCheck.mayContinue('ahli')
select enabled from user_account where username = 'ahli';
-- fiscalYears.requireExisting(2026)
select 1 from fiscal_year where year = 2026;
-- ThresholdService.setting()
select id, green_max_deviation, updated_at, updated_by, version, yellow_max_deviation from monev_setting where id = 1;
-- DeviationReadModel.of(kecamatan)
select a.kecamatan_code as code, c.name as name, count(*) as allocations, sum(a.amount) as amount,
       sum(a.amount * (case when a.planned_month <= 11 then 100 else 0 end) / 100) as planned_amount,
       sum(a.amount * coalesce(r.physical_percent, 0) / 100) as physical_amount,
       sum(a.realised) as realised,
       coalesce(sum(a.amount) filter (where coalesce(r.month, 0) < 11), 0) as missing_amount
from allocation a
left join lateral (select r.month, r.physical_percent from progress_report r
                   where r.allocation_id = a.id order by r.month desc limit 1) r on true
join kecamatan c on c.code = a.kecamatan_code
where a.fiscal_year = 2026 and a.status = 'ACTIVE'
group by 1, 2 order by 1;
