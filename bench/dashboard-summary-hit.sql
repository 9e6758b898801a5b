-- The statements GET /dasbor?year=2026 runs when its figures were rendered within the last seconds and
-- nothing was written since (web.RenderedFragments); see bench/dashboard-summary.sql for the full set.
--   pgbench -n -f bench/dashboard-summary-hit.sql -c 1 -T 30 -h localhost -p $PORT -U postgres postgres

-- SignedInChecks: SessionCheck.mayContinue('ahli')
select enabled from user_account where username = 'ahli';
-- year(): fiscalYears.choices()
select year, status from fiscal_year order by year desc;
