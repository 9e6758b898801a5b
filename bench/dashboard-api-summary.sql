-- The statements GET /api/v1/dashboard/summary?year=2026 runs (user ahli): SessionCheck, fiscalYears.get(2026)
-- and the three statements of DashboardService.summary — the same text as in dashboard-summary.sql.
--   pgbench -n -f bench/dashboard-api-summary.sql -c 1 -T 30 -h localhost -p $PORT -U postgres postgres

-- SignedInChecks: SessionCheck.mayContinue('ahli')
select enabled from user_account where username = 'ahli';
-- fiscalYears.get(2026)
select y.year, y.pagu_per_kecamatan, y.status, y.version, count(e.id) as envelopes,
       coalesce(sum(e.pagu), 0) as total_pagu, coalesce(sum(e.allocated), 0) as allocated,
       coalesce(sum(e.realised), 0) as realised
from fiscal_year y left join envelope e on e.fiscal_year = y.year where y.year = 2026 group by y.year;
-- summary(): rollup — kecamatan rows, kabupaten/kota subtotals and the province total
select kabupaten_kota_code, kabupaten_kota_name, code, name, sum(pagu) as pagu, sum(allocated) as allocated,
       sum(realised) as realised, sum(allocations) as allocations,
       count(*) filter (where realised = 0) as without_realisation,
       grouping(kabupaten_kota_code, code) as level
from (select c.code, c.name, c.kabupaten_kota_code, k.name as kabupaten_kota_name,
             e.pagu, e.allocated, e.realised, e.allocations
      from envelope e
      join kecamatan c on c.code = e.kecamatan_code
      join kabupaten_kota k on k.code = c.kabupaten_kota_code
      where e.fiscal_year = 2026) k
group by rollup ((kabupaten_kota_code, kabupaten_kota_name), (code, name))
order by kabupaten_kota_code nulls first, code nulls first;
-- summary(): waiting for verification
select count(*) as waiting, coalesce(sum(d.amount), 0) as amount,
       count(*) filter (where d.submitted_at < now() - interval '14 days') as waiting_long
from disbursement d where d.fiscal_year = 2026 and d.status = 'SUBMITTED';
-- summary(): last year at the same date
select coalesce(sum(e.pagu), 0) as pagu, coalesce(sum(e.allocated), 0) as allocated,
       (select coalesce(sum(d.amount), 0) from disbursement d where d.fiscal_year = 2026 - 1
          and d.status = 'VERIFIED' and d.sp2d_date <= date '2025-11-28') as realised
from envelope e where e.fiscal_year = 2026 - 1;
