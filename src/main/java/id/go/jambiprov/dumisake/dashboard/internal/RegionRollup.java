package id.go.jambiprov.dumisake.dashboard.internal;

import id.go.jambiprov.dumisake.account.OpdScope;
import id.go.jambiprov.dumisake.dashboard.Figures;
import id.go.jambiprov.dumisake.dashboard.RegionRow;
import id.go.jambiprov.dumisake.shared.NotFoundException;
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
 * only, and a kecamatan without any of them is not "belum jalan". The kecamatan, kabupaten/kota and province levels
 * come from one grouped statement, so they reconcile even while money moves.
 */
@Component
class RegionRollup {

    private final NamedParameterJdbcTemplate jdbc;

    RegionRollup(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The kecamatan rows, their kabupaten/kota subtotals and the total, from one grouped statement. */
    Rollup of(DashboardScope scope) {
        MapSqlParameterSource params = scope.params();
        String sql = "select kabupaten_kota_code, kabupaten_kota_name, code, name,"
                + " sum(pagu) as pagu, sum(allocated) as allocated, sum(realised) as realised,"
                + " sum(allocations) as allocations, count(*) filter (where realised = 0 and pagu > 0) as without_realisation,"
                + " grouping(kabupaten_kota_code, code) as level from ("
                + kecamatanRows(scope, params) + (scope.kabupatenKota() == null ? "" : " and c.kabupaten_kota_code = :kabupatenKota")
                + ") k group by rollup ((kabupaten_kota_code, kabupaten_kota_name), (code, name))"
                + " order by kabupaten_kota_code nulls first, code nulls first";
        List<RegionRow> kabupatenKota = new ArrayList<>();
        List<RegionRow> kecamatan = new ArrayList<>();
        Figures[] total = {Figures.ZERO};
        int[] withoutRealisation = {0};
        jdbc.query(sql, params, rs -> {
            int level = rs.getInt("level");
            if (level == 0) {
                kecamatan.add(KECAMATAN_ROW.mapRow(rs, 0));
            } else if (level == 1) {
                kabupatenKota.add(new RegionRow(rs.getString("kabupaten_kota_code"),
                        rs.getString("kabupaten_kota_name"), null, null, DashboardScope.figures(rs),
                        rs.getLong("allocations")));
            } else {
                total[0] = DashboardScope.figures(rs);
                withoutRealisation[0] = rs.getInt("without_realisation");
            }
        });
        return new Rollup(total[0], withoutRealisation[0], kabupatenKota, kecamatan);
    }

    /** One kecamatan's row, as on the kabupaten/kota level above it. */
    RegionRow kecamatan(DashboardScope scope, String code) {
        MapSqlParameterSource params = scope.params().addValue("code", code);
        return jdbc.query(kecamatanRows(scope, params) + " and e.kecamatan_code = :code", params, KECAMATAN_ROW)
                .stream().findFirst()
                .orElseThrow(() -> new NotFoundException("envelope.notFound", code, scope.year()));
    }

    private static String kecamatanRows(DashboardScope scope, MapSqlParameterSource params) {
        return scope.opd() == null ? KECAMATAN_ROWS : opdKecamatanRows(params);
    }

    record Rollup(Figures total, int withoutRealisation, List<RegionRow> kabupatenKota, List<RegionRow> kecamatan) {
    }

    /** One row per kecamatan envelope of :year, from the totals kept on the envelope. */
    private static final String KECAMATAN_ROWS = """
            select c.code, c.name, c.kabupaten_kota_code, k.name as kabupaten_kota_name,
                   e.pagu, e.allocated, e.realised, e.allocations
            from envelope e
            join kecamatan c on c.code = e.kecamatan_code
            join kabupaten_kota k on k.code = c.kabupaten_kota_code
            where e.fiscal_year = :year""";

    /**
     * One row per kecamatan envelope of :year with only the caller's OPD's active allocations, from the totals the
     * allocation capability keeps per kecamatan, OPD, programme and mechanism (V20_1). Its pagu is what
     * the OPD was allocated there (as on the OPD rows of the dashboard): an operator reads its realisation
     * against its own money, and a kecamatan where it has nothing shows pagu 0 ("tidak ada alokasi").
     */
    private static String opdKecamatanRows(MapSqlParameterSource params) {
        return """
            select c.code, c.name, c.kabupaten_kota_code, k.name as kabupaten_kota_name,
                   coalesce(a.allocated, 0) as pagu, coalesce(a.allocated, 0) as allocated, coalesce(a.realised, 0) as realised,
                   coalesce(a.allocations, 0) as allocations
            from envelope e
            join kecamatan c on c.code = e.kecamatan_code
            join kabupaten_kota k on k.code = c.kabupaten_kota_code
            left join (select kecamatan_code, sum(allocated) as allocated, sum(realised) as realised,
                              sum(allocations) as allocations
                       from allocation_total
                       where fiscal_year = :year""" + OpdScope.sql("opd_code", params) + """
                       group by kecamatan_code) a on a.kecamatan_code = e.kecamatan_code
            where e.fiscal_year = :year""";
    }

    private static final RowMapper<RegionRow> KECAMATAN_ROW = (rs, n) -> new RegionRow(rs.getString("code"),
            rs.getString("name"), rs.getString("kabupaten_kota_code"), rs.getString("kabupaten_kota_name"),
            DashboardScope.figures(rs), rs.getLong("allocations"));
}
