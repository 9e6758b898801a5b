package id.go.jambiprov.dumisake;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * For tests that write disbursement rows past the service: the application keeps the allocation and envelope
 * totals in Java, so such rows get their totals recounted from them, as the scale generator does.
 */
public final class DisbursementTotals {

    private DisbursementTotals() {
    }

    /** Σ non-rejected and Σ verified per allocation of the year, and the verified per envelope, from the rows. */
    public static void recount(JdbcTemplate jdbc, int year) {
        jdbc.update("""
                with totals as (
                    select allocation_id,
                           coalesce(sum(amount) filter (where status <> 'REJECTED'), 0) as disbursed,
                           coalesce(sum(amount) filter (where status = 'VERIFIED'), 0) as realised
                    from disbursement where fiscal_year = ? group by allocation_id),
                moved as (
                    update allocation a set disbursed = t.disbursed, realised = t.realised
                    from totals t where a.id = t.allocation_id
                    returning a.fiscal_year, a.kecamatan_code, a.realised)
                update envelope e set realised = m.realised
                from (select fiscal_year, kecamatan_code, sum(realised) as realised from moved group by 1, 2) m
                where e.fiscal_year = m.fiscal_year and e.kecamatan_code = m.kecamatan_code""", year);
    }
}
