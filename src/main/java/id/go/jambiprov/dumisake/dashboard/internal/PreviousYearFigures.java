package id.go.jambiprov.dumisake.dashboard.internal;

import id.go.jambiprov.dumisake.dashboard.Figures;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Last year's figures to compare with: its pagu and allocations (from the envelopes, or for a filtered view the
 * allocation totals kept per kecamatan, OPD, programme and mechanism, V20_1), and what it had realised by the same
 * date (by its year end once the year asked for is over), from the verified disbursements' SP2D dates.
 */
@Component
class PreviousYearFigures {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    PreviousYearFigures(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Figures of(DashboardScope scope) {
        LocalDate today = LocalDate.now(clock);
        LocalDate reference = today.getYear() > scope.year() ? LocalDate.of(scope.year(), 12, 31) : today;
        MapSqlParameterSource params = scope.params().addValue("sameDate", reference.minusYears(1));
        return jdbc.queryForObject(sql(scope, params), params, (rs, n) -> DashboardScope.figures(rs));
    }

    private static String sql(DashboardScope scope, MapSqlParameterSource params) {
        String kabupatenKota = scope.kabupatenKota() == null ? "" : " and left(e.kecamatan_code, 5) = :kabupatenKota";
        if (!scope.filtered()) {
            return """
                    select coalesce(sum(e.pagu), 0) as pagu, coalesce(sum(e.allocated), 0) as allocated,
                           (select coalesce(sum(d.amount), 0) from disbursement d where d.fiscal_year = :year - 1
                              and d.status = 'VERIFIED' and d.sp2d_date <= :sameDate) as realised
                    from envelope e where e.fiscal_year = :year - 1""";
        }
        // an operator's pagu is what its OPD was allocated, as in the current year's figures
        String pagu = scope.opd() == null
                ? "select sum(e.pagu) from envelope e where e.fiscal_year = :year - 1" + kabupatenKota
                : "select sum(a.allocated) from allocation_total a where a.fiscal_year = :year - 1"
                  + scope.onAllocation(params);
        return """
                select coalesce((""" + pagu + """
                                ), 0) as pagu,
                       coalesce((select sum(a.allocated) from allocation_total a
                                 where a.fiscal_year = :year - 1""" + scope.onAllocation(params) + """
                                ), 0) as allocated,
                       coalesce((select sum(d.amount) from disbursement d join allocation a on a.id = d.allocation_id
                                 where d.fiscal_year = :year - 1 and d.status = 'VERIFIED' and d.sp2d_date <= :sameDate
                                 """ + scope.onAllocation(params) + "), 0) as realised";
    }
}
