-- The statements GET /api/v1/dashboard/summary?year=2026 runs (user ahli): SessionCheck, fiscalYears.requireExisting(2026)
-- and the three statements of DashboardService.summary — the same text as in dashboard-summary.sql.
--   pgbench -n -f bench/dashboard-api-summary.sql -c 1 -T 30 -h localhost -p $PORT -U postgres postgres

-- SignedInChecks: SessionCheck.mayContinue('ahli')
select enabled from user_account where username = 'ahli';
-- fiscalYears.requireExisting(2026)
select 1 from fiscal_year where year = 2026;
-- summary(): rollup — the province total and its counts (the kabupaten/kota rows come with it)
select r.code, k.name, r.pagu, r.allocated, r.realised, r.allocations, r.without_realisation, r.kecamatan
from (select left(f.kecamatan_code, 5) as code, sum(f.pagu) as pagu, sum(f.allocated) as allocated,
             sum(f.realised) as realised, sum(f.allocations) as allocations,
             count(*) filter (where f.realised = 0 and f.pagu > 0) as without_realisation, count(*) as kecamatan
      from (select e.kecamatan_code, e.pagu, e.allocated, e.realised, e.allocations from envelope e
            where e.fiscal_year = 2026) f
      group by rollup (1)) r
left join kabupaten_kota k on k.code = r.code order by r.code nulls first;
-- summary(): waiting for verification, from the days kept (V22_36) and the tranches of the day it turns long on
select coalesce(sum(k.waiting), 0) as waiting, coalesce(sum(k.waiting_amount), 0) as amount,
       coalesce(sum(k.waiting) filter (where k.day < date '2026-11-22'), 0)
       + (select count(*) from disbursement d
          where d.fiscal_year = 2026 and d.status = 'SUBMITTED'
            and d.submitted_at >= timestamptz '2026-11-22 00:00+07' and d.submitted_at < now() - interval '14 days')
           as waiting_long
from disbursement_day k where k.fiscal_year = 2026;
-- summary(): last year at the same date, from its days kept (V22_36)
select coalesce(sum(e.pagu), 0) as pagu, coalesce(sum(e.allocated), 0) as allocated,
       (select coalesce(sum(k.verified), 0) from disbursement_day k
        where k.fiscal_year = 2026 - 1 and k.day <= date '2025-12-06') as realised
from envelope e where e.fiscal_year = 2026 - 1;
