package id.go.jambiprov.dumisake.dashboard.internal;

import id.go.jambiprov.dumisake.account.OpdScope;
import id.go.jambiprov.dumisake.dashboard.Figures;
import id.go.jambiprov.dumisake.dashboard.RegionRow;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures by region. Without an OPD scope the kecamatan figures are the totals kept on the envelope
 * (Σ active allocations and their number by the V4 trigger, Σ verified disbursements by the allocation
 * module when a disbursement is verified or withdrawn); an OPD operator's, from the allocation totals kept per
 * kecamatan and OPD (V20_1), are limited to their OPD: pagu, allocated and realised count that OPD's allocations
 * only, and a kecamatan without any of them is not "belum jalan". The kabupaten/kota and province levels come from
 * one grouped statement, so they reconcile even while money moves. At national scale (7,144 kecamatan) the province
 * page reads those levels and the ten lowest kecamatan, not every kecamatan row with its names.
 */
@Component
class RegionRollup {

    private final NamedParameterJdbcTemplate jdbc;

    RegionRollup(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The kecamatan rows of the scope, by code. */
    List<RegionRow> kecamatan(DashboardScope scope) {
        MapSqlParameterSource params = scope.params();
        return jdbc.query(named(figures(scope, params)) + " order by c.kabupaten_kota_code, c.code", params, KECAMATAN_ROW);
    }

    /** The kabupaten/kota rows and the total of the scope, summed from its kecamatan in one grouped statement. */
    Rollup of(DashboardScope scope) {
        MapSqlParameterSource params = scope.params();
        // an operator's kecamatan are those where its OPD has something (their pagu is the OPD's allocation)
        String kecamatan = scope.opd() == null ? "count(*)" : "count(*) filter (where f.pagu > 0)";
        String sql = "select r.code, k.name, r.pagu, r.allocated, r.realised, r.allocations, r.without_realisation,"
                + " r.kecamatan from (select left(f.kecamatan_code, 5) as code, sum(f.pagu) as pagu,"
                + " sum(f.allocated) as allocated, sum(f.realised) as realised, sum(f.allocations) as allocations,"
                + " count(*) filter (where f.realised = 0 and f.pagu > 0) as without_realisation, " + kecamatan
                + " as kecamatan from (" + figures(scope, params) + ") f group by rollup (1)) r"
                + " left join kabupaten_kota k on k.code = r.code order by r.code nulls first";
        List<RegionRow> kabupatenKota = new ArrayList<>();
        Rollup[] total = {new Rollup(Figures.ZERO, 0, 0, kabupatenKota)};
        jdbc.query(sql, params, rs -> {
            if (rs.getString("code") == null) {
                total[0] = new Rollup(DashboardScope.figures(rs), rs.getInt("without_realisation"),
                        rs.getInt("kecamatan"), kabupatenKota);
            } else {
                kabupatenKota.add(new RegionRow(rs.getString("code"), rs.getString("name"), null, null,
                        DashboardScope.figures(rs), rs.getLong("allocations")));
            }
        });
        return total[0];
    }

    /**
     * The kecamatan of the scope with pagu by realisation, lowest first (then the most allocated, then by code), one
     * page of them; their number is the rollup's count of kecamatan ({@link Rollup#kecamatan()}: those with pagu,
     * which every envelope has and an operator's kecamatan have where its OPD allocated). The percentage is compared
     * as the pages show it, rounded half up to two decimals ({@link Figures#realisedPercent()}), computed exactly in
     * integers.
     */
    Page<RegionRow> lowest(DashboardScope scope, Rollup rollup, Pageable pageable) {
        MapSqlParameterSource params = scope.params().addValue("limit", pageable.getPageSize())
                .addValue("offset", pageable.getOffset());
        String order = " order by div(f.realised * 20000 + f.pagu, f.pagu * 2), f.allocated desc,"
                + " f.kecamatan_code collate \"C\"";
        List<RegionRow> rows = jdbc.query(named("select f.* from (" + figures(scope, params) + ") f where f.pagu > 0"
                + order + " limit :limit offset :offset") + order, params, KECAMATAN_ROW);
        return new PageImpl<>(rows, pageable, rollup.kecamatan());
    }

    /** One kecamatan's row, as on the kabupaten/kota level above it. */
    RegionRow kecamatan(DashboardScope scope, String code) {
        MapSqlParameterSource params = scope.params().addValue("code", code);
        return jdbc.query(named(figures(scope, params) + " and e.kecamatan_code = :code"), params, KECAMATAN_ROW)
                .stream().findFirst()
                .orElseThrow(() -> new NotFoundException("envelope.notFound", code, scope.year()));
    }

    /** The kabupaten/kota rows, and the province's (or the chosen kabupaten/kota's) total with its counts. */
    record Rollup(Figures total, int withoutRealisation, int kecamatan, List<RegionRow> kabupatenKota) {
    }

    /**
     * One row of figures per kecamatan envelope of :year (and the chosen kabupaten/kota): the totals kept on the
     * envelope, or for an OPD operator only its OPD's active allocations, from the totals the allocation capability
     * keeps per kecamatan, OPD, programme and mechanism (V20_1). An operator's pagu is what the OPD was allocated
     * there (as on the OPD rows of the dashboard): it reads its realisation against its own money, and a kecamatan
     * where it has nothing shows pagu 0 ("tidak ada alokasi").
     */
    private static String figures(DashboardScope scope, MapSqlParameterSource params) {
        String kabupatenKota = scope.kabupatenKota() == null ? "" : " and left(e.kecamatan_code, 5) = :kabupatenKota";
        if (scope.opd() == null) {
            return "select e.kecamatan_code, e.pagu, e.allocated, e.realised, e.allocations from envelope e"
                    + " where e.fiscal_year = :year" + kabupatenKota;
        }
        return """
            select e.kecamatan_code, coalesce(a.allocated, 0) as pagu, coalesce(a.allocated, 0) as allocated,
                   coalesce(a.realised, 0) as realised, coalesce(a.allocations, 0) as allocations
            from envelope e
            left join (select kecamatan_code, sum(allocated) as allocated, sum(realised) as realised,
                              sum(allocations) as allocations
                       from allocation_total
                       where fiscal_year = :year""" + OpdScope.sql("opd_code", params) + """
                       group by kecamatan_code) a on a.kecamatan_code = e.kecamatan_code
            where e.fiscal_year = :year""" + kabupatenKota;
    }

    /** The kecamatan figures with their names and kabupaten/kota. */
    private static String named(String figures) {
        return "select c.code, c.name, c.kabupaten_kota_code, k.name as kabupaten_kota_name,"
                + " f.pagu, f.allocated, f.realised, f.allocations from (" + figures + ") f"
                + " join kecamatan c on c.code = f.kecamatan_code join kabupaten_kota k on k.code = c.kabupaten_kota_code";
    }

    private static final RowMapper<RegionRow> KECAMATAN_ROW = (rs, n) -> new RegionRow(rs.getString("code"),
            rs.getString("name"), rs.getString("kabupaten_kota_code"), rs.getString("kabupaten_kota_name"),
            DashboardScope.figures(rs), rs.getLong("allocations"));
}
