-- The statements GET /dasbor/kecamatan/15.01.01?year=2026 runs when its allocation table is not in
-- web.RenderedFragments (user ahli: no OPD scope; page size 100 sorted by id), in the order the application
-- runs them. Copied from SessionCheck, FiscalYearService.choices, DashboardService.kecamatan,
-- AllocationService.search (count + page), AllocationQueries.totals (kept totals), ReviewNoteService.on.
--   pgbench -n -f bench/dashboard-kecamatan.sql -c 1 -T 30 -h localhost -p $PORT -U postgres postgres
-- bench/dashboard-kecamatan-hit.sql holds the statements of the same page when its table is kept.

-- SignedInChecks: SessionCheck.mayContinue('ahli')
select enabled from user_account where username = 'ahli';
-- year(): fiscalYears.choices()
select year, status from fiscal_year order by year desc;
-- dashboard.kecamatan(2026, '15.01.01')
select c.code, c.name, c.kabupaten_kota_code, k.name as kabupaten_kota_name,
       e.pagu, e.allocated, e.realised, e.allocations
from envelope e
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

-- allocations.totals(ofEnvelope(2026, '15.01.01')): from the kept totals (V20_1)
select coalesce(sum(a.allocations + a.cancelled), 0) as allocations, coalesce(sum(a.allocated), 0) as amount,
       coalesce(sum(a.disbursed), 0) as disbursed, coalesce(sum(a.realised), 0) as realised
from allocation_total a where true and a.fiscal_year = 2026 and a.kecamatan_code = '15.01.01';

-- notes.on(KECAMATAN, '15.01.01')
select n.id, n.target_type, n.target_code, n.target_label, n.fiscal_year, n.opd_code, n.text, n.status,
       n.reply, n.created_at, n.created_by, n.resolved_at, n.resolved_by, n.version
from review_note n where n.target_type = 'KECAMATAN' and n.target_code = '15.01.01' order by n.created_at desc;
