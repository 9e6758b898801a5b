-- Benchmark data for bench/export-disbursements.sh: ~1,000 allocations and :rows VERIFIED disbursements
-- in fiscal year :year, which the script opened through the API (so its envelopes exist). Written
-- straight with SQL: the database triggers keep the envelope and allocation totals as the application would.
\set ON_ERROR_STOP on
insert into allocation (fiscal_year, kecamatan_code, opd_code, programme_code, mechanism, desa_code, title, amount,
                        planned_month, status, created_at, created_by, updated_at, updated_by)
select :year, k.code, 'DISDIK', 'BANTUAN-PENDIDIKAN', 'BELANJA_OPD', null, 'Benchmark ' || k.code || ' #' || g,
       100000000, 6, 'ACTIVE', now(), 'bench', now(), 'bench'
from kecamatan k cross join generate_series(1, 7) g;

insert into disbursement (allocation_id, fiscal_year, tranche, amount, sp2d_number, sp2d_date, status, created_by,
                          updated_by, submitted_at, submitted_by, decided_at, decided_by)
select a.id, :year, 1 + (g % 12), 100000 + g, 'SP2D/BENCH/' || a.id || '/' || g,
       make_date(:year, 1 + g % 12, 1 + g % 28), 'VERIFIED', 'op-disdik', 'admin', now(), 'op-disdik', now(), 'admin'
from allocation a cross join generate_series(1, 100) g
where a.fiscal_year = :year
order by a.id, g
limit :rows;

-- the application keeps these totals in Java; rows written here by SQL set them in one statement
with totals as (
    select allocation_id,
           coalesce(sum(amount) filter (where status <> 'REJECTED'), 0) as disbursed,
           coalesce(sum(amount) filter (where status = 'VERIFIED'), 0) as realised
    from disbursement where fiscal_year = :year group by allocation_id),
moved as (
    update allocation a set disbursed = t.disbursed, realised = t.realised
    from totals t where a.id = t.allocation_id
    returning a.fiscal_year, a.kecamatan_code, a.realised)
update envelope e set realised = m.realised
from (select fiscal_year, kecamatan_code, sum(realised) as realised from moved group by 1, 2) m
where e.fiscal_year = m.fiscal_year and e.kecamatan_code = m.kecamatan_code;

select count(*) as disbursements, sum(amount) as total from disbursement where fiscal_year = :year;
