package id.go.jambiprov.dumisake.disbursement.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo disbursements of the default profile, spread over the months of 2025 and 2026 so that the
 * realisation curves have a shape: a first tranche in each allocation's planned month (30% for BKBK, half
 * otherwise), a second one three months later for most; some kecamatan have nothing realised yet, recent
 * tranches wait for verification, and a few were rejected. Deterministic (derived from the ids), dated no
 * later than today, and written in set-based SQL: the rows pass the schema's guards and CHECKs, and one
 * statement then sets the allocation and envelope totals from them (the service moves them one change at a time).
 */
@Component
@Profile("!prod")
@Order(20)
class DemoDisbursements implements ApplicationRunner {

    private final JdbcTemplate jdbc;

    DemoDisbursements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Integer existing = jdbc.queryForObject("select count(*) from disbursement", Integer.class);
        if (existing != null && existing > 0) {
            return;
        }
        jdbc.update(FIRST_TRANCHE);
        jdbc.update(SECOND_TRANCHE);
        jdbc.update(TOTALS);
        jdbc.update("""
                insert into public.audit_event (username, action, entity_type, entity_id, after_state)
                select 'system', 'DISBURSEMENT_DEMO_LOADED', 'Disbursement', d.id::text,
                       jsonb_build_object('allocationId', d.allocation_id, 'tranche', d.tranche, 'amount', d.amount,
                                          'sp2dNumber', d.sp2d_number, 'sp2dDate', d.sp2d_date, 'status', d.status)
                from disbursement d""");
    }

    /** Σ non-rejected and Σ verified per allocation, and the verified per envelope, of every disbursement row. */
    private static final String TOTALS = """
            with totals as (
                select allocation_id,
                       coalesce(sum(amount) filter (where status <> 'REJECTED'), 0) as disbursed,
                       coalesce(sum(amount) filter (where status = 'VERIFIED'), 0) as realised
                from disbursement group by allocation_id),
            moved as (
                update allocation a set disbursed = t.disbursed, realised = t.realised
                from totals t where a.id = t.allocation_id
                returning a.fiscal_year, a.kecamatan_code, a.realised)
            update envelope e set realised = m.realised
            from (select fiscal_year, kecamatan_code, sum(realised) as realised from moved group by 1, 2) m
            where e.fiscal_year = m.fiscal_year and e.kecamatan_code = m.kecamatan_code""";

    private static final String FIRST_TRANCHE = """
            insert into disbursement (allocation_id, fiscal_year, tranche, amount, sp2d_number, sp2d_date, remark,
                                      status, reject_reason, created_at, created_by, updated_at, updated_by,
                                      submitted_at, submitted_by, decided_at, decided_by)
            select id, fiscal_year, 1, first_amount, sp2d, day, 'Tahap 1',
                   status, case when status = 'REJECTED' then 'SPJ tahap sebelumnya belum lengkap' end,
                   day + interval '9 hours', operator, day + interval '10 hours', operator,
                   day + interval '10 hours', operator,
                   case when status <> 'SUBMITTED' then day + interval '3 days' end,
                   case when status <> 'SUBMITTED' then 'admin' end
            from (select a.id, a.fiscal_year,
                         round(a.amount * case when a.programme_code = 'BKBK-DESA' then 0.3 else 0.5 end, -3) as first_amount,
                         format('%s/SP2D-LS/1/%s', lpad(a.id::text, 6, '0'), a.fiscal_year) as sp2d,
                         make_date(a.fiscal_year, a.planned_month, 1 + (a.id % 25)::int) as day,
                         'op-' || lower(a.opd_code) as operator,
                         case when a.id % 23 = 0 then 'REJECTED'
                              when make_date(a.fiscal_year, a.planned_month, 1 + (a.id % 25)::int) > current_date - 40
                                  then 'SUBMITTED'
                              else 'VERIFIED' end as status
                  from allocation a
                  where a.status = 'ACTIVE' and a.fiscal_year in (2025, 2026)
                    and abs(hashtext(a.kecamatan_code)) % 9 <> 0) t
            where day <= current_date and first_amount > 0""";

    private static final String SECOND_TRANCHE = """
            insert into disbursement (allocation_id, fiscal_year, tranche, amount, sp2d_number, sp2d_date, remark,
                                      status, created_at, created_by, updated_at, updated_by, submitted_at,
                                      submitted_by, decided_at, decided_by)
            select a.id, a.fiscal_year, 2, a.amount - d.amount, format('%s/SP2D-LS/2/%s', lpad(a.id::text, 6, '0'), a.fiscal_year),
                   make_date(a.fiscal_year, a.planned_month + 3, 1 + (a.id % 25)::int), 'Tahap 2 (pelunasan)', 'VERIFIED',
                   d.sp2d_date + interval '3 months 9 hours', d.created_by, d.sp2d_date + interval '3 months 10 hours',
                   d.created_by, d.sp2d_date + interval '3 months 10 hours', d.created_by,
                   d.sp2d_date + interval '3 months 3 days', 'admin'
            from allocation a join disbursement d on d.allocation_id = a.id and d.tranche = 1 and d.status = 'VERIFIED'
            where a.planned_month <= 9 and a.id % 7 <> 0 and a.amount > d.amount
              and make_date(a.fiscal_year, a.planned_month + 3, 1 + (a.id % 25)::int) <= current_date - 40""";
}
