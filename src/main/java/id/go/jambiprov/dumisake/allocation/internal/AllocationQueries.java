package id.go.jambiprov.dumisake.allocation.internal;

import id.go.jambiprov.dumisake.account.OpdScope;
import id.go.jambiprov.dumisake.allocation.AllocationFilter;
import id.go.jambiprov.dumisake.allocation.AllocationRow;
import id.go.jambiprov.dumisake.allocation.AllocationStatus;
import id.go.jambiprov.dumisake.allocation.AllocationTotals;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.programme.Pillar;
import id.go.jambiprov.dumisake.shared.ListCount;
import id.go.jambiprov.dumisake.shared.ListPage;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import id.go.jambiprov.dumisake.shared.Pageables;
import id.go.jambiprov.dumisake.shared.db.StreamingJdbc;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The allocations as lists, pages, exports and footers read them: SQL over the allocation rows and their
 * master data, scoped to an operator's own OPD. The changes are {@link AllocationService}'s.
 */
@Service
@Transactional(readOnly = true)
public class AllocationQueries {

    private static final int STREAM_FETCH_SIZE = 1000;

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streamingJdbc;
    private final ListCount count;

    AllocationQueries(NamedParameterJdbcTemplate jdbc, ListCount count) {
        this.jdbc = jdbc;
        this.count = count;
        this.streamingJdbc = StreamingJdbc.of(jdbc, STREAM_FETCH_SIZE);
    }

