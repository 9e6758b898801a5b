-- The statements GET /api/v1/dashboard/targeting?year=2026 runs (user admin, who sees every OPD): SessionCheck and
-- TargetingQueries.regions(2026) and deciles(2026, null, KABUPATEN_KOTA), computed on every request (no cache).
-- The people and rupiah of the aid are read from the cells the aid's trigger keeps (aid_reach, V22_1), not counted
-- from the aid rows.
--   pgbench -n -f bench/targeting-api.sql -c 1 -T 30 -h localhost -p $PORT -U postgres postgres

-- SignedInChecks: SessionCheck.mayContinue('admin')
select enabled from user_account where username = 'admin';
-- regions(2026): BPS figures, money (the roll-up, V22_40) and people reached per kabupaten/kota, and the
-- province's figures
with figure as (
    select region_code, year, max(value) filter (where indicator = 'POVERTY_RATE') as rate,
           max(value) filter (where indicator = 'POOR_PEOPLE') as poor
    from poverty_figure
    where chosen and period = 'MARET' and year in (2026, 2026 - 1)
      and indicator in ('POVERTY_RATE', 'POOR_PEOPLE')
    group by region_code, year), money as (
    select a.region_code as kabupaten_kota_code, a.amount as allocated, a.realised
    from allocation_rollup a where a.fiscal_year = 2026 and a.level = 4), reached as (
    select r.kabupaten_kota_code, sum(r.people)::bigint as people
    from aid_reach r
    where r.fiscal_year = 2026 and r.opd_code = '*' and r.programme_code = '*'
    group by 1)
select r.code, r.name, cur.rate, prev.rate as previous_rate, cur.poor,
       coalesce(m.allocated, 0) as allocated, coalesce(m.realised, 0) as realised,
       coalesce(p.people, 0) as people
from (select code, name from kabupaten_kota union all select '15', 'Provinsi Jambi') r
left join figure cur on cur.region_code = r.code and cur.year = 2026
left join figure prev on prev.region_code = r.code and prev.year = 2026 - 1
left join money m on m.kabupaten_kota_code = r.code
left join reached p on p.kabupaten_kota_code = r.code
order by r.code = '15', r.code;
-- deciles(2026, null, KABUPATEN_KOTA): people and rupiah per kabupaten/kota and decile, and per decile, summed from
-- the kept cells of every OPD and programme (a person lives in one kabupaten/kota and has one decile)
select g.code, g.name, r.decile, r.people, r.amount, r.total from (
    select r.kabupaten_kota_code as code, nullif(r.decile, 0) as decile,
           sum(r.people)::bigint as people, sum(r.amount) as amount,
           grouping(r.kabupaten_kota_code) = 1 as total
    from aid_reach r
    where r.fiscal_year = 2026 and r.opd_code = '*' and r.programme_code = '*'
      and r.people > 0
    group by grouping sets ((r.decile, r.kabupaten_kota_code), (r.decile))) r
left join kabupaten_kota g on g.code = r.code
order by 1 nulls first, 3 nulls last;
