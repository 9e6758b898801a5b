package id.go.jambiprov.dumisake.allocation.internal;

import id.go.jambiprov.dumisake.allocation.KeptTotalsDifference;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Proves the kept totals of a year: the cells of {@code allocation_total} (V20_1) and the envelope's allocated,
 * realised and number of allocations against the same figures recounted from the allocation rows and, for the money
 * spent, from the disbursement rows themselves (so a drift of {@code allocation.disbursed}/{@code realised}, which
 * Java keeps, shows too). A missing cell counts as zeros. Reads every allocation and disbursement of the year: for
 * tests and operators, never for a page.
 */
@Service
@Transactional(readOnly = true)
public class KeptTotalsReconciliation {

    private final NamedParameterJdbcTemplate jdbc;

    KeptTotalsReconciliation(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every figure of the year that differs, by kecamatan, OPD, programme, mechanism and figure; empty when all agree. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<KeptTotalsDifference> differences(int year) {
        return jdbc.query(DIFFERENCES, new MapSqlParameterSource("year", year), (rs, n) -> new KeptTotalsDifference(
                rs.getInt("fiscal_year"), rs.getString("kecamatan_code"), rs.getString("opd_code"),
                rs.getString("programme_code"), rs.getString("mechanism"), rs.getString("figure"),
                rs.getBigDecimal("kept"), rs.getBigDecimal("counted")));
    }

    private static final String DIFFERENCES = """
            with spent as (
                select d.allocation_id,
                       coalesce(sum(d.amount) filter (where d.status <> 'REJECTED'), 0) as disbursed,
                       coalesce(sum(d.amount) filter (where d.status = 'VERIFIED'), 0) as realised
                from disbursement d join allocation a on a.id = d.allocation_id
                where a.fiscal_year = :year
                group by d.allocation_id),
            counted as (
                select a.fiscal_year, a.kecamatan_code, a.opd_code, a.programme_code, a.mechanism,
                       count(*) filter (where a.status = 'ACTIVE') as allocations,
                       count(*) filter (where a.status = 'CANCELLED') as cancelled,
                       coalesce(sum(a.amount) filter (where a.status = 'ACTIVE'), 0) as allocated,
                       coalesce(sum(s.disbursed) filter (where a.status = 'ACTIVE'), 0) as disbursed,
                       coalesce(sum(s.realised) filter (where a.status = 'ACTIVE'), 0) as realised
                from allocation a left join spent s on s.allocation_id = a.id
                where a.fiscal_year = :year
                group by 1, 2, 3, 4, 5),
            kept as (select * from allocation_total where fiscal_year = :year),
            cells as (
                select coalesce(k.fiscal_year, c.fiscal_year) as fiscal_year,
                       coalesce(k.kecamatan_code, c.kecamatan_code) as kecamatan_code,
                       coalesce(k.opd_code, c.opd_code) as opd_code,
                       coalesce(k.programme_code, c.programme_code) as programme_code,
                       coalesce(k.mechanism, c.mechanism) as mechanism, f.figure, f.kept, f.counted
                from kept k
                full join counted c using (fiscal_year, kecamatan_code, opd_code, programme_code, mechanism)
                cross join lateral (values
                    (1, 'allocations', coalesce(k.allocations, 0)::numeric, coalesce(c.allocations, 0)::numeric),
                    (2, 'cancelled', coalesce(k.cancelled, 0)::numeric, coalesce(c.cancelled, 0)::numeric),
                    (3, 'allocated', coalesce(k.allocated, 0), coalesce(c.allocated, 0)),
                    (4, 'disbursed', coalesce(k.disbursed, 0), coalesce(c.disbursed, 0)),
                    (5, 'realised', coalesce(k.realised, 0), coalesce(c.realised, 0))) f(n, figure, kept, counted)
                where f.kept <> f.counted),
            envelopes as (
                select e.fiscal_year, e.kecamatan_code, null::varchar as opd_code, null::varchar as programme_code,
                       null::varchar as mechanism, f.figure, f.kept, f.counted
                from envelope e
                left join (select kecamatan_code, sum(allocations) as allocations, sum(allocated) as allocated,
                                  sum(realised) as realised
                           from counted group by kecamatan_code) c on c.kecamatan_code = e.kecamatan_code
                cross join lateral (values
                    ('envelope.allocations', e.allocations::numeric, coalesce(c.allocations, 0)::numeric),
                    ('envelope.allocated', e.allocated, coalesce(c.allocated, 0)),
                    ('envelope.realised', e.realised, coalesce(c.realised, 0))) f(figure, kept, counted)
                where e.fiscal_year = :year and f.kept <> f.counted)
            select * from cells
            union all
            select * from envelopes
            order by 2, 3 nulls first, 4 nulls first, 5 nulls first, 6""";
}
