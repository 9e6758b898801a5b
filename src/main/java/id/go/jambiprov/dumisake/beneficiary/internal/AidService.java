package id.go.jambiprov.dumisake.beneficiary.internal;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.account.OpdScope;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.beneficiary.AidView;
import id.go.jambiprov.dumisake.beneficiary.domain.AidEligibility;
import id.go.jambiprov.dumisake.programme.ProgrammeService;
import id.go.jambiprov.dumisake.programme.ProgrammeView;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import id.go.jambiprov.dumisake.shared.StaleVersionException;
import id.go.jambiprov.dumisake.shared.TooManyRequestsException;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Recording and cancelling aid. Whether a person may receive it is {@link AidEligibility}'s to say, as for
 * the import; this service gathers the facts, locks the allocation and writes.
 */
@Service
@Transactional
public class AidService {

    private final NamedParameterJdbcTemplate jdbc;
    private final Allocations allocations;
    private final ProgrammeService programmes;
    private final BeneficiaryQueries people;
    private final AidQueries aid;
    private final AuditTrail audit;
    private final NikSearchLimit searchLimit;

    AidService(NamedParameterJdbcTemplate jdbc, Allocations allocations, ProgrammeService programmes,
               BeneficiaryQueries people, AidQueries aid, AuditTrail audit, NikSearchLimit searchLimit) {
        this.jdbc = jdbc;
        this.allocations = allocations;
        this.programmes = programmes;
        this.people = people;
        this.aid = aid;
        this.audit = audit;
        this.searchLimit = searchLimit;
    }

