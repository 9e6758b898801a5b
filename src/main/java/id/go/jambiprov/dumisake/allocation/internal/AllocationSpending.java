package id.go.jambiprov.dumisake.allocation.internal;

import id.go.jambiprov.dumisake.allocation.SpendingChange;
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

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

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

    /** All or nothing: one change past its allocation's amount refuses every change. */
    public void record(List<SpendingChange> changes) {
        List<SpendingChange> moving = changes.stream().filter(change -> change.disbursedChange().signum() != 0
                || change.realisedChange().signum() != 0).toList();
        if (moving.isEmpty()) {
            return;
        }
        Map<Long, Allocation> locked = new HashMap<>();
        allocations.lockAllById(moving.stream().map(SpendingChange::allocationId).collect(Collectors.toCollection(TreeSet::new)))
                .forEach(allocation -> locked.put(allocation.getId(), allocation));
        Map<String, Envelope> envelopesRealising = envelopesOf(moving, locked);
        for (SpendingChange change : moving) {
            Allocation allocation = locked.get(change.allocationId());
            allocation.recordSpending(change.disbursedChange(), change.realisedChange());
            if (change.realisedChange().signum() != 0) {
                envelopesRealising.get(key(allocation.getFiscalYear(), allocation.getKecamatanCode()))
                        .realise(change.realisedChange());
            }
        }
        jdbc.batchUpdate("update allocation set disbursed = :disbursed, realised = :realised where id = :id",
                locked.values().stream().map(allocation -> new MapSqlParameterSource("disbursed", allocation.getDisbursed())
                        .addValue("realised", allocation.getRealised()).addValue("id", allocation.getId()))
                        .toArray(MapSqlParameterSource[]::new));
        envelopes.saveRealised(envelopesRealising.values());
    }

    /** The envelopes whose realisation moves, locked year by year in code order (the callers hold them already). */
    private Map<String, Envelope> envelopesOf(List<SpendingChange> moving, Map<Long, Allocation> locked) {
        Map<Integer, Set<String>> codesByYear = new TreeMap<>();
        for (SpendingChange change : moving) {
            Allocation allocation = locked.get(change.allocationId());
            if (allocation == null) {
                throw new NotFoundException("allocation.notFound", change.allocationId());
            }
            if (change.realisedChange().signum() != 0) {
                codesByYear.computeIfAbsent(allocation.getFiscalYear(), year -> new TreeSet<>())
                        .add(allocation.getKecamatanCode());
            }
        }
        Map<String, Envelope> found = new HashMap<>();
        codesByYear.forEach((year, codes) -> envelopes.lock(year, codes)
                .forEach(envelope -> found.put(key(envelope.year(), envelope.kecamatanCode()), envelope)));
        return found;
    }

    private static String key(int year, String kecamatanCode) {
        return year + "/" + kecamatanCode;
    }
}
