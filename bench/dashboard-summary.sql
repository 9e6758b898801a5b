-- The statements GET /dasbor?year=2026 runs when its figures are not in web.RenderedFragments (user ahli:
-- no OPD scope, no kabupaten/kota), in the order the application runs them, with the parameters as it binds
-- them on 28 Nov 2026 (Asia/Jakarta): year 2026, same date last year 2025-11-28, overdue before month 11,
-- waiting since now - 14 days. The kabupaten/kota list of the filter is read once per start (RegionService).
-- Copied from SessionCheck, FiscalYearService.choices, DashboardService.overview (rollup, breakdown,
-- waiting, previous year, overdue, waiting list) and ReviewNoteService.openCount.
-- For pgbench: one "transaction" = the whole page's SQL, one statement after the other on one connection.
--   pgbench -n -f bench/dashboard-summary.sql -c 1 -T 30 -h localhost -p $PORT -U postgres postgres
-- bench/dashboard-summary-hit.sql holds the statements of the same page when its figures are kept.

-- SignedInChecks: SessionCheck.mayContinue('ahli')
select enabled from user_account where username = 'ahli';
-- year(): fiscalYears.choices()
select year, status from fiscal_year order by year desc;

-- overview(): rollup — kecamatan rows, kabupaten/kota subtotals and the province total
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
-- overview(): breakdown by OPD, programme and mechanism, from the kept totals (V20_1)
with cell as (select a.opd_code, a.programme_code, a.mechanism, sum(a.allocated) as allocated,
                     sum(a.realised) as realised, sum(a.allocations) as allocations
              from allocation_total a
              where a.fiscal_year = 2026 and a.allocations > 0
              group by a.opd_code, a.programme_code, a.mechanism),
g as (select grouping(opd_code, programme_code) as level, coalesce(opd_code, programme_code, mechanism) as code,
             sum(allocated) as allocated, sum(realised) as realised, sum(allocations) as allocations
      from cell group by grouping sets ((opd_code), (programme_code), (mechanism)))
select g.level, g.code, coalesce(o.name, p.name, g.code) as name, p.pillar,
       g.allocated as pagu, g.allocated, g.realised, g.allocations
from g
left join opd o on g.level = 1 and o.code = g.code
left join programme p on g.level = 2 and p.code = g.code
order by g.level, p.pillar, g.code;
-- overview(): waiting for verification
select count(*) as waiting, coalesce(sum(d.amount), 0) as amount,
       count(*) filter (where d.submitted_at < now() - interval '14 days') as waiting_long
from disbursement d where d.fiscal_year = 2026 and d.status = 'SUBMITTED';
-- overview(): last year at the same date
select coalesce(sum(e.pagu), 0) as pagu, coalesce(sum(e.allocated), 0) as allocated,
       (select coalesce(sum(d.amount), 0) from disbursement d where d.fiscal_year = 2026 - 1
          and d.status = 'VERIFIED' and d.sp2d_date <= date '2025-11-28') as realised
from envelope e where e.fiscal_year = 2026 - 1;
-- overview(): overdue allocations, first 20 and their number
select a.id, a.title, a.opd_code, c.name, a.planned_month, a.amount, count(*) over () as total
from allocation a join kecamatan c on c.code = a.kecamatan_code
where a.fiscal_year = 2026 and a.status = 'ACTIVE' and a.planned_month < 11 and a.realised = 0
  and not exists (select 1 from disbursement d where d.allocation_id = a.id and d.status = 'SUBMITTED')
order by a.planned_month, a.amount desc, a.id limit 20;
-- overview(): waiting longer than 14 days, oldest 20
select d.id, d.allocation_id, a.opd_code, c.name, d.amount, d.submitted_at
from disbursement d join allocation a on a.id = d.allocation_id
join kecamatan c on c.code = a.kecamatan_code
where d.fiscal_year = 2026 and d.status = 'SUBMITTED' and d.submitted_at < now() - interval '14 days'
order by d.submitted_at, d.id limit 20;
-- notes.openCount()
select count(*) from review_note n where n.status = 'OPEN';
