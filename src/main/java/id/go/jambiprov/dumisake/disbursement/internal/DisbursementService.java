package id.go.jambiprov.dumisake.disbursement.internal;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.disbursement.DisbursementRejected;
import id.go.jambiprov.dumisake.disbursement.DisbursementStatus;
import id.go.jambiprov.dumisake.disbursement.DisbursementSubmitted;
import id.go.jambiprov.dumisake.disbursement.DisbursementView;
import id.go.jambiprov.dumisake.disbursement.domain.Disbursement;
import id.go.jambiprov.dumisake.disbursement.domain.DisbursementRepository;
import id.go.jambiprov.dumisake.disbursement.domain.DisbursementRules;
import id.go.jambiprov.dumisake.disbursement.domain.EvidenceType;
import id.go.jambiprov.dumisake.progress.ProgressReports;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import id.go.jambiprov.dumisake.shared.StaleVersionException;
import id.go.jambiprov.dumisake.shared.UploadedFileName;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Recording, submitting and deciding disbursements (the reads are {@link DisbursementQueries}'). Operators work
 * on their own OPD's allocations only (anything else is "not found"); admins decide, never on what they
 * submitted themselves. Writers lock in one order — envelope, allocation, disbursement — and tell the
 * allocation what each change moved ({@link Allocations#recordSpending}). A submit and a rejection are announced
 * as events, in the same transaction.
 */
@Service
@Transactional
public class DisbursementService {

    private static final String ENTITY = "Disbursement";

    private final DisbursementRepository disbursements;
    private final DisbursementQueries queries;
    private final Allocations allocations;
    private final NamedParameterJdbcTemplate jdbc;
    private final ProgressReports progress;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DisbursementService(DisbursementRepository disbursements, DisbursementQueries queries, Allocations allocations,
                        ProgressReports progress, NamedParameterJdbcTemplate jdbc, AuditTrail audit, Clock clock,
                        ApplicationEventPublisher events) {
        this.disbursements = disbursements;
        this.queries = queries;
        this.allocations = allocations;
        this.progress = progress;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    @PreAuthorize("hasRole('OPD_OPERATOR')")
    public DisbursementView create(long allocationId, NewDisbursement request, EvidenceFile evidence) {
        AllocationView allocation = allocations.lockForSpending(allocationId);
        // checked under the allocation lock: a retry arriving while the first request runs waits for it here
        if (request.requestKey() != null) {
            var earlier = disbursements.findByRequestKey(request.requestKey());
            if (earlier.isPresent()) {
                return queries.get(earlier.get().getId());
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
        DisbursementView created = queries.get(disbursement.getId());
        audit.record("DISBURSEMENT_CREATED", ENTITY, created.id(), null, state(created));
        return created;
    }

    /** Changes a DRAFT or REJECTED disbursement (a rejected one becomes a draft again). */
    @PreAuthorize("hasRole('OPD_OPERATOR')")
    public DisbursementView edit(long id, NewDisbursement changes, EvidenceFile evidence, long expectedVersion) {
        DisbursementView before = queries.get(id);
        AllocationView allocation = allocations.lockForSpending(before.allocationId());
        Disbursement disbursement = locked(id, expectedVersion);
        DisbursementRules.requireSp2dDate(changes.sp2dDate(), allocation.year(), LocalDate.now(clock));
        requireUniqueSp2d(allocation.year(), changes.sp2dNumber(), id);
        // only a draft or a rejected one is edited, and it comes out a draft: its whole new amount counts, and
        // nothing of it is realised
        disbursement.requireEditable();
        allocations.recordSpending(allocation.id(), changes.amount().subtract(disbursement.counted()),
                BigDecimal.ZERO);
        StoredEvidence stored = evidence != null && evidence.present() ? checked(evidence) : null;
        disbursement.edit(changes.tranche(), changes.amount(), changes.sp2dNumber(), changes.sp2dDate(),
                changes.remark(), CurrentUser.username());
        disbursements.flush();
        if (stored != null) {
            jdbc.update("delete from disbursement_evidence where disbursement_id = :id", new MapSqlParameterSource("id", id));
            storeEvidence(id, stored);
        }
        DisbursementView after = queries.get(id);
        audit.record("DISBURSEMENT_EDITED", ENTITY, id, state(before), state(after));
        return after;
    }

    /**
     * Sends a draft for verification; submitting what is already submitted changes nothing. Tranche 2 and later
     * wait for the progress the programme asks of the allocation's latest report (PROGRESS_TOO_LOW).
     */
    @PreAuthorize("hasRole('OPD_OPERATOR')")
    public DisbursementView submit(long id) {
        DisbursementView before = queries.get(id);
        if (before.status() == DisbursementStatus.SUBMITTED) {
            return before;
        }
        allocations.lockForSpending(before.allocationId());
        Disbursement disbursement = locked(id, null);
        progress.requireProgressForTranche(before.allocationId(), disbursement.getTranche());
        changeStatus(disbursement, d -> d.submit(CurrentUser.username()));
        DisbursementView after = decided("DISBURSEMENT_SUBMITTED", before);
        events.publishEvent(new DisbursementSubmitted(after.id(), after.allocationId(), after.allocationTitle(),
                after.opdCode(), after.kecamatanName(), after.tranche(), after.amount(), after.submittedBy(),
                after.version()));
        return after;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public DisbursementView verify(long id) {
        DisbursementView before = queries.get(id);
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
        DisbursementView before = queries.get(id);
        allocations.lockForRealising(before.allocationId());
        Disbursement disbursement = locked(id, null);
        changeStatus(disbursement, d -> d.reject(reason, CurrentUser.username()));
        DisbursementView after = decided("DISBURSEMENT_REJECTED", before);
        events.publishEvent(new DisbursementRejected(after.id(), after.allocationId(), after.allocationTitle(),
                after.opdCode(), after.kecamatanName(), after.tranche(), after.rejectReason(), after.decidedBy(),
                after.version()));
        return after;
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
        DisbursementView after = queries.get(before.id());
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
}
