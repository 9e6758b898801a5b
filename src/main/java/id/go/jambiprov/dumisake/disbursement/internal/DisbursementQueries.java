package id.go.jambiprov.dumisake.disbursement.internal;

import id.go.jambiprov.dumisake.account.OpdScope;
import id.go.jambiprov.dumisake.allocation.AllocationFilter;
import id.go.jambiprov.dumisake.allocation.AllocationStatus;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.disbursement.DisbursementStatus;
import id.go.jambiprov.dumisake.disbursement.DisbursementView;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import id.go.jambiprov.dumisake.shared.ListCount;
import id.go.jambiprov.dumisake.shared.ListPage;
import id.go.jambiprov.dumisake.shared.Pageables;
import id.go.jambiprov.dumisake.shared.db.StreamingJdbc;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The disbursement read models, in SQL: one disbursement, an allocation's, the admin's verification queue,
 * the operator's work list and the streamed exports. An operator sees their own OPD's only (anything else is
 * "not found" or absent); the changes are {@link DisbursementService}'s.
 */
@Service
@Transactional(readOnly = true)
public class DisbursementQueries {

    private static final int STREAM_FETCH_SIZE = 1000;

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streamingJdbc;
    private final Allocations allocations;
    private final ListCount count;

    DisbursementQueries(NamedParameterJdbcTemplate jdbc, Allocations allocations, ListCount count) {
        this.jdbc = jdbc;
        this.allocations = allocations;
        this.count = count;
        this.streamingJdbc = StreamingJdbc.of(jdbc, STREAM_FETCH_SIZE);
    }

