-- The statements GET /dasbor/kecamatan/15.01.01?year=2026 runs when its allocation table was rendered
-- within the last seconds and nothing was written since; see bench/dashboard-kecamatan.sql for the full set.
--   pgbench -n -f bench/dashboard-kecamatan-hit.sql -c 1 -T 30 -h localhost -p $PORT -U postgres postgres

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
-- notes.on(KECAMATAN, '15.01.01')
select n.id, n.target_type, n.target_code, n.target_label, n.fiscal_year, n.opd_code, n.text, n.status,
       n.reply, n.created_at, n.created_by, n.resolved_at, n.resolved_by, n.version
from review_note n where n.target_type = 'KECAMATAN' and n.target_code = '15.01.01' order by n.created_at desc;
