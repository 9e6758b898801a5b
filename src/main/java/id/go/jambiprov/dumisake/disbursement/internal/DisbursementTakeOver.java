package id.go.jambiprov.dumisake.disbursement.internal;

import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.allocation.SpendingChange;
import id.go.jambiprov.dumisake.audit.AuditTrail;
import id.go.jambiprov.dumisake.disbursement.DisbursementStatus;
import id.go.jambiprov.dumisake.disbursement.PastDisbursement;
import id.go.jambiprov.dumisake.disbursement.domain.Disbursement;
import id.go.jambiprov.dumisake.disbursement.domain.DisbursementRules;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Disbursements decided before Dumisake was used, entered in one go with who submitted and decided them and when
 * (the demo data's two years of history come this way). Each passes the rules of one entered by hand — its
 * lifecycle and maker-checker ({@link Disbursement}), the SP2D date, room in its allocation, which the allocation
 * module is told as one change per allocation — and the database's guards; all or nothing. Written in batches:
 * a province's year is thousands of rows.
 */
@Service
@Transactional
public class DisbursementTakeOver {

    private static final String INSERT = """
            insert into disbursement (allocation_id, fiscal_year, tranche, amount, sp2d_number, sp2d_date, remark,
                                      status, reject_reason, created_at, created_by, updated_at, updated_by,
                                      submitted_at, submitted_by, decided_at, decided_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String ENTITY = "Disbursement";

    private final Allocations allocations;
    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    DisbursementTakeOver(Allocations allocations, JdbcTemplate jdbc, AuditTrail audit, Clock clock) {
        this.allocations = allocations;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The envelopes and then the allocations are locked, each in one order, so two take-overs at once wait for
     * each other; the allocations are told what moved in one batch.
     *
     * @return how many were taken over
     */
    @PreAuthorize("hasRole('ADMIN')")
    public int takeOver(List<PastDisbursement> past) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, List<PastDisbursement>> byAllocation = past.stream().collect(Collectors.groupingBy(
                PastDisbursement::allocationId, TreeMap::new, Collectors.toList()));
        Map<Long, AllocationView> locked = allocations.lockAllForRealising(byAllocation.keySet());
        List<PastDisbursement> rows = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        List<SpendingChange> spending = new ArrayList<>();
        byAllocation.forEach((allocationId, ofAllocation) -> {
            int year = locked.get(allocationId).year();
            BigDecimal counted = BigDecimal.ZERO;
            BigDecimal realised = BigDecimal.ZERO;
            for (PastDisbursement disbursement : ofAllocation) {
                Disbursement checked = checked(disbursement, year, today);
                counted = counted.add(checked.counted());
                realised = realised.add(checked.realisedAmount());
                rows.add(disbursement);
                years.add(year);
            }
            spending.add(new SpendingChange(allocationId, counted, realised));
        });
        allocations.recordSpending(spending);
        List<Long> ids = insert(rows, years);
        Map<Long, Map<String, Object>> states = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            states.put(ids.get(i), state(rows.get(i)));
        }
        audit.recordCreated("DISBURSEMENT_TAKEN_OVER", ENTITY, states);
        return rows.size();
    }

    /** Through the steps a disbursement entered by hand would take, so that it meets the same rules. */
    private static Disbursement checked(PastDisbursement past, int year, LocalDate today) {
        DisbursementRules.requireSp2dDate(past.sp2dDate(), year, today);
        Disbursement disbursement = new Disbursement(past.allocationId(), year, past.tranche(), past.amount(),
                past.sp2dNumber(), past.sp2dDate(), past.remark(), null, past.submittedBy());
        disbursement.submit(past.submittedBy());
        switch (past.status()) {
            case SUBMITTED -> { }
            case VERIFIED -> disbursement.verify(past.decidedBy());
            case REJECTED -> disbursement.reject(past.rejectReason(), past.decidedBy());
            default -> throw new BusinessRuleException("INVALID_TRANSITION", "disbursement.takeOverDraft");
        }
        return disbursement;
    }

    private List<Long> insert(List<PastDisbursement> rows, List<Integer> years) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(connection -> connection.prepareStatement(INSERT, new String[] {"id"}),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int i) throws SQLException {
                        PastDisbursement d = rows.get(i);
                        boolean decided = d.status() != DisbursementStatus.SUBMITTED;
                        Object[] values = {d.allocationId(), years.get(i), d.tranche(), d.amount(), d.sp2dNumber(),
                                d.sp2dDate(), d.remark(), d.status().name(), d.rejectReason(), d.submittedAt(),
                                d.submittedBy(), decided ? d.decidedAt() : d.submittedAt(),
                                decided ? d.decidedBy() : d.submittedBy(), d.submittedAt(), d.submittedBy(),
                                decided ? d.decidedAt() : null, decided ? d.decidedBy() : null};
                        for (int column = 0; column < values.length; column++) {
                            statement.setObject(column + 1, values[column]);
                        }
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                }, keys);
        return keys.getKeyList().stream().map(key -> ((Number) key.get("id")).longValue()).toList();
    }

    private static Map<String, Object> state(PastDisbursement d) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("allocationId", d.allocationId());
        state.put("tranche", d.tranche());
        state.put("amount", d.amount());
        state.put("sp2dNumber", d.sp2dNumber());
        state.put("sp2dDate", d.sp2dDate());
        state.put("status", d.status());
        state.put("submittedBy", d.submittedBy());
        state.put("decidedBy", d.decidedBy());
        state.put("rejectReason", d.rejectReason());
        return state;
    }
}
