package id.go.jambiprov.dumisake.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo data of the shared test database came through the capabilities' APIs, as the people it names:
 * every row has the audit events its service writes (the disbursements: taken over by the admin, with the
 * operator who submitted them and the admin who decided them), and the allocation and envelope totals are the
 * sums of what was disbursed. Other tests add to
 * 2025/2026, so the checks pick the demo's own rows (its SP2D numbers, its synthetic people).
 */
@SpringBootTest
@AutoConfigureMockMvc // not used here: it makes this the context of the MockMvc tests, started once for all
class DemoDataTest {

    /** The SP2D numbers the demo gives: six-digit allocation id, tranche, year. */
    private static final String DEMO_DISBURSEMENT = """
            d.fiscal_year in (2025, 2026) and d.sp2d_number ~ '^[0-9]{6}/SP2D-LS/[12]/20(25|26)$'""";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDemoIsAsLargeAsEver() {
        assertThat(count("select count(*) from user_account where username in ('admin', 'ahli', 'op-disdik')"))
                .isEqualTo(3);
        assertThat(count("select count(*) from allocation where fiscal_year in (2025, 2026)")).isGreaterThan(3000);
        assertThat(count("select count(*) from progress_report where fiscal_year in (2025, 2026)")).isGreaterThan(2000);
        assertThat(count("select count(distinct allocation_id) from allocation_output")).isGreaterThan(300);
        assertThat(count("select count(*) from disbursement d where " + DEMO_DISBURSEMENT)).isGreaterThan(4000);
        assertThat(count("select count(*) from disbursement d where d.status = 'REJECTED' and " + DEMO_DISBURSEMENT))
                .isPositive();
        assertThat(count("select count(*) from aid x join beneficiary b on b.id = x.beneficiary_id"
                + " where b.name ~ '^Penerima Sintetis (DISDIK|DINKES|DPUPR) [0-9]+-[0-9]+$' and x.fiscal_year = 2026")).isEqualTo(300);
    }

    /** 2025's months are all over: nearly every allocation reported December, a few stopped (red, reminded). */
    @Test
    void mostDemoAllocationsReportedUpToTheLastMonth() {
        long active = count("select count(*) from allocation where fiscal_year = 2025 and status = 'ACTIVE'");
        long reported = count("""
                select count(*) from allocation a join progress_latest l on l.allocation_id = a.id
                where a.fiscal_year = 2025 and a.status = 'ACTIVE' and l.month = 12""");
        assertThat(reported).isGreaterThan(active * 95 / 100).isLessThan(active);
        assertThat(count("""
                select count(*) from progress_latest l
                where l.fiscal_year in (2025, 2026)
                  and (not exists (select 1 from progress_report r where r.allocation_id = l.allocation_id
                                   and r.month = l.month and r.physical_percent = l.physical_percent)
                       or exists (select 1 from progress_report r where r.allocation_id = l.allocation_id
                                  and r.month > l.month))""")).isZero();
    }

    @Test
    void everyDemoRowHasTheAuditEventsOfItsService() {
        assertThat(count("select count(*) from audit_event where action like '%DEMO_LOADED'")).isZero();
        assertThat(count("""
                select count(*) from progress_report r
                where r.fiscal_year in (2025, 2026)
                  and not exists (select 1 from audit_event e where e.entity_type = 'ProgressReport'
                                  and e.entity_id = r.id::text and e.username = r.created_by)""")).isZero();
        assertThat(count("""
                select count(*) from user_account u
                where (u.username in ('admin', 'ahli') or u.username like 'op-%')
                  and not exists (select 1 from audit_event e where e.action = 'ACCOUNT_CREATED'
                                  and e.entity_type = 'UserAccount' and e.entity_id = u.id::text)""")).isZero();
        assertThat(count("""
                select count(*) from allocation a
                where a.fiscal_year in (2025, 2026) and a.created_by = 'system'
                  and not exists (select 1 from audit_event e where e.action = 'ALLOCATION_CREATED'
                                  and e.entity_type = 'Allocation' and e.entity_id = a.id::text)""")).isZero();
        assertThat(count("""
                select count(*) from disbursement d
                where %s and not exists (select 1 from audit_event e where e.action = 'DISBURSEMENT_TAKEN_OVER'
                                         and e.entity_id = d.id::text and e.username = 'admin'
                                         and e.after_state ->> 'submittedBy' = d.submitted_by)"""
                .formatted(DEMO_DISBURSEMENT))).isZero();
        // the synthetic people came as one import file per OPD, uploaded by its operator
        assertThat(count("""
                select count(*) from aid x join beneficiary b on b.id = x.beneficiary_id
                where b.name ~ '^Penerima Sintetis (DISDIK|DINKES|DPUPR) [0-9]+-[0-9]+$' and x.fiscal_year = 2026
                  and (x.created_by <> 'op-' || lower(x.opd_code)
                       or not exists (select 1 from audit_event e where e.action = 'BENEFICIARIES_IMPORTED'
                                      and e.username = x.created_by
                                      and e.after_state ->> 'file' like 'penerima-sintetis-%'
                                      and (e.after_state ->> 'aidCreated')::int = 100))""")).isZero();
    }

    @Test
    void anOperatorSubmittedAndTheAdminDecided() {
        assertThat(count("""
                select count(*) from disbursement d join allocation a on a.id = d.allocation_id
                where %s and (d.created_by <> 'op-' || lower(a.opd_code) or d.submitted_by <> d.created_by
                              or (d.status <> 'SUBMITTED' and d.decided_by is distinct from 'admin'))"""
                .formatted(DEMO_DISBURSEMENT))).isZero();
    }

    @Test
    void theTotalsAreTheSumsOfTheDisbursements() {
        assertThat(count("""
                select count(*) from allocation a
                cross join lateral (
                    select coalesce(sum(d.amount) filter (where d.status <> 'REJECTED'), 0) as counted,
                           coalesce(sum(d.amount) filter (where d.status = 'VERIFIED'), 0) as verified
                    from disbursement d where d.allocation_id = a.id) s
                where a.fiscal_year in (2025, 2026) and (a.disbursed <> s.counted or a.realised <> s.verified)"""))
                .isZero();
        assertThat(count("""
                select count(*) from envelope e
                where e.fiscal_year in (2025, 2026)
                  and e.realised <> (select coalesce(sum(a.realised), 0) from allocation a
                                     where a.fiscal_year = e.fiscal_year and a.kecamatan_code = e.kecamatan_code)"""))
                .isZero();
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
