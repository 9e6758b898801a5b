-- The statements GET /dasbor?year=2026 runs when its figures are not in web.RenderedFragments (user ahli:
-- no OPD scope, no kabupaten/kota), in the order the application runs them, with the parameters as it binds
-- them on 6 Dec 2026 (Asia/Jakarta): year 2026, same date last year 2025-12-06, overdue before month 12, waiting
-- since now - 14 days (a day of 22 Nov 2026 in WIB). The kabupaten/kota list of the filter is read once per start (RegionService).
-- Copied from SessionCheck, FiscalYearService.choices, DashboardService.overview (rollup, breakdown, waiting,
-- lowest kecamatan, overdue, waiting list, without output target and its number, previous year) and
-- ReviewNoteService.openCount.
-- For pgbench: one "transaction" = the whole page's SQL, one statement after the other on one connection.
--   pgbench -n -f bench/dashboard-summary.sql -c 1 -T 30 -h localhost -p $PORT -U postgres postgres
-- bench/dashboard-summary-hit.sql holds the statements of the same page when its figures are kept.

-- SignedInChecks: SessionCheck.mayContinue('ahli')
select enabled from user_account where username = 'ahli';
-- year(): fiscalYears.choices()
select year, status from fiscal_year order by year desc;

-- overview(): rollup — kabupaten/kota rows and the province total, from the kecamatan figures kept on the envelopes
select r.code, k.name, r.pagu, r.allocated, r.realised, r.allocations, r.without_realisation, r.kecamatan
from (select left(f.kecamatan_code, 5) as code, sum(f.pagu) as pagu, sum(f.allocated) as allocated,
             sum(f.realised) as realised, sum(f.allocations) as allocations,
             count(*) filter (where f.realised = 0 and f.pagu > 0) as without_realisation, count(*) as kecamatan
      from (select e.kecamatan_code, e.pagu, e.allocated, e.realised, e.allocations from envelope e
            where e.fiscal_year = 2026) f
      group by rollup (1)) r
left join kabupaten_kota k on k.code = r.code order by r.code nulls first;
-- overview(): breakdown by OPD, programme and mechanism, from the province roll-up (V22_39)
with cell as (select a.opd_code, a.programme_code, a.mechanism, sum(a.amount) as allocated,
                     sum(a.realised) as realised, sum(a.allocations) as allocations
              from allocation_rollup a
              where a.fiscal_year = 2026 and a.level = 0 and a.allocations > 0
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
-- overview(): waiting for verification, from the days kept (V22_36) and the tranches of the day it turns long on
select coalesce(sum(k.waiting), 0) as waiting, coalesce(sum(k.waiting_amount), 0) as amount,
       coalesce(sum(k.waiting) filter (where k.day < date '2026-11-22'), 0)
       + (select count(*) from disbursement d
          where d.fiscal_year = 2026 and d.status = 'SUBMITTED'
            and d.submitted_at >= timestamptz '2026-11-22 00:00+07' and d.submitted_at < now() - interval '14 days')
           as waiting_long
from disbursement_day k where k.fiscal_year = 2026;
-- overview(): the ten lowest kecamatan by realisation (their number is the rollup's count of kecamatan with pagu)
select c.code, c.name, c.kabupaten_kota_code, k.name as kabupaten_kota_name, f.pagu, f.allocated, f.realised,
       f.allocations
from (select f.* from (select e.kecamatan_code, e.pagu, e.allocated, e.realised, e.allocations from envelope e
                       where e.fiscal_year = 2026) f
      where f.pagu > 0
      order by div(f.realised * 20000 + f.pagu, f.pagu * 2), f.allocated desc, f.kecamatan_code collate "C"
      limit 10 offset 0) f
join kecamatan c on c.code = f.kecamatan_code join kabupaten_kota k on k.code = c.kabupaten_kota_code
order by div(f.realised * 20000 + f.pagu, f.pagu * 2), f.allocated desc, f.kecamatan_code collate "C";
-- overview(): overdue allocations, first 10 and their number
select a.id, a.title, a.opd_code, c.name, o.planned_month, o.amount, o.total
from (select a.id, a.planned_month, a.amount, count(*) over () as total
      from allocation a
      where a.fiscal_year = 2026 and a.status = 'ACTIVE' and a.planned_month < 12 and a.realised = 0
        and not exists (select 1 from disbursement d where d.allocation_id = a.id and d.status = 'SUBMITTED')
      order by a.planned_month, a.amount desc, a.id limit 10 offset 0) o
join allocation a on a.id = o.id join kecamatan c on c.code = a.kecamatan_code
order by o.planned_month, o.amount desc, o.id;
-- overview(): waiting longer than 14 days, oldest 10 (their number is the waiting statement's)
select d.id, d.allocation_id, a.opd_code, c.name, d.amount, d.submitted_at
from disbursement d join allocation a on a.id = d.allocation_id
join kecamatan c on c.code = a.kecamatan_code
where d.fiscal_year = 2026 and d.status = 'SUBMITTED' and d.submitted_at < now() - interval '14 days'
order by d.submitted_at, d.id limit 10 offset 0;
-- overview(): progress.withoutOutputTargets — first 10 active allocations without output target
select a.id, a.opd_code, c.name as kecamatan, k.name as kabupaten_kota, a.title, a.amount, a.planned_month
from allocation a join kecamatan c on c.code = a.kecamatan_code
join kabupaten_kota k on k.code = c.kabupaten_kota_code
where a.fiscal_year = 2026 and a.status = 'ACTIVE'
  and not exists (select 1 from allocation_output o where o.allocation_id = a.id)
order by a.planned_month, a.amount desc, a.id limit 10 offset 0;
-- overview(): progress.withoutOutputTargets — their number: the active ones less those with a target
select (select coalesce(sum(a.allocations), 0) from envelope a where a.fiscal_year = 2026)
     - (select count(distinct o.allocation_id) from allocation_output o join allocation a on a.id = o.allocation_id
        where a.fiscal_year = 2026 and a.status = 'ACTIVE');
-- overview(): last year at the same date, from its days kept (V22_36)
select coalesce(sum(e.pagu), 0) as pagu, coalesce(sum(e.allocated), 0) as allocated,
       (select coalesce(sum(k.verified), 0) from disbursement_day k
        where k.fiscal_year = 2026 - 1 and k.day <= date '2025-12-06') as realised
from envelope e where e.fiscal_year = 2026 - 1;
-- notes.openCount()
select count(*) from review_note n where n.status = 'OPEN';