    /** The allocation, if the caller may see it: an operator of another OPD gets "not found". */
    public AllocationView get(long id) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", id);
        String scope = OpdScope.sql("a.opd_code", params);
        return jdbc.query(SELECT + " where a.id = :id" + scope, params, ROW).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("allocation.notFound", id));
    }

    /** The allocations the caller may see among {@code ids}, by id; an id outside an operator's OPD is left out. */
    public Map<Long, AllocationView> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        MapSqlParameterSource params = new MapSqlParameterSource("ids", ids);
        String scope = OpdScope.sql("a.opd_code", params);
        Map<Long, AllocationView> found = new LinkedHashMap<>();
        jdbc.query(SELECT + " where a.id in (:ids)" + scope + " order by a.id", params, ROW)
                .forEach(allocation -> found.put(allocation.id(), allocation));
        return found;
    }

    public Page<AllocationView> search(AllocationFilter filter, Pageable pageable) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(filter, params);
        long total = jdbc.queryForObject("select count(*) from allocation a join kecamatan c on c.code = a.kecamatan_code"
                + where, params, Long.class);
        params.addValue("limit", pageable.isPaged() ? pageable.getPageSize() : Integer.MAX_VALUE)
                .addValue("offset", pageable.isPaged() ? pageable.getOffset() : 0);
        List<AllocationView> rows = jdbc.query(SELECT + where + orderBy(pageable.getSort())
                + " limit :limit offset :offset", params, ROW);
        return new PageImpl<>(rows, pageable, total);
    }

    /**
     * One page of the allocations the filter selects as a list shows them, for a list that knows their number
     * already ({@code total}, e.g. from {@link #totals}): one statement, the page chosen first and the names of
     * its rows looked up afterwards (by key, for those rows only). A page past the end (an old link, a typed number) is
     * the last page, as a pager would have offered it.
     */
    // no read-only transaction of its own: in READ COMMITTED each statement sees what was committed when it began,
    // with or without one, and beginning and committing one cost a list page more than its smaller statements
    @Transactional(propagation = Propagation.SUPPORTS)
    public ListPage<AllocationRow> rows(AllocationFilter filter, Pageable requested, long total) {
        Pageable pageable = Pageables.withinRows(requested, total);
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(filter, params);
        List<AllocationRow> rows = jdbc.query("""
                select x.*, (select p.name from programme p where p.code = x.programme_code) as programme_name,
                       (select d.name from desa d where d.code = x.desa_code) as desa_name
                from (select a.id, c.name as kecamatan_name, a.opd_code, a.programme_code, a.mechanism, a.desa_code,
                             a.title, a.amount, a.disbursed, a.realised, a.planned_month, a.status
                      from allocation a join kecamatan c on c.code = a.kecamatan_code""" + where
                        + orderBy(pageable.getSort(), PAGE_SORTABLE, "a.id") + Pageables.limitOffset(pageable, 1)
                        + ") x" + orderBy(pageable.getSort(), ROW_SORTABLE, "x.id"),
                params, (rs, n) -> new AllocationRow(rs.getLong("id"), rs.getString("kecamatan_name"),
                        rs.getString("opd_code"), rs.getString("programme_name"),
                        Mechanism.valueOf(rs.getString("mechanism")), rs.getString("desa_name"), rs.getString("title"),
                        rs.getBigDecimal("amount"), rs.getBigDecimal("disbursed"), rs.getInt("planned_month"),
                        AllocationStatus.valueOf(rs.getString("status"))));
        return ListPage.exact(rows, pageable, total);
    }

    /**
     * As {@link #search}, for the API: the number of allocations counted up to {@link ListCount}'s limit and
     * estimated beyond it.
     */
    public ListPage<AllocationView> page(AllocationFilter filter, Pageable pageable) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(filter, params);
        ListCount.Rows total = count.of(" from allocation a join kecamatan c on c.code = a.kecamatan_code" + where,
                params);
        // as in rows(): the page first, then the names of its rows only
        List<AllocationView> rows = jdbc.query("""
                select x.*, (select k.name from kabupaten_kota k where k.code = x.kabupaten_kota_code)
                                as kabupaten_kota_name,
                       (select o.name from opd o where o.code = x.opd_code) as opd_name,
                       (select p.name from programme p where p.code = x.programme_code) as programme_name,
                       (select p.pillar from programme p where p.code = x.programme_code) as pillar,
                       (select d.name from desa d where d.code = x.desa_code) as desa_name
                from (select a.id, a.fiscal_year, a.kecamatan_code, c.name as kecamatan_name, c.kabupaten_kota_code,
                             a.opd_code, a.programme_code, a.mechanism, a.desa_code, a.title, a.amount,
                             a.planned_month, a.status, a.disbursed, a.realised, a.cancel_reason, a.created_at,
                             a.created_by, a.updated_at, a.updated_by, a.version
                      from allocation a join kecamatan c on c.code = a.kecamatan_code""" + where
                + orderBy(pageable.getSort(), PAGE_SORTABLE, "a.id") + Pageables.limitOffset(pageable, 1) + ") x"
                + orderBy(pageable.getSort(), ROW_SORTABLE, "x.id"), params, ROW);
        return new ListPage<>(rows, pageable, total);
    }

    /**
     * Every allocation the filter selects, in code order, handed to {@code each} one at a time as the
     * database sends them (exports of any size never hold the whole list).
     */
    public void forEach(AllocationFilter filter, Consumer<AllocationView> each) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(filter, params);
        streamingJdbc.query(SELECT + where + " order by a.kecamatan_code, a.opd_code, a.id", params,
                (RowCallbackHandler) rs -> each.accept(ROW.mapRow(rs, 0)));
    }

    /**
     * Σ of the allocations the filter selects (ACTIVE ones only for the money), for table footers: from the totals
     * kept per year, kecamatan, OPD, programme and mechanism ({@link KeptTotalsSql}), not from every allocation row.
     */
    @Transactional(propagation = Propagation.SUPPORTS) // as rows()
    public AllocationTotals totals(AllocationFilter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        return jdbc.queryForObject(KeptTotalsSql.totals(filter, params), params, KeptTotalsSql.TOTALS);
    }

    /**
     * The desa that hold an ACTIVE allocation of the programme in the year, whatever the caller's OPD: the
     * per-desa allocation skips them.
     */
    public Set<String> desaWithActiveAllocation(int year, String programmeCode) {
        return new HashSet<>(jdbc.queryForList("""
                        select distinct desa_code from allocation
                        where fiscal_year = :year and programme_code = :programme and status = 'ACTIVE'
                          and desa_code is not null""",
                new MapSqlParameterSource("year", year).addValue("programme", programmeCode), String.class));
    }

    private static String where(AllocationFilter filter, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder(" where true");
        if (filter.year() != null) {
            where.append(" and a.fiscal_year = :year");
            params.addValue("year", filter.year());
        }
        if (filter.kabupatenKotaCode() != null && !filter.kabupatenKotaCode().isBlank()) {
            where.append(" and c.kabupaten_kota_code = :kabupatenKota");
            params.addValue("kabupatenKota", filter.kabupatenKotaCode());
        }
        if (filter.kecamatanCode() != null && !filter.kecamatanCode().isBlank()) {
            where.append(" and a.kecamatan_code = :kecamatan");
            params.addValue("kecamatan", filter.kecamatanCode());
        }
        if (filter.opdCode() != null && !filter.opdCode().isBlank()) {
            where.append(" and a.opd_code = :opd");
            params.addValue("opd", filter.opdCode());
        }
        if (filter.programmeCode() != null && !filter.programmeCode().isBlank()) {
            where.append(" and a.programme_code = :programme");
            params.addValue("programme", filter.programmeCode());
        }
        if (filter.mechanism() != null) {
            where.append(" and a.mechanism = :mechanism");
            params.addValue("mechanism", filter.mechanism().name());
        }
        if (filter.status() != null) {
            where.append(" and a.status = :status");
            params.addValue("status", filter.status().name());
        }
        return where + OpdScope.sql("a.opd_code", params);
    }

    private static final Map<String, String> SORTABLE = Map.of(
            "id", "a.id", "kecamatan", "c.name", "opd", "a.opd_code", "programme", "p.name", "title", "a.title",
            "amount", "a.amount", "plannedMonth", "a.planned_month", "status", "a.status",
            "disbursed", "a.disbursed", "realised", "a.realised");

    /** {@link #SORTABLE} for the page chosen in {@link #rows}: the programme's name looked up only when sorted by. */
    private static final Map<String, String> PAGE_SORTABLE = Map.of(
            "id", "a.id", "kecamatan", "c.name", "opd", "a.opd_code",
            "programme", "(select p.name from programme p where p.code = a.programme_code)", "title", "a.title",
            "amount", "a.amount", "plannedMonth", "a.planned_month", "status", "a.status",
            "disbursed", "a.disbursed", "realised", "a.realised");

    /** The same order once more over the page's rows, with their names. */
    private static final Map<String, String> ROW_SORTABLE = Map.of(
            "id", "x.id", "kecamatan", "x.kecamatan_name", "opd", "x.opd_code", "programme", "programme_name",
            "title", "x.title", "amount", "x.amount", "plannedMonth", "x.planned_month", "status", "x.status",
            "disbursed", "x.disbursed", "realised", "x.realised");

    private static String orderBy(Sort sort) {
        return orderBy(sort, SORTABLE, "a.id");
    }

    private static String orderBy(Sort sort, Map<String, String> sortable, String id) {
        List<String> orders = sort.stream()
                .filter(order -> sortable.containsKey(order.getProperty()))
                .map(order -> sortable.get(order.getProperty()) + (order.isAscending() ? " asc" : " desc"))
                .collect(Collectors.toCollection(ArrayList::new));
        orders.add(id + " desc");
        return " order by " + String.join(", ", orders);
    }

    private static final String SELECT = """
            select a.id, a.fiscal_year, a.kecamatan_code, c.name as kecamatan_name, k.code as kabupaten_kota_code,
                   k.name as kabupaten_kota_name, a.opd_code, o.name as opd_name, a.programme_code,
                   p.name as programme_name, p.pillar, a.mechanism, a.desa_code, d.name as desa_name, a.title,
                   a.amount, a.planned_month, a.status, a.disbursed, a.realised, a.cancel_reason, a.created_at,
                   a.created_by, a.updated_at, a.updated_by, a.version
            from allocation a
            join kecamatan c on c.code = a.kecamatan_code
            join kabupaten_kota k on k.code = c.kabupaten_kota_code
            join opd o on o.code = a.opd_code
            join programme p on p.code = a.programme_code
            left join desa d on d.code = a.desa_code
            """;

    private static final RowMapper<AllocationView> ROW = (rs, n) -> new AllocationView(rs.getLong("id"),
            rs.getInt("fiscal_year"), rs.getString("kecamatan_code"), rs.getString("kecamatan_name"),
            rs.getString("kabupaten_kota_code"), rs.getString("kabupaten_kota_name"), rs.getString("opd_code"),
            rs.getString("opd_name"), rs.getString("programme_code"), rs.getString("programme_name"),
            Pillar.valueOf(rs.getString("pillar")), Mechanism.valueOf(rs.getString("mechanism")),
            rs.getString("desa_code"), rs.getString("desa_name"), rs.getString("title"), rs.getBigDecimal("amount"),
            rs.getInt("planned_month"), AllocationStatus.valueOf(rs.getString("status")),
            rs.getBigDecimal("disbursed"), rs.getBigDecimal("realised"), rs.getString("cancel_reason"),
            rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
            rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by"), rs.getLong("version"));
}
