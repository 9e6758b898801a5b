package id.go.jambiprov.dumisake.allocation.internal;

import id.go.jambiprov.dumisake.account.OpdScope;
import id.go.jambiprov.dumisake.allocation.AllocationFilter;
import id.go.jambiprov.dumisake.allocation.AllocationStatus;
import id.go.jambiprov.dumisake.allocation.AllocationTotals;
import id.go.jambiprov.dumisake.shared.db.RollupLevel;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The footer of an allocation list from the kept totals instead of every allocation row: each field of
 * {@link AllocationFilter} is one of their dimensions (year, kecamatan and so its kabupaten/kota, OPD, programme,
 * mechanism) or their status split (ACTIVE / CANCELLED), so the sums are the same while the statement reads a few
 * rows per kecamatan ({@code allocation_total}, V20_1), without a kecamatan per kabupaten/kota
 * ({@code allocation_rollup}, V22_32: a tenth of the rows) and without any region for the province (V22_39: a few
 * dozen rows). A filter field that is not such a dimension (a text search, a desa) would have to be summed from the
 * allocation rows again.
 */
final class KeptTotalsSql {

    static final RowMapper<AllocationTotals> TOTALS = (rs, n) -> new AllocationTotals(rs.getLong("allocations"),
            rs.getBigDecimal("amount"), rs.getBigDecimal("disbursed"), rs.getBigDecimal("realised"));

    private KeptTotalsSql() {
    }

    /** Σ of the allocations the filter selects: all of them counted, the money of the ACTIVE ones only. */
    static String totals(AllocationFilter filter, MapSqlParameterSource params) {
        AllocationStatus status = filter.status();
        String count = status == null ? "a.allocations + a.cancelled"
                : status == AllocationStatus.ACTIVE ? "a.allocations" : "a.cancelled";
        boolean perKabupatenKota = !present(filter.kecamatanCode());
        return "select coalesce(sum(" + count + "), 0) as allocations, "
                + money(perKabupatenKota ? "amount" : "allocated", status) + " as amount, "
                + money("disbursed", status) + " as disbursed, " + money("realised", status) + " as realised"
                + (perKabupatenKota ? " from allocation_rollup a where a.level = " + rollupLevel(filter).number()
                        : " from allocation_total a where true")
                + where(filter, params, perKabupatenKota);
    }

    /** Without a kecamatan: the province's rows, or a kabupaten/kota's. */
    private static RollupLevel rollupLevel(AllocationFilter filter) {
        return present(filter.kabupatenKotaCode()) ? RollupLevel.BY_KABUPATEN_KOTA : RollupLevel.PROVINCE;
    }

    /** The money counts ACTIVE allocations only: none when only the cancelled ones are asked for. */
    private static String money(String column, AllocationStatus status) {
        return status == AllocationStatus.CANCELLED ? "0" : "coalesce(sum(a." + column + "), 0)";
    }

    private static String where(AllocationFilter filter, MapSqlParameterSource params, boolean perKabupatenKota) {
        StringBuilder where = new StringBuilder();
        if (filter.year() != null) {
            where.append(" and a.fiscal_year = :year");
            params.addValue("year", filter.year());
        }
        if (present(filter.kabupatenKotaCode())) {
            where.append(perKabupatenKota ? " and a.region_code = :kabupatenKota" : " and a.kecamatan_code in"
                    + " (select code from kecamatan where kabupaten_kota_code = :kabupatenKota)");
            params.addValue("kabupatenKota", filter.kabupatenKotaCode());
        }
        if (present(filter.kecamatanCode())) {
            where.append(" and a.kecamatan_code = :kecamatan");
            params.addValue("kecamatan", filter.kecamatanCode());
        }
        if (present(filter.opdCode())) {
            where.append(" and a.opd_code = :opd");
            params.addValue("opd", filter.opdCode());
        }
        if (present(filter.programmeCode())) {
            where.append(" and a.programme_code = :programme");
            params.addValue("programme", filter.programmeCode());
        }
        if (filter.mechanism() != null) {
            where.append(" and a.mechanism = :mechanism");
            params.addValue("mechanism", filter.mechanism().name());
        }
        return where + OpdScope.sql("a.opd_code", params);
    }

    private static boolean present(String code) {
        return code != null && !code.isBlank();
    }
}
