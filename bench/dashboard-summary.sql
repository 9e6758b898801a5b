-- The statements the summary page GET /dasbor?year=2026 runs (user ahli: OPD scope null, kabupaten/kota
-- null), in the order DashboardController.dashboard runs them, with the parameters filled in as the
-- application binds them on 28 Nov 2026 (Asia/Jakarta): :year = 2026, :opd = null, :kabupatenKota = null,
-- :sameDate = 2025-11-28, :overdueBefore = 11 (the current month), :waitingSince = now - 14 days.
-- Copied from FiscalYearService (all, get), DashboardService (summary x3, byKabupatenKota, byOpd,
-- byProgramme, byMechanism, laggards x6 incl. a second byOpd), KabupatenKotaRepository.summaries (JPQL,
-- here as the SQL Hibernate generates for it) and ReviewNoteService.open.
-- For pgbench: one "transaction" = the whole page's SQL, one statement after the other on one connection.
--   pgbench -n -f bench/dashboard-summary.sql -c 1 -T 30 -h localhost -p $PORT -U postgres postgres

-- year(): fiscalYears.all(), fiscalYears.get(2026)
select y.year, y.pagu_per_kecamatan, y.status, y.version, count(e.id) as envelopes,
       coalesce(sum(e.pagu), 0) as total_pagu, coalesce(sum(e.allocated), 0) as allocated,
       coalesce(sum(e.realised), 0) as realised
from fiscal_year y left join envelope e on e.fiscal_year = y.year group by y.year order by y.year desc;
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

-- byKabupatenKota()
select parent_code as code, parent_name as name, null as parent_code, null as parent_name,
       sum(pagu) as pagu, sum(allocated) as allocated, sum(realised) as realised,
       sum(allocations) as allocations
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
) k group by parent_code, parent_name order by parent_code;

-- regions.kabupatenKota(): KabupatenKotaRepository.summaries() (JPQL)
select k.code, k.name, k.type, count(distinct c.code), count(d.code)
from kabupaten_kota k
left join kecamatan c on c.kabupaten_kota_code = k.code
left join desa d on d.kecamatan_code = c.code
group by k.code, k.name, k.type order by k.code;

-- byOpd()
select o.code, o.name, null as parent_code, null as parent_name,
       sum(a.amount) as pagu, sum(a.amount) as allocated, sum(a.realised) as realised,
       count(*) as allocations
from allocation a join opd o on o.code = a.opd_code
where a.fiscal_year = 2026 and a.status = 'ACTIVE'
  and (cast(NULL as varchar) is null or a.opd_code = NULL)
  and (cast(NULL as varchar) is null or left(a.kecamatan_code, 5) = NULL)
group by o.code, o.name order by o.code;

-- byProgramme()
select p.code, p.name, p.pillar as parent_code, p.pillar as parent_name,
       sum(a.amount) as pagu, sum(a.amount) as allocated, sum(a.realised) as realised,
       count(*) as allocations
from allocation a join programme p on p.code = a.programme_code
where a.fiscal_year = 2026 and a.status = 'ACTIVE'
  and (cast(NULL as varchar) is null or a.opd_code = NULL)
  and (cast(NULL as varchar) is null or left(a.kecamatan_code, 5) = NULL)
group by p.code, p.name, p.pillar order by p.pillar, p.code;

-- byMechanism()
select a.mechanism as code, a.mechanism as name, null as parent_code, null as parent_name,
       sum(a.amount) as pagu, sum(a.amount) as allocated, sum(a.realised) as realised,
       count(*) as allocations
from allocation a
where a.fiscal_year = 2026 and a.status = 'ACTIVE'
  and (cast(NULL as varchar) is null or a.opd_code = NULL)
  and (cast(NULL as varchar) is null or left(a.kecamatan_code, 5) = NULL)
group by a.mechanism order by a.mechanism;

-- laggards(): 1/6 the ten kecamatan with the lowest realisation
select * from (select c.code, c.name, k.code as parent_code, k.name as parent_name, e.pagu,
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
) k order by realised / pagu, allocated desc, code limit 10;
-- laggards(): 2/6 byOpd() again (sorted in Java)
select o.code, o.name, null as parent_code, null as parent_name,
       sum(a.amount) as pagu, sum(a.amount) as allocated, sum(a.realised) as realised,
       count(*) as allocations
from allocation a join opd o on o.code = a.opd_code
where a.fiscal_year = 2026 and a.status = 'ACTIVE'
  and (cast(NULL as varchar) is null or a.opd_code = NULL)
  and (cast(NULL as varchar) is null or left(a.kecamatan_code, 5) = NULL)
group by o.code, o.name order by o.code;
-- laggards(): 3/6 overdue allocations (no submitted or verified disbursement), first 20
select a.id, a.title, a.opd_code, c.name, a.planned_month, a.amount
 from allocation a join kecamatan c on c.code = a.kecamatan_code
 where a.fiscal_year = 2026 and a.status = 'ACTIVE' and a.planned_month < 11
   and (cast(NULL as varchar) is null or a.opd_code = NULL)
  and (cast(NULL as varchar) is null or left(a.kecamatan_code, 5) = NULL)
   and not exists (select 1 from disbursement d where d.allocation_id = a.id
                   and d.status in ('SUBMITTED', 'VERIFIED')) order by a.planned_month, a.amount desc limit 20;
-- laggards(): 4/6 their count
select count(*)
 from allocation a join kecamatan c on c.code = a.kecamatan_code
 where a.fiscal_year = 2026 and a.status = 'ACTIVE' and a.planned_month < 11
   and (cast(NULL as varchar) is null or a.opd_code = NULL)
  and (cast(NULL as varchar) is null or left(a.kecamatan_code, 5) = NULL)
   and not exists (select 1 from disbursement d where d.allocation_id = a.id
                   and d.status in ('SUBMITTED', 'VERIFIED'));
-- laggards(): 5/6 disbursements waiting for verification longer than 14 days, first 20
select d.id, d.allocation_id, a.opd_code, c.name, d.amount, d.submitted_at
 from disbursement d join allocation a on a.id = d.allocation_id
 join kecamatan c on c.code = a.kecamatan_code
 where d.fiscal_year = 2026 and d.status = 'SUBMITTED' and d.submitted_at < now() - interval '14 days'
   and (cast(NULL as varchar) is null or a.opd_code = NULL)
  and (cast(NULL as varchar) is null or left(a.kecamatan_code, 5) = NULL) order by d.submitted_at limit 20;
-- laggards(): 6/6 their count
select count(*)
 from disbursement d join allocation a on a.id = d.allocation_id
 join kecamatan c on c.code = a.kecamatan_code
 where d.fiscal_year = 2026 and d.status = 'SUBMITTED' and d.submitted_at < now() - interval '14 days'
   and (cast(NULL as varchar) is null or a.opd_code = NULL)
  and (cast(NULL as varchar) is null or left(a.kecamatan_code, 5) = NULL);

-- notes.open()
select n.id, n.target_type, n.target_code, n.target_label, n.fiscal_year, n.opd_code, n.text, n.status,
       n.reply, n.created_at, n.created_by, n.resolved_at, n.resolved_by, n.version
from review_note n where n.status = 'OPEN' order by n.created_at;
