-- The statements GET /sasaran-kemiskinan runs (user admin; the open year 2026, deciles by programme, no
-- kabupaten/kota): SessionCheck, TargetingQueries.years(), trend(), regions(2026), deciles(2026, null, PROGRAMME)
-- and followUp(2026, null, 0, 51) (its first page), computed on every request (no cache). The layout's own statements
-- are left out. People and rupiah of the aid are read from the cells the aid's trigger keeps (aid_reach, V22_1); the
-- follow-up list still counts the people of each desa it looks at from the aid rows (once per desa, from an index).
--   pgbench -n -f bench/targeting-page.sql -c 1 -T 30 -h localhost -p $PORT -U postgres postgres

-- SignedInChecks: SessionCheck.mayContinue('admin')
select enabled from user_account where username = 'admin';
-- years()
select year, bool_or(open) as open from (
    select year, status = 'OPEN' as open from fiscal_year
    union all
    select distinct year, false from poverty_figure where chosen and period = 'MARET') y
group by year order by year desc;
-- trend()
select 'REGION' as kind, code, null::integer as year, null::numeric as value, name
from kabupaten_kota
union all
select 'P0', region_code, year, value, null from poverty_figure
where chosen and period = 'MARET' and indicator = 'POVERTY_RATE'
union all
select 'YEAR', null, year, null, null from fiscal_year
union all
select 'REALISED', a.region_code, a.fiscal_year, a.realised, null
from allocation_rollup a where a.level = 4;
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
-- deciles(2026, null, PROGRAMME): people and rupiah per programme and decile (the kept cells of each programme), and
-- per decile (those of every programme)
select g.code, g.name, r.decile, r.people, r.amount, r.total from (
    select r.programme_code as code, nullif(r.decile, 0) as decile, sum(r.people)::bigint as people,
           sum(r.amount) as amount, false as total
    from aid_reach r where r.fiscal_year = 2026 and r.opd_code = '*' and r.programme_code <> '*' and r.people > 0
    group by 1, 2
    union all
    select null, nullif(r.decile, 0), sum(r.people)::bigint, sum(r.amount), true
    from aid_reach r where r.fiscal_year = 2026 and r.opd_code = '*' and r.programme_code = '*' and r.people > 0
    group by 2) r
left join programme g on g.code = r.code
order by 1 nulls first, 3 nulls last;
-- followUp(2026, null, 0, 51), the first page: deciles 1-2 without aid in a desa where others got aid, desa by desa
-- until the page is full, in the kabupaten/kota with aid only
select p.id, p.nik, p.name, p.welfare_decile, r.desa_name, r.kecamatan_name,
       r.kabupaten_kota_name, s.people
from (select d.code as desa_code, d.name as desa_name, c.name as kecamatan_name,
             k.code as kabupaten_kota_code, k.name as kabupaten_kota_name
      from desa d join kecamatan c on c.code = d.kecamatan_code
      join kabupaten_kota k on k.code = c.kabupaten_kota_code
      where k.code in (select r.kabupaten_kota_code from aid_reach r
                       where r.fiscal_year = 2026 and r.opd_code = '*' and r.programme_code = '*' and r.people > 0)
      order by k.code, c.name, d.name) r
cross join lateral (
    select count(distinct x.beneficiary_id) as people from aid x
    where x.fiscal_year = 2026 and x.status <> 'CANCELLED'
      and x.person_desa_code = r.desa_code) s
cross join lateral (
    select b.id, b.nik, b.name, b.welfare_decile from beneficiary b
    where b.desa_code = r.desa_code and b.welfare_decile <= 2 and s.people > 0
      and not exists (select 1 from aid x where x.beneficiary_id = b.id
                                            and x.fiscal_year = 2026
                                            and x.status <> 'CANCELLED')
    order by b.welfare_decile, b.name, b.id limit 51
) p
order by r.kabupaten_kota_code, r.kecamatan_name, r.desa_name, p.welfare_decile, p.name, p.id
limit 51 offset 0;
