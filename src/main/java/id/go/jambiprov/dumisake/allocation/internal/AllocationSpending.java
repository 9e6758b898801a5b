package id.go.jambiprov.dumisake.allocation.internal;

import id.go.jambiprov.dumisake.allocation.domain.Allocation;
import id.go.jambiprov.dumisake.allocation.domain.AllocationRepository;
import id.go.jambiprov.dumisake.allocation.domain.Envelope;
import id.go.jambiprov.dumisake.allocation.domain.Envelopes;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;

/**
 * Moves an allocation's disbursed and realised money, and its envelope's realised money, as a disbursement
 * changed them. The caller holds the locks already ({@link AllocationService#lockForSpending}, with the envelope
 * first when the realisation moves), so taking them again here waits for nothing and the one lock order
 * envelope → allocation stays the caller's.
 * The totals get their own UPDATE, so that a disbursement leaves the allocation's version (an admin's open
 * revision form) alone; the CHECKs of V4 stay the safety net under {@link Allocation#recordSpending}.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class AllocationSpending {

    private final AllocationRepository allocations;
    private final Envelopes envelopes;
    private final NamedParameterJdbcTemplate jdbc;

    AllocationSpending(AllocationRepository allocations, Envelopes envelopes, NamedParameterJdbcTemplate jdbc) {
        this.allocations = allocations;
        this.envelopes = envelopes;
        this.jdbc = jdbc;
    }

    public void record(long allocationId, BigDecimal disbursedChange, BigDecimal realisedChange) {
        if (disbursedChange.signum() == 0 && realisedChange.signum() == 0) {
            return;
        }
        Allocation allocation = allocations.lockById(allocationId)
                .orElseThrow(() -> new NotFoundException("allocation.notFound", allocationId));
        Envelope envelope = realisedChange.signum() == 0 ? null
                : envelopes.lock(allocation.getFiscalYear(), allocation.getKecamatanCode());
        allocation.recordSpending(disbursedChange, realisedChange);
        jdbc.update("update allocation set disbursed = :disbursed, realised = :realised where id = :id",
                new MapSqlParameterSource("disbursed", allocation.getDisbursed())
                        .addValue("realised", allocation.getRealised()).addValue("id", allocationId));
        if (envelope != null) {
            envelope.realise(realisedChange);
            envelopes.saveRealised(envelope);
        }
    }
}
