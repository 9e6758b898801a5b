-- The statements the kecamatan page GET /dasbor/kecamatan/15.01.01?year=2026 runs (user ahli: OPD scope
-- null), in the order DashboardController.kecamatan runs them, with the parameters filled in:
-- :year = 2026, :opd = null, :kabupatenKota = null, :kecamatan = '15.01.01', page size 100 sorted by id.
-- Copied from FiscalYearService (all, get), DashboardService.byKecamatan (all 144 rows; the page keeps
-- one), EnvelopeService.get, AllocationService.search (count + page) and totals, ReviewNoteService.on.
--   pgbench -n -f bench/dashboard-kecamatan.sql -c 1 -T 30 -h localhost -p $PORT -U postgres postgres

-- year(): fiscalYears.all(), fiscalYears.get(2026)
select y.year, y.pagu_per_kecamatan, y.status, y.version, count(e.id) as envelopes,
       coalesce(sum(e.pagu), 0) as total_pagu, coalesce(sum(e.allocated), 0) as allocated,
       coalesce(sum(e.realised), 0) as realised
from fiscal_year y left join envelope e on e.fiscal_year = y.year group by y.year order by y.year desc;
select y.year, y.pagu_per_kecamatan, y.status, y.version, count(e.id) as envelopes,
       coalesce(sum(e.pagu), 0) as total_pagu, coalesce(sum(e.allocated), 0) as allocated,
       coalesce(sum(e.realised), 0) as realised
from fiscal_year y left join envelope e on e.fiscal_year = y.year where y.year = 2026 group by y.year;

-- dashboard.byKecamatan(2026, null): every kecamatan of the year (filtered to one in Java)
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
) k order by code;

-- envelopes.get(2026, '15.01.01')
select e.fiscal_year, e.kecamatan_code, c.name as kecamatan_name, k.code as kabupaten_kota_code,
       k.name as kabupaten_kota_name, e.pagu, e.allocated, e.realised, y.status
from envelope e
join fiscal_year y on y.year = e.fiscal_year
join kecamatan c on c.code = e.kecamatan_code
join kabupaten_kota k on k.code = c.kabupaten_kota_code
 where e.fiscal_year = 2026 and e.kecamatan_code = '15.01.01';

-- allocations.search(ofEnvelope(2026, '15.01.01'), page 0 size 100 sort id asc): count, then the page
select count(*) from allocation a join kecamatan c on c.code = a.kecamatan_code
 where true and a.fiscal_year = 2026 and a.kecamatan_code = '15.01.01';
select a.id, a.fiscal_year, a.kecamatan_code, c.name as kecamatan_name, k.code as kabupaten_kota_code,
       k.name as kabupaten_kota_name, a.opd_code, o.name as opd_name, a.programme_code,
       p.name as programme_name, p.pillar, a.mechanism, a.desa_code, d.name as desa_name, a.title,
       a.amount, a.planned_month, a.status, a.disbursed, a.realised, a.cancel_reason, a.created_at,
       a.created_by, a.updated_at, a.updated_by, a.version
from allocation a
join kecamatan c on c.code = a.kecamatan_code
join kabupaten_kota k on k.code = c.kabupaten_kota_code
join opd o on o.code = a.opd_code
join programme p on p.code = a.programme_code
left join desa d on d.code = a.desa_code
 where true and a.fiscal_year = 2026 and a.kecamatan_code = '15.01.01'
 order by a.id asc, a.id desc limit 100 offset 0;

-- allocations.totals(ofEnvelope(2026, '15.01.01'))
select count(*) as allocations,
       coalesce(sum(a.amount) filter (where a.status = 'ACTIVE'), 0) as amount,
       coalesce(sum(a.disbursed) filter (where a.status = 'ACTIVE'), 0) as disbursed,
       coalesce(sum(a.realised) filter (where a.status = 'ACTIVE'), 0) as realised
from allocation a join kecamatan c on c.code = a.kecamatan_code
 where true and a.fiscal_year = 2026 and a.kecamatan_code = '15.01.01';

-- notes.on(KECAMATAN, '15.01.01')
select n.id, n.target_type, n.target_code, n.target_label, n.fiscal_year, n.opd_code, n.text, n.status,
       n.reply, n.created_at, n.created_by, n.resolved_at, n.resolved_by, n.version
from review_note n where n.target_type = 'KECAMATAN' and n.target_code = '15.01.01' order by n.created_at desc;
