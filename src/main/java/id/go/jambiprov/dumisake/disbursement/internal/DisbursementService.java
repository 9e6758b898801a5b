package id.go.jambiprov.dumisake.disbursement.internal;

import id.go.jambiprov.dumisake.disbursement.DisbursementStatus;
import id.go.jambiprov.dumisake.disbursement.DisbursementView;
import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.account.OpdScope;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.disbursement.domain.Disbursement;
import id.go.jambiprov.dumisake.disbursement.domain.DisbursementRepository;
import id.go.jambiprov.dumisake.disbursement.domain.DisbursementRules;
import id.go.jambiprov.dumisake.disbursement.domain.EvidenceType;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import id.go.jambiprov.dumisake.shared.StaleVersionException;
import id.go.jambiprov.dumisake.shared.UploadedFileName;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Recording, submitting and deciding disbursements. Operators work on their own OPD's allocations only
 * (anything else is "not found"); admins decide, never on what they submitted themselves. Writers lock in
 * one order — envelope, allocation, disbursement — and tell the allocation what each change moved
 * ({@link Allocations#recordSpending}).
 */
@Service
@Transactional
public class DisbursementService {

    private static final String ENTITY = "Disbursement";

    private final DisbursementRepository disbursements;
    private final Allocations allocations;
    private final NamedParameterJdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final JdbcTemplate streamingJdbc;

    private static final int STREAM_FETCH_SIZE = 1000;

    DisbursementService(DisbursementRepository disbursements, Allocations allocations,
                        NamedParameterJdbcTemplate jdbc, AuditTrail audit, Clock clock) {
        this.disbursements = disbursements;
        this.allocations = allocations;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        // PostgreSQL sends rows in batches only with a fetch size (inside a transaction)
        this.streamingJdbc = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
        this.streamingJdbc.setFetchSize(STREAM_FETCH_SIZE);
    }

    @PreAuthorize("hasRole('OPD_OPERATOR')")
    public DisbursementView create(long allocationId, NewDisbursement request, EvidenceFile evidence) {
        AllocationView allocation = allocations.lockForSpending(allocationId);
        // checked under the allocation lock: a retry arriving while the first request runs waits for it here
        if (request.requestKey() != null) {
            var earlier = disbursements.findByRequestKey(request.requestKey());
            if (earlier.isPresent()) {
                return get(earlier.get().getId());
            }
        }
        requireActive(allocation);
        DisbursementRules.requireSp2dDate(request.sp2dDate(), allocation.year(), LocalDate.now(clock));
        requireUniqueSp2d(allocation.year(), request.sp2dNumber(), -1);
        allocations.recordSpending(allocationId, request.amount(), BigDecimal.ZERO);
        StoredEvidence stored = evidence != null && evidence.present() ? checked(evidence) : null;
        Disbursement disbursement = disbursements.saveAndFlush(new Disbursement(allocationId, allocation.year(),
                request.tranche(), request.amount(), request.sp2dNumber(), request.sp2dDate(), request.remark(),
                request.requestKey(), CurrentUser.username()));
        if (stored != null) {
            storeEvidence(disbursement.getId(), stored);
        }
        DisbursementView created = get(disbursement.getId());
        audit.record("DISBURSEMENT_CREATED", ENTITY, created.id(), null, state(created));
        return created;
    }

    /** Changes a DRAFT or REJECTED disbursement (a rejected one becomes a draft again). */
    @PreAuthorize("hasRole('OPD_OPERATOR')")
    public DisbursementView edit(long id, NewDisbursement changes, EvidenceFile evidence, long expectedVersion) {
        DisbursementView before = get(id);
        AllocationView allocation = allocations.lockForSpending(before.allocationId());
        Disbursement disbursement = locked(id, expectedVersion);
        DisbursementRules.requireSp2dDate(changes.sp2dDate(), allocation.year(), LocalDate.now(clock));
        requireUniqueSp2d(allocation.year(), changes.sp2dNumber(), id);
        // an edited disbursement is a draft, which counts its whole amount and realises nothing
        disbursement.requireEditable();
        allocations.recordSpending(allocation.id(), changes.amount().subtract(disbursement.counted()), BigDecimal.ZERO);
        StoredEvidence stored = evidence != null && evidence.present() ? checked(evidence) : null;
        disbursement.edit(changes.tranche(), changes.amount(), changes.sp2dNumber(), changes.sp2dDate(),
                changes.remark(), CurrentUser.username());
        disbursements.flush();
        if (stored != null) {
            jdbc.update("delete from disbursement_evidence where disbursement_id = :id", new MapSqlParameterSource("id", id));
            storeEvidence(id, stored);
        }
        DisbursementView after = get(id);
        audit.record("DISBURSEMENT_EDITED", ENTITY, id, state(before), state(after));
        return after;
    }

    /** Sends a draft for verification; submitting what is already submitted changes nothing. */
    @PreAuthorize("hasRole('OPD_OPERATOR')")
    public DisbursementView submit(long id) {
        DisbursementView before = get(id);
        if (before.status() == DisbursementStatus.SUBMITTED) {
            return before;
        }
        allocations.lockForSpending(before.allocationId());
        Disbursement disbursement = locked(id, null);
        changeStatus(disbursement, d -> d.submit(CurrentUser.username()));
        return decided("DISBURSEMENT_SUBMITTED", before);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public DisbursementView verify(long id) {
        DisbursementView before = get(id);
        allocations.lockForRealising(before.allocationId());
        Disbursement disbursement = locked(id, null);
        changeStatus(disbursement, d -> d.verify(CurrentUser.username()));
        return decided("DISBURSEMENT_VERIFIED", before);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public DisbursementView reject(long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleException("REASON_REQUIRED", "disbursement.reasonRequired");
        }
        DisbursementView before = get(id);
        allocations.lockForRealising(before.allocationId());
        Disbursement disbursement = locked(id, null);
        changeStatus(disbursement, d -> d.reject(reason, CurrentUser.username()));
        return decided("DISBURSEMENT_REJECTED", before);
    }

    /** The disbursement, if the caller may see it: one of another OPD is "not found" for an operator. */
    @Transactional(readOnly = true)
    public DisbursementView get(long id) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", id);
        return jdbc.query(SELECT + " where d.id = :id" + OpdScope.sql("a.opd_code", params), params, ROW).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("disbursement.notFound", id));
    }

    @Transactional(readOnly = true)
    public List<DisbursementView> ofAllocation(long allocationId) {
        allocations.get(allocationId);
        MapSqlParameterSource params = new MapSqlParameterSource("allocation", allocationId);
        return jdbc.query(SELECT + " where d.allocation_id = :allocation" + OpdScope.sql("a.opd_code", params)
                + " order by d.tranche, d.id", params, ROW);
    }

    @Transactional(readOnly = true)
    public StoredEvidence evidence(long id) {
        get(id);
        return jdbc.query("select file_name, content_type, content from disbursement_evidence where disbursement_id = :id",
                        new MapSqlParameterSource("id", id),
                        (rs, n) -> new StoredEvidence(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .stream().findFirst().orElseThrow(() -> new NotFoundException("disbursement.evidenceNotFound", id));
    }

    /** Submitted disbursements waiting for an admin, oldest first. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Page<DisbursementView> queue(QueueFilter filter, Pageable pageable) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder where = new StringBuilder(" where d.status = 'SUBMITTED'");
        if (filter.opdCode() != null && !filter.opdCode().isBlank()) {
            where.append(" and a.opd_code = :opd");
            params.addValue("opd", filter.opdCode());
        }
        if (filter.kabupatenKotaCode() != null && !filter.kabupatenKotaCode().isBlank()) {
            where.append(" and c.kabupaten_kota_code = :kabupatenKota");
            params.addValue("kabupatenKota", filter.kabupatenKotaCode());
        }
        long total = jdbc.queryForObject("""
                select count(*) from disbursement d join allocation a on a.id = d.allocation_id
                join kecamatan c on c.code = a.kecamatan_code""" + where, params, Long.class);
        params.addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
        List<DisbursementView> rows = jdbc.query(SELECT + where + " order by d.submitted_at, d.id limit :limit offset :offset",
                params, ROW);
        return new PageImpl<>(rows, pageable, total);
    }

    /**
     * The disbursements of a year (optionally of one OPD or one status) in the caller's scope, handed to
     * {@code each} one at a time as the database sends them: exports of 100,000 rows never hold the list.
     */
    @Transactional(readOnly = true)
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
        new NamedParameterJdbcTemplate(streamingJdbc).query(SELECT + where + OpdScope.sql("a.opd_code", params)
                        + " order by a.opd_code, a.kecamatan_code, d.allocation_id, d.tranche, d.id", params,
                (RowCallbackHandler) rs -> each.accept(ROW.mapRow(rs, 0)));
    }

    /** The allocations an operator disburses from, with their money by status; admins and experts see all. */
    @Transactional(readOnly = true)
    public Page<WorkListRow> workList(WorkListFilter filter, Pageable pageable) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder where = new StringBuilder(" where a.status = 'ACTIVE'");
        if (filter.year() != null) {
            where.append(" and a.fiscal_year = :year");
            params.addValue("year", filter.year());
        }
        if (filter.opdCode() != null && !filter.opdCode().isBlank()) {
            where.append(" and a.opd_code = :opd");
            params.addValue("opd", filter.opdCode());
        }
        if (filter.kecamatanCode() != null && !filter.kecamatanCode().isBlank()) {
            where.append(" and a.kecamatan_code = :kecamatan");
            params.addValue("kecamatan", filter.kecamatanCode());
        }
        if (filter.status() != null) {
            where.append(" and exists (select 1 from disbursement x where x.allocation_id = a.id and x.status = :status)");
            params.addValue("status", filter.status().name());
        }
        where.append(OpdScope.sql("a.opd_code", params));
        String from = """
                 from allocation a
                 join kecamatan c on c.code = a.kecamatan_code
                 join kabupaten_kota k on k.code = c.kabupaten_kota_code
                 join programme p on p.code = a.programme_code""";
        long total = jdbc.queryForObject("select count(*) " + from + where, params, Long.class);
        params.addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
        List<WorkListRow> rows = jdbc.query("""
                        select a.id, a.fiscal_year, a.opd_code, c.name as kecamatan_name, k.name as kabupaten_kota_name,
                               p.name as programme_name, a.title, a.amount,
                               coalesce(sum(d.amount) filter (where d.status = 'DRAFT'), 0) as draft,
                               coalesce(sum(d.amount) filter (where d.status = 'SUBMITTED'), 0) as submitted,
                               coalesce(sum(d.amount) filter (where d.status = 'VERIFIED'), 0) as verified,
                               coalesce(sum(d.amount) filter (where d.status = 'REJECTED'), 0) as rejected,
                               count(d.id) as disbursements
                        """ + from + " left join disbursement d on d.allocation_id = a.id" + where
                        + " group by a.id, c.name, k.name, p.name"
                        + " order by a.fiscal_year desc, c.name, a.id limit :limit offset :offset", params,
                (rs, n) -> new WorkListRow(rs.getLong("id"), rs.getInt("fiscal_year"), rs.getString("opd_code"),
                        rs.getString("kecamatan_name"), rs.getString("kabupaten_kota_name"),
                        rs.getString("programme_name"), rs.getString("title"), rs.getBigDecimal("amount"),
                        rs.getBigDecimal("draft"), rs.getBigDecimal("submitted"), rs.getBigDecimal("verified"),
                        rs.getBigDecimal("rejected"), rs.getLong("disbursements")));
        return new PageImpl<>(rows, pageable, total);
    }

    /**
     * Changes the status and tells the allocation what that moved, as counted money (everything but rejected)
     * and realised money (verified).
     */
    private void changeStatus(Disbursement disbursement, Consumer<Disbursement> change) {
        BigDecimal counted = disbursement.counted();
        BigDecimal realised = disbursement.realisedAmount();
        change.accept(disbursement);
        allocations.recordSpending(disbursement.getAllocationId(), disbursement.counted().subtract(counted),
                disbursement.realisedAmount().subtract(realised));
    }

    private DisbursementView decided(String action, DisbursementView before) {
        disbursements.flush();
        DisbursementView after = get(before.id());
        audit.record(action, ENTITY, before.id(), state(before), state(after));
        return after;
    }

    private Disbursement locked(long id, Long expectedVersion) {
        Disbursement disbursement = disbursements.lockById(id)
                .orElseThrow(() -> new NotFoundException("disbursement.notFound", id));
        if (expectedVersion != null && disbursement.getVersion() != expectedVersion) {
            throw new StaleVersionException(ENTITY, id);
        }
        return disbursement;
    }

    /**
     * Two requests with one SP2D number on different allocations hold different allocation locks, so the
     * number itself is locked (until the transaction ends) before it is looked up.
     */
    private void requireUniqueSp2d(int year, String sp2dNumber, long exceptId) {
        jdbc.query("select pg_advisory_xact_lock(:year, hashtext(lower(:sp2d)))",
                new MapSqlParameterSource("year", year).addValue("sp2d", sp2dNumber.strip()), rs -> null);
        if (disbursements.existsByFiscalYearAndSp2dNumberIgnoreCaseAndIdNot(year, sp2dNumber.strip(), exceptId)) {
            throw new BusinessRuleException("SP2D_DUPLICATE", "disbursement.sp2dDuplicate", sp2dNumber.strip(), year);
        }
    }

    private static void requireActive(AllocationView allocation) {
        if (!allocation.active()) {
            throw new BusinessRuleException("ALLOCATION_CANCELLED", "allocation.cancelled");
        }
    }

    private static StoredEvidence checked(EvidenceFile file) {
        if (file.content().length > EvidenceType.MAX_BYTES) {
            throw new BusinessRuleException("EVIDENCE_TOO_LARGE", "disbursement.evidenceTooLarge");
        }
        EvidenceType type = EvidenceType.detect(file.content())
                .orElseThrow(() -> new BusinessRuleException("EVIDENCE_TYPE", "disbursement.evidenceType"));
        return new StoredEvidence(UploadedFileName.of(file.fileName(), "bukti"), type.contentType(), file.content());
    }

    private void storeEvidence(long id, StoredEvidence evidence) {
        jdbc.update("""
                        insert into disbursement_evidence (disbursement_id, file_name, content_type, size_bytes, content,
                                                           uploaded_by)
                        values (:id, :name, :type, :size, :content, :by)""",
                new MapSqlParameterSource("id", id).addValue("name", evidence.fileName())
                        .addValue("type", evidence.contentType()).addValue("size", evidence.content().length)
                        .addValue("content", evidence.content()).addValue("by", CurrentUser.username()));
    }

    private static Map<String, Object> state(DisbursementView d) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("allocationId", d.allocationId());
        state.put("tranche", d.tranche());
        state.put("amount", d.amount());
        state.put("sp2dNumber", d.sp2dNumber());
        state.put("sp2dDate", d.sp2dDate().toString());
        state.put("remark", d.remark());
        state.put("status", d.status());
        state.put("rejectReason", d.rejectReason());
        state.put("evidence", d.evidenceName());
        state.put("version", d.version());
        return state;
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