    /**
     * Records aid under a {@code BELANJA_OPD} allocation of the operator's OPD. The allocation row is locked
     * first, so that Σ aid ≤ allocation holds for concurrent writers; the unique index on (NIK, programme,
     * year) refuses a double receipt even when two operators record one person under two allocations.
     * <p>
     * A refusal after the person was looked up tells whether the NIK is registered, as a NIK search does: an
     * unknown NIK, or a refusal for a person the operator's OPD may not see, counts and is audited as one
     * ({@link BeneficiaryService#checkNik}); that is why refusals commit. Only such a refusal can run into the
     * limit: recorded aid is never refused by it (it is audited by itself, and an operator entering a stack of
     * forms must not be stopped by searches made earlier), nor is a refusal about the OPD's own people.
     */
    @PreAuthorize("hasRole('OPD_OPERATOR')")
    @Transactional(noRollbackFor = {BusinessRuleException.class, TooManyRequestsException.class})
    public RecordedAid recordAid(long allocationId, NewAid request) {
        AllocationView allocation = allocations.lockForSpending(allocationId);
        ProgrammeView programme = programmes.get(allocation.programmeCode());
        AidEligibility.Allocation facts = facts(allocation, programme.maxWelfareDecile());
        Optional<AidEligibility.Refusal> notHere = AidEligibility.allocationRefusal(facts)
                .or(() -> AidEligibility.dateRefusal(facts, request.date()));
        if (notHere.isPresent()) {
            throw refused(notHere.get(), allocation, programme);
        }
        String typed = request.nik() == null ? "" : request.nik().strip();
        if (!typed.matches("[0-9]{16}")) {
            throw unknownBeneficiary();
        }
        String maskedNik = Nik.mask(typed);
        BeneficiaryView person = people.byNik(typed).orElse(null);
        if (person == null) {
            searchLimit.admit(maskedNik);
            searchLimit.searched(maskedNik, null);
            throw unknownBeneficiary();
        }
        BigDecimal room = allocation.amount().subtract(aid.aided(allocationId));
        var recipient = new AidEligibility.Recipient(person.kecamatanCode(), person.welfareDecile(),
                aid.hasAid(person.id(), allocation.programmeCode(), allocation.year()), request.amount(), room);
        List<AidEligibility.Refusal> refusals = AidEligibility.recipientRefusals(facts, recipient);
        if (!refusals.isEmpty()) {
            if (!BeneficiaryService.ownOpd(person)) {
                searchLimit.admit(maskedNik);
                searchLimit.searched(maskedNik, person.id());
            }
            throw refused(refusals.get(0), allocation, programme);
        }
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.update("""
                            insert into aid (beneficiary_id, nik, allocation_id, programme_code, fiscal_year, opd_code,
                                             amount, description, aid_date, created_by)
                            values (:beneficiary, :nik, :allocation, :programme, :year, :opd, :amount, :description,
                                    :date, :by)""",
                    new MapSqlParameterSource("beneficiary", person.id()).addValue("nik", typed)
                            .addValue("allocation", allocationId).addValue("programme", allocation.programmeCode())
                            .addValue("year", allocation.year()).addValue("opd", allocation.opdCode())
                            .addValue("amount", request.amount())
                            .addValue("description", BeneficiaryService.blankToNull(request.description()))
                            .addValue("date", request.date()).addValue("by", CurrentUser.username()),
                    keys, new String[]{"id"});
        } catch (DuplicateKeyException e) {
            // another operator recorded this person under the same programme a moment ago; the failed insert
            // aborted the transaction, which must roll back although refusals commit
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            throw refused(AidEligibility.Refusal.of(AidEligibility.Reason.DOUBLE_RECEIPT), allocation, programme);
        }
        long id = keys.getKey().longValue();
        AidView recorded = aid.aid(id);
        audit.record("AID_RECORDED", "Aid", id, null, state(recorded));
        return new RecordedAid(recorded,
                aid.otherProgrammes(person.id(), allocation.year(), allocation.programmeCode()));
    }

    /**
     * Cancels an aid record with a reason: it stops counting against the allocation, and the same NIK may
     * receive that programme's aid again in that year (the double-receipt index skips cancelled records).
     * For the operators of the OPD that recorded it and for admins; another OPD's operator gets "not found".
     * The allocation row is locked first, as recording aid does, so that a cancel and a new record on the
     * freed room follow one another; a closed fiscal year refuses it, as it refuses every change.
     *
     * @param expectedVersion the version the caller saw, or null to cancel whatever the current one is
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'OPD_OPERATOR')")
    public AidView cancelAid(long aidId, String reason, Long expectedVersion) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new BusinessRuleException("CANCEL_REASON_REQUIRED", "aid.cancelReasonRequired");
        }
        if (why.length() > 500) {
            throw new BusinessRuleException("CANCEL_REASON_TOO_LONG", "aid.cancelReasonTooLong", 500);
        }
        MapSqlParameterSource params = new MapSqlParameterSource("id", aidId);
        Long allocationId = jdbc.query("select allocation_id from aid where id = :id"
                        + OpdScope.sql("opd_code", params), params, (rs, n) -> rs.getLong(1))
                .stream().findFirst().orElseThrow(() -> new NotFoundException("aid.notFound", aidId));
        // lock order allocation → aid, as when recording; refuses a closed year
        allocations.lockForSpending(allocationId);
        Map<String, Object> current = jdbc.queryForMap("select status, version from aid where id = :id for update",
                params);
        if ("CANCELLED".equals(current.get("status"))) {
            throw new BusinessRuleException("AID_ALREADY_CANCELLED", "aid.alreadyCancelled");
        }
        if (expectedVersion != null && expectedVersion != ((Number) current.get("version")).longValue()) {
            throw new StaleVersionException("Aid", aidId);
        }
        AidView before = aid.aid(aidId);
        jdbc.update("""
                        update aid set status = 'CANCELLED', cancel_reason = :reason, cancelled_at = now(),
                               cancelled_by = :by, version = version + 1
                        where id = :id""",
                params.addValue("reason", why).addValue("by", CurrentUser.username()));
        AidView after = aid.aid(aidId);
        Map<String, Object> state = state(after);
        state.put("status", after.status());
        state.put("cancelReason", after.cancelReason());
        Map<String, Object> was = state(before);
        was.put("status", before.status());
        audit.record("AID_CANCELLED", "Aid", aidId, was, state);
        return after;
    }

    /** Whether the caller may cancel this aid record: an active one, of their OPD (any OPD for admins). */
    public boolean mayCancel(AidView aid) {
        if (aid.cancelled()) {
            return false;
        }
        String scope = CurrentUser.opdScope();
        if (scope != null) {
            return scope.equals(aid.opdCode());
        }
        return BeneficiaryService.admin();
    }

    /** The ids of the aid records the caller may cancel, for the buttons of an aid table. */
    public Set<Long> cancellable(List<AidView> aid) {
        return aid.stream().filter(this::mayCancel).map(AidView::id).collect(Collectors.toSet());
    }

    /** Whether the caller may record aid under this allocation: an operator of its OPD, if it gives aid at all. */
    public boolean mayRecord(AllocationView allocation) {
        return allocation.opdCode().equals(CurrentUser.opdScope())
                && AidEligibility.allocationRefusal(facts(allocation, null)).isEmpty();
    }

    /** The allocation as {@link AidEligibility} sees it, with its programme's decile limit. */
    static AidEligibility.Allocation facts(AllocationView allocation, Integer maxWelfareDecile) {
        return new AidEligibility.Allocation(allocation.active(), allocation.mechanism(), allocation.year(),
                allocation.kecamatanCode(), maxWelfareDecile);
    }

    /** A refusal of the policy as the single record reports it, with the codes and arguments of the API. */
    private static BusinessRuleException refused(AidEligibility.Refusal refusal, AllocationView allocation,
                                                 ProgrammeView programme) {
        return switch (refusal.reason()) {
            case ALLOCATION_CANCELLED -> new BusinessRuleException("ALLOCATION_CANCELLED", "allocation.cancelled");
            case NOT_DIRECT_AID -> new BusinessRuleException("AID_MECHANISM", "aid.mechanism");
            case DATE_OUTSIDE_YEAR -> new BusinessRuleException("AID_DATE_OUTSIDE_YEAR", "aid.dateOutsideYear",
                    allocation.year());
            // without the person's desa: the operator may not be one who may see where they live
            case OUTSIDE_KECAMATAN -> new BusinessRuleException("DESA_OUTSIDE_KECAMATAN",
                    "aid.personOutsideKecamatan", allocation.kecamatanName());
            case DECILE_NOT_ELIGIBLE -> new BusinessRuleException("DECILE_NOT_ELIGIBLE", "aid.decileNotEligible",
                    programme.name(), refusal.maxWelfareDecile()).with("maxWelfareDecile", refusal.maxWelfareDecile());
            case DOUBLE_RECEIPT -> new BusinessRuleException("DOUBLE_RECEIPT", "aid.doubleReceipt", programme.name(),
                    allocation.year());
            case ALLOCATION_EXCEEDED -> new BusinessRuleException("ALLOCATION_EXCEEDED", "aid.allocationExceeded",
                    Rupiah.format(refusal.remaining())).with("remaining", refusal.remaining());
        };
    }

    private static BusinessRuleException unknownBeneficiary() {
        return new BusinessRuleException("BENEFICIARY_UNKNOWN", "aid.beneficiaryUnknown");
    }

    private static Map<String, Object> state(AidView a) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("beneficiaryId", a.beneficiaryId());
        state.put("nik", a.maskedNik());
        state.put("allocationId", a.allocationId());
        state.put("programme", a.programmeCode());
        state.put("year", a.year());
        state.put("amount", a.amount());
        state.put("description", a.description());
        state.put("date", a.date().toString());
        return state;
    }
}
