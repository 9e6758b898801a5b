package id.go.jambiprov.dumisake.beneficiary.internal;

import id.go.jambiprov.dumisake.account.OpdScope;
import id.go.jambiprov.dumisake.region.RegionService;
import id.go.jambiprov.dumisake.shared.ListCount;
import id.go.jambiprov.dumisake.shared.ListPage;
import id.go.jambiprov.dumisake.shared.Pageables;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The people as the database holds them (full NIK: the callers decide who is shown it), the search by name
 * (NIK masked) and the counts of people with aid per region that the dashboards show.
 */
@Service
@Transactional(readOnly = true)
public class BeneficiaryQueries {

    /**
     * The register and a search in it are counted exactly up to a thousand people: beyond that, the planner's
     * estimate, which for the whole register is its statistics (PostgreSQL keeps them as rows are added) and for a
     * name the text matched against the statistics' sample of names (each search is planned for its text, below):
     * "about 201,600" for the register, "about 16,300" for a part of a name that 15,400 share. Counting ten thousand
     * rows was half of PostgreSQL's work for a page (docs/benchmarks.md).
     */
    private static final int EXACT_COUNT_LIMIT = 1_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final RegionService regions;
    private final ListCount count;

    BeneficiaryQueries(NamedParameterJdbcTemplate jdbc, RegionService regions, ListCount count) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.count = count.upTo(EXACT_COUNT_LIMIT);
    }

    /**
     * One page of the beneficiaries whose name contains {@code text} (by name), NIKs masked, with their number
     * (counted up to a thousand, estimated beyond); without a text the latest registered come first, so that the
     * list opens with something to see.
     */
    public ListPage<BeneficiaryView> searchByName(String text, Pageable pageable) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = "";
        String order = " order by b.id desc";
        boolean byName = text != null && !text.isBlank();
        if (byName) {
            // planned for the text it is given: after five runs a prepared statement may keep one generic plan, which
            // reads the trigram index as if every text were rare — for a common one ("Sintetis" in 200,000 names) the
            // count read every match instead of the table until the count's limit; and its estimate beyond the limit
            // is made for this text
            planCacheMode("force_custom_plan");
            where = " where b.name ilike :text escape '\\'";
            order = " order by b.name, b.id";
            params.addValue("text", "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        ListCount.Rows total = count.of(" from beneficiary b" + where, params);
        // The page's people are found by their ids alone, then read whole in that order with a plan kept for any
        // page: planned for each text, the statement with their places and aid took a millisecond to plan, as long as
        // running it (docs/benchmarks.md). The page's limit is written into the statement: bound, it made every plan
        // for it look as dear as reading a tenth of the register, and the rows were planned again on every page.
        List<Long> ids = jdbc.queryForList("select b.id from beneficiary b" + where + order
                + Pageables.limitOffset(pageable, 1), params, Long.class);
        if (byName) {
            planCacheMode("default");
        }
        List<BeneficiaryView> rows = jdbc.query(SELECT + IN_ORDER_OF_IDS,
                new MapSqlParameterSource("ids", new SqlArrayValue("bigint", ids.toArray())), ROW).stream()
                .map(BeneficiaryView::masked).toList();
        return new ListPage<>(rows, pageable, total);
    }

    /** For the rest of the transaction. */
    private void planCacheMode(String mode) {
        jdbc.getJdbcTemplate().execute("set local plan_cache_mode = " + mode);
    }

    /** The people of an array of ids, in the array's order. */
    private static final String IN_ORDER_OF_IDS = """
            join unnest(cast(:ids as bigint[])) with ordinality as page (id, position) on page.id = b.id
            order by page.position""";

    /** The person with the full NIK, for the service to show as the caller may see it. */
    Optional<BeneficiaryView> byId(long id) {
        return jdbc.query(SELECT + " where b.id = :id", new MapSqlParameterSource("id", id), ROW).stream().findFirst();
    }

    /** The person with the full NIK, for the service to show as the caller may see it. */
    Optional<BeneficiaryView> byNik(String nik) {
        return jdbc.query(SELECT + " where b.nik = :nik", new MapSqlParameterSource("nik", nik), ROW).stream()
                .findFirst();
    }

    /**
     * Distinct people with aid in {@code year}, per desa of one kecamatan (those with any); an operator counts
     * the aid of their OPD, as their dashboards show their OPD's money.
     */
    public List<RegionCount> countsPerDesa(int year, String kecamatanCode) {
        MapSqlParameterSource params = countParams(year).addValue("kecamatan", kecamatanCode);
        return jdbc.query("""
                        select d.code, d.name, count(distinct x.beneficiary_id) as beneficiaries
                        from aid x join beneficiary b on b.id = x.beneficiary_id join desa d on d.code = b.desa_code
                        where x.fiscal_year = :year and x.status <> 'CANCELLED' and d.kecamatan_code = :kecamatan
                        """ + OpdScope.sql("x.opd_code", params) + " group by d.code, d.name order by d.name",
                params, (rs, n) -> new RegionCount(rs.getString(1), rs.getString(2), rs.getLong(3)));
    }

    /** Distinct people with aid in {@code year}, per kecamatan (those with any), in the caller's scope. */
    public List<RegionCount> countsPerKecamatan(int year) {
        MapSqlParameterSource params = countParams(year);
        return jdbc.query("""
                        select c.code, c.name, count(distinct x.beneficiary_id) as beneficiaries
                        from aid x join beneficiary b on b.id = x.beneficiary_id join desa d on d.code = b.desa_code
                        join kecamatan c on c.code = d.kecamatan_code
                        where x.fiscal_year = :year and x.status <> 'CANCELLED'
                        """ + OpdScope.sql("x.opd_code", params) + " group by c.code, c.name order by c.name",
                params, (rs, n) -> new RegionCount(rs.getString(1), rs.getString(2), rs.getLong(3)));
    }

    /**
     * The province dashboard's drill-down: per kabupaten/kota, per kecamatan of {@code kabupatenKotaCode}, or
     * per desa of {@code kecamatanCode} (which wins when both are given); every region of the level, in code
     * order, counted as {@link #countsPerDesa} counts (one aggregate query).
     */
    public BeneficiaryCounts countsSummary(int year, String kabupatenKotaCode, String kecamatanCode) {
        MapSqlParameterSource params = countParams(year);
        String scope = OpdScope.sql("x.opd_code", params);
        BeneficiaryCounts.Level level;
        String parentCode = null;
        String parentName = null;
        String upCode = null;
        String regionSql;
        if (kecamatanCode != null && !kecamatanCode.isBlank()) {
            var kecamatan = regions.kecamatan(kecamatanCode.strip());
            level = BeneficiaryCounts.Level.DESA;
            parentCode = kecamatan.code();
            parentName = kecamatan.name();
            upCode = kecamatan.kabupatenKotaCode();
            regionSql = "select d.code, d.name, d.code as desa_code from desa d where d.kecamatan_code = :parent";
        } else if (kabupatenKotaCode != null && !kabupatenKotaCode.isBlank()) {
            var kabupatenKota = regions.kabupatenKota(kabupatenKotaCode.strip());
            level = BeneficiaryCounts.Level.KECAMATAN;
            parentCode = kabupatenKota.code();
            parentName = kabupatenKota.name();
            regionSql = """
                    select c.code, c.name, d.code as desa_code from kecamatan c join desa d on d.kecamatan_code = c.code
                    where c.kabupaten_kota_code = :parent""";
        } else {
            level = BeneficiaryCounts.Level.KABUPATEN_KOTA;
            regionSql = """
                    select k.code, k.name, d.code as desa_code from kabupaten_kota k
                    join kecamatan c on c.kabupaten_kota_code = k.code join desa d on d.kecamatan_code = c.code""";
        }
        params.addValue("parent", parentCode);
        // per desa first: a person lives in one desa, so the desa counts add up to every level above
        List<RegionCount> rows = jdbc.query("""
                        with per_desa as (
                            select b.desa_code, count(distinct x.beneficiary_id) as beneficiaries
                            from aid x join beneficiary b on b.id = x.beneficiary_id
                            where x.fiscal_year = :year and x.status <> 'CANCELLED'
                        """ + scope + """
                            group by b.desa_code),
                        region as (""" + regionSql + """
                        )
                        select r.code, r.name, coalesce(sum(p.beneficiaries), 0) as beneficiaries
                        from region r left join per_desa p on p.desa_code = r.desa_code
                        group by r.code, r.name order by r.code""",
                params, (rs, n) -> new RegionCount(rs.getString(1), rs.getString(2), rs.getLong(3)));
        long total = rows.stream().mapToLong(RegionCount::beneficiaries).sum();
        return new BeneficiaryCounts(year, level, parentCode, parentName, upCode, rows, total);
    }

    private static MapSqlParameterSource countParams(int year) {
        return new MapSqlParameterSource("year", year);
    }

    private static final String SELECT = """
            select b.id, b.nik, b.name, b.sex, b.date_of_birth, b.desa_code, d.name as desa_name, d.kecamatan_code,
                   c.name as kecamatan_name, k.name as kabupaten_kota_name, b.address, b.phone, b.welfare_decile,
                   b.registered_opd,
                   array(select distinct x.opd_code from aid x where x.beneficiary_id = b.id and x.status <> 'CANCELLED')
                       as aid_opds
            from beneficiary b
            join desa d on d.code = b.desa_code
            join kecamatan c on c.code = d.kecamatan_code
            join kabupaten_kota k on k.code = c.kabupaten_kota_code
            """;

    private static final RowMapper<BeneficiaryView> ROW = (rs, n) -> {
        LocalDate born = rs.getObject("date_of_birth", LocalDate.class);
        return new BeneficiaryView(rs.getLong("id"), rs.getString("nik"), true, rs.getString("name"),
                Nik.Sex.valueOf(rs.getString("sex")), born, born.getYear(), rs.getString("desa_code"),
                rs.getString("desa_name"), rs.getString("kecamatan_code"), rs.getString("kecamatan_name"),
                rs.getString("kabupaten_kota_name"), rs.getString("address"), rs.getString("phone"),
                (Integer) rs.getObject("welfare_decile", Integer.class), rs.getString("registered_opd"),
                strings(rs.getArray("aid_opds")));
    };

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