    /** The disbursement, if the caller may see it: one of another OPD is "not found" for an operator. */
    public DisbursementView get(long id) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", id);
        return jdbc.query(SELECT + " where d.id = :id" + OpdScope.sql("a.opd_code", params), params, ROW).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("disbursement.notFound", id));
    }

    public List<DisbursementView> ofAllocation(long allocationId) {
        allocations.get(allocationId);
        MapSqlParameterSource params = new MapSqlParameterSource("allocation", allocationId);
        return jdbc.query(SELECT + " where d.allocation_id = :allocation" + OpdScope.sql("a.opd_code", params)
                + " order by d.tranche, d.id", params, ROW);
    }

    public StoredEvidence evidence(long id) {
        get(id);
        return jdbc.query("select file_name, content_type, content from disbursement_evidence where disbursement_id = :id",
                        new MapSqlParameterSource("id", id),
                        (rs, n) -> new StoredEvidence(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .stream().findFirst().orElseThrow(() -> new NotFoundException("disbursement.evidenceNotFound", id));
    }

    /** Submitted disbursements waiting for an admin, oldest first. */
    @PreAuthorize("hasRole('ADMIN')")
    public ListPage<DisbursementView> queue(QueueFilter filter, Pageable pageable) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder where = new StringBuilder(" where d.status = 'SUBMITTED'");
        // the count joins only what the filter needs: without one it reads the queue's index alone
        StringBuilder countFrom = new StringBuilder(" from disbursement d");
        boolean byOpd = filter.opdCode() != null && !filter.opdCode().isBlank();
        boolean byKabupatenKota = filter.kabupatenKotaCode() != null && !filter.kabupatenKotaCode().isBlank();
        if (byOpd || byKabupatenKota) {
            countFrom.append(" join allocation a on a.id = d.allocation_id");
        }
        if (byOpd) {
            where.append(" and a.opd_code = :opd");
            params.addValue("opd", filter.opdCode());
        }
        if (byKabupatenKota) {
            countFrom.append(" join kecamatan c on c.code = a.kecamatan_code");
            where.append(" and c.kabupaten_kota_code = :kabupatenKota");
            params.addValue("kabupatenKota", filter.kabupatenKotaCode());
        }
        ListCount.Rows total = count.of(countFrom + where.toString(), params);
        List<DisbursementView> rows = jdbc.query(SELECT + where + " order by d.submitted_at, d.id"
                + Pageables.limitOffset(pageable, 1), params, ROW);
        return new ListPage<>(rows, pageable, total);
    }

    /**
     * The disbursements of a year (optionally of one OPD or one status) in the caller's scope, handed to
     * {@code each} one at a time as the database sends them: exports of 100,000 rows never hold the list.
     */
    public void forEach(int year, String opdCode, DisbursementStatus status, Consumer<DisbursementView> each) {
        MapSqlParameterSource params = new MapSqlParameterSource("year", year);
        StringBuilder where = new StringBuilder(" where d.fiscal_year = :year");
        if (opdCode != null && !opdCode.isBlank()) {
            where.append(" and a.opd_code = :opd");
            params.addValue("opd", opdCode);
        }
        if (status != null) {
            where.append(" and d.status = :status");
            params.addValue("status", status.name());
        }
        streamingJdbc.query(SELECT + where + OpdScope.sql("a.opd_code", params)
                        + " order by a.opd_code, a.kecamatan_code, d.allocation_id, d.tranche, d.id", params,
                (RowCallbackHandler) rs -> each.accept(ROW.mapRow(rs, 0)));
    }

    /**
     * The allocations an operator disburses from, with their money by status; admins and experts see all. Their
     * number is the kept totals' count of active allocations. Filtered by a tranche status, they are the active
     * allocations with a tranche in it, found and counted from the tranche numbers kept per allocation
     * ({@code allocation_tranches}, V22_38: a column and a partial index per status, named for it), counted up to
     * {@link ListCount}'s limit and estimated beyond it.
     */
    // no transaction of its own, as AllocationQueries.rows: cheaper, and the same in READ COMMITTED
    @Transactional(propagation = Propagation.SUPPORTS)
    public ListPage<WorkListRow> workList(WorkListFilter filter, Pageable pageable) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String tranches = filter.status() == null ? null : filter.status().name().toLowerCase(Locale.ROOT);
        String where = " where a.status = 'ACTIVE'" + filters(filter, params);
        ListCount.Rows total;
        if (tranches == null) {
            // exact, from the totals the allocations keep: counting the year's allocations up to the limit was most
            // of PostgreSQL's work for each page
            total = new ListCount.Rows(allocations.totals(new AllocationFilter(filter.year(), null,
                    filter.kecamatanCode(), filter.opdCode(), null, null, AllocationStatus.ACTIVE)).allocations(), false);
        } else {
            where += " and exists (select 1 from allocation_tranches t where t.allocation_id = a.id and t." + tranches
                    + " > 0)";
            total = count.of(" from allocation_tranches a where a.active and a." + tranches + " > 0"
                    + filters(filter, params), params);
        }
        // the page's allocations first, then the money of their disbursements only: not of the year's
        List<WorkListRow> rows = jdbc.query("""
                        select x.id, x.fiscal_year, x.opd_code, x.kecamatan_name, k.name as kabupaten_kota_name,
                               p.name as programme_name, x.title, x.amount,
                               coalesce(m.draft, 0) as draft, coalesce(m.submitted, 0) as submitted,
                               coalesce(m.verified, 0) as verified, coalesce(m.rejected, 0) as rejected,
                               m.disbursements
                        from (select a.id, a.fiscal_year, a.opd_code, a.programme_code, a.title, a.amount,
                                     c.name as kecamatan_name, c.kabupaten_kota_code
                              from allocation a join kecamatan c on c.code = a.kecamatan_code""" + where
                        + " order by a.fiscal_year desc, c.name, a.id" + Pageables.limitOffset(pageable, 1) + """
                        ) x
                        join kabupaten_kota k on k.code = x.kabupaten_kota_code
                        join programme p on p.code = x.programme_code
                        cross join lateral (
                            select sum(d.amount) filter (where d.status = 'DRAFT') as draft,
                                   sum(d.amount) filter (where d.status = 'SUBMITTED') as submitted,
                                   sum(d.amount) filter (where d.status = 'VERIFIED') as verified,
                                   sum(d.amount) filter (where d.status = 'REJECTED') as rejected,
                                   count(*) as disbursements
                            from disbursement d where d.allocation_id = x.id) m
                        order by x.fiscal_year desc, x.kecamatan_name, x.id""", params,
                (rs, n) -> new WorkListRow(rs.getLong("id"), rs.getInt("fiscal_year"), rs.getString("opd_code"),
                        rs.getString("kecamatan_name"), rs.getString("kabupaten_kota_name"),
                        rs.getString("programme_name"), rs.getString("title"), rs.getBigDecimal("amount"),
                        rs.getBigDecimal("draft"), rs.getBigDecimal("submitted"), rs.getBigDecimal("verified"),
                        rs.getBigDecimal("rejected"), rs.getLong("disbursements")));
        return new ListPage<>(rows, pageable, total);
    }

    /**
     * The work list's filters on {@code a}: an allocation, or the tranche numbers kept for it, which carry its year,
     * OPD and kecamatan under the same names; the values go to {@code params}.
     */
    private static String filters(WorkListFilter filter, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder();
        if (filter.year() != null) {
            // written in, not bound: for a bound year PostgreSQL planned the rows anew on every request (0.75 ms,
            // more than running them), a plan kept for any year looking dearer than one for the given year; an
            // int carries no SQL, and the few years make a few kept statements
            where.append(" and a.fiscal_year = ").append(filter.year().intValue());
        }
        if (filter.opdCode() != null && !filter.opdCode().isBlank()) {
            where.append(" and a.opd_code = :opd");
            params.addValue("opd", filter.opdCode());
        }
        if (filter.kecamatanCode() != null && !filter.kecamatanCode().isBlank()) {
            where.append(" and a.kecamatan_code = :kecamatan");
            params.addValue("kecamatan", filter.kecamatanCode());
        }
        return where.append(OpdScope.sql("a.opd_code", params)).toString();
    }

    private static final String SELECT = """
            select d.id, d.allocation_id, a.title as allocation_title, d.fiscal_year, a.opd_code, o.name as opd_name,
                   a.kecamatan_code, c.name as kecamatan_name, k.code as kabupaten_kota_code,
                   k.name as kabupaten_kota_name, d.tranche, d.amount, d.sp2d_number, d.sp2d_date, d.remark, d.status,
                   d.reject_reason, d.created_at, d.created_by, d.submitted_at, d.submitted_by, d.decided_at,
                   d.decided_by, d.version, e.file_name, e.content_type, e.size_bytes
            from disbursement d
            join allocation a on a.id = d.allocation_id
            join opd o on o.code = a.opd_code
            join kecamatan c on c.code = a.kecamatan_code
            join kabupaten_kota k on k.code = c.kabupaten_kota_code
            left join disbursement_evidence e on e.disbursement_id = d.id
            """;

    private static final RowMapper<DisbursementView> ROW = (rs, n) -> new DisbursementView(rs.getLong("id"),
            rs.getLong("allocation_id"), rs.getString("allocation_title"), rs.getInt("fiscal_year"),
            rs.getString("opd_code"), rs.getString("opd_name"), rs.getString("kecamatan_code"),
            rs.getString("kecamatan_name"), rs.getString("kabupaten_kota_code"), rs.getString("kabupaten_kota_name"),
            rs.getInt("tranche"), rs.getBigDecimal("amount"), rs.getString("sp2d_number"),
            rs.getObject("sp2d_date", LocalDate.class), rs.getString("remark"),
            DisbursementStatus.valueOf(rs.getString("status")), rs.getString("reject_reason"),
            rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
            rs.getObject("submitted_at", OffsetDateTime.class), rs.getString("submitted_by"),
            rs.getObject("decided_at", OffsetDateTime.class), rs.getString("decided_by"), rs.getLong("version"),
            rs.getString("file_name"), rs.getString("content_type"), (Integer) rs.getObject("size_bytes"));
}
