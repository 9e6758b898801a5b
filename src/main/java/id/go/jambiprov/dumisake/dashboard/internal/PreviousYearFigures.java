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
 * date (by its year end once the year asked for is over), by the verified disbursements' SP2D dates.
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
        LocalDate sameDate = reference.minusYears(1);
        MapSqlParameterSource params = scope.params().addValue("sameDate", sameDate);
        return jdbc.queryForObject(sql(scope, params, sameDate.getMonthValue() > 6), params,
                (rs, n) -> DashboardScope.figures(rs));
    }

    /**
     * What the year had realised by {@code :sameDate}. Province-wide: its days kept (V22_36) up to that date. For a
     * filtered view, from its tranches: from the first half of the year on, those verified up to that date; later,
     * all it realised (kept in the allocation totals) less what was verified after it — the fewer tranches either way.
     * The two are equal because every verified tranche of a year is counted in its allocation's realisation (V5,
     * V15_1), which the kept totals add up.
     */
    private static String sql(DashboardScope scope, MapSqlParameterSource params, boolean fromTheEnd) {
        if (!scope.filtered()) {
            return """
                    select coalesce(sum(e.pagu), 0) as pagu, coalesce(sum(e.allocated), 0) as allocated,
                           (select coalesce(sum(k.verified), 0) from disbursement_day k
                            where k.fiscal_year = :year - 1 and k.day <= :sameDate) as realised
                    from envelope e where e.fiscal_year = :year - 1""";
        }
        String kabupatenKota = scope.kabupatenKota() == null ? "" : " and left(e.kecamatan_code, 5) = :kabupatenKota";
        String dates = fromTheEnd ? " and d.sp2d_date > :sameDate" : " and d.sp2d_date <= :sameDate";
        String sign = fromTheEnd ? "- " : "";
        // an operator's pagu is what its OPD was allocated, as in the current year's figures
        String pagu = scope.opd() == null
                ? "select sum(e.pagu) from envelope e where e.fiscal_year = :year - 1" + kabupatenKota
                : "select sum(a.allocated) from allocation_total a where a.fiscal_year = :year - 1"
                  + scope.onAllocation(params);
        String kept = fromTheEnd ? "coalesce((select sum(a.realised) from allocation_total a"
                + " where a.fiscal_year = :year - 1" + scope.onAllocation(params) + "), 0) " : "";
        return """
                select coalesce((""" + pagu + """
                                ), 0) as pagu,
                       coalesce((select sum(a.allocated) from allocation_total a
                                 where a.fiscal_year = :year - 1""" + scope.onAllocation(params) + """
                                ), 0) as allocated,
                       """ + kept + sign + """
                coalesce((select sum(d.amount) from disbursement d join allocation a on a.id = d.allocation_id
                                 where d.fiscal_year = :year - 1 and d.status = 'VERIFIED'""" + dates
                + scope.onAllocation(params) + "), 0) as realised";
    }
}
