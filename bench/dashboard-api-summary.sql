-- The statements GET /api/v1/dashboard/summary?year=2026 runs (user ahli): fiscalYears.get(2026) and the three
-- statements of DashboardService.summary — the same text as in dashboard-summary.sql, parameters filled in.
--   pgbench -n -f bench/dashboard-api-summary.sql -c 1 -T 30 -h localhost -p $PORT -U postgres postgres

select y.year, y.pagu_per_kecamatan, y.status, y.version, count(e.id) as envelopes,
       coalesce(sum(e.pagu), 0) as total_pagu, coalesce(sum(e.allocated), 0) as allocated,
       coalesce(sum(e.realised), 0) as realised
from fiscal_year y left join envelope e on e.fiscal_year = y.year where y.year = 2026 group by y.year;

-- summary(): 1/3 totals over the kecamatan rows
select coalesce(sum(pagu), 0) as pagu, coalesce(sum(allocated), 0) as allocated,
       coalesce(sum(realised), 0) as realised, count(*) as kecamatan,
       count(*) filter (where realised = 0) as without_realisation
from (select c.code, c.name, k.code as parent_code, k.name as parent_name, e.pagu,
       coalesce(sum(a.amount) filter (where a.status = 'ACTIVE'), 0) as allocated,
       coalesce(sum(a.realised), 0) as realised,
       count(a.id) filter (where a.status = 'ACTIVE') as allocations
from envelope e
join kecamatan c on c.code = e.kecamatan_code
join kabupaten_kota k on k.code = c.kabupaten_kota_code
left join allocation a on a.fiscal_year = e.fiscal_year and a.kecamatan_code = e.kecamatan_code
                      and (cast(NULL as varchar) is null or a.opd_code = NULL)
      and (cast(NULL as varchar) is null or left(a.kecamatan_code, 5) = NULL)
where e.fiscal_year = 2026 and (cast(NULL as varchar) is null or k.code = NULL)
group by c.code, c.name, k.code, k.name, e.pagu
) k;
-- summary(): 2/3 waiting for verification
select count(*) as waiting, coalesce(sum(d.amount), 0) as amount
from disbursement d join allocation a on a.id = d.allocation_id
where d.fiscal_year = 2026 and d.status = 'SUBMITTED'
  and (cast(NULL as varchar) is null or a.opd_code = NULL)
  and (cast(NULL as varchar) is null or left(a.kecamatan_code, 5) = NULL);
-- summary(): 3/3 last year at the same date
select coalesce((select sum(e.pagu) from envelope e where e.fiscal_year = 2026 - 1
                 and (cast(NULL as varchar) is null or left(e.kecamatan_code, 5) = NULL)), 0) as pagu,
       coalesce((select sum(a.amount) from allocation a
                 where a.fiscal_year = 2026 - 1 and a.status = 'ACTIVE'
                   and (cast(NULL as varchar) is null or a.opd_code = NULL)
  and (cast(NULL as varchar) is null or left(a.kecamatan_code, 5) = NULL)), 0) as allocated,
       coalesce((select sum(d.amount) from disbursement d join allocation a on a.id = d.allocation_id
                 where d.fiscal_year = 2026 - 1 and d.status = 'VERIFIED'
                   and d.sp2d_date <= date '2025-11-28'
                   and (cast(NULL as varchar) is null or a.opd_code = NULL)
  and (cast(NULL as varchar) is null or left(a.kecamatan_code, 5) = NULL)), 0) as realised;

