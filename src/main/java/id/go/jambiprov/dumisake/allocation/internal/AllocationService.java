package id.go.jambiprov.dumisake.allocation.internal;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.NewAllocation;
import id.go.jambiprov.dumisake.allocation.domain.Allocation;
import id.go.jambiprov.dumisake.allocation.domain.AllocationRepository;
import id.go.jambiprov.dumisake.allocation.domain.Envelope;
import id.go.jambiprov.dumisake.allocation.domain.Envelopes;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import id.go.jambiprov.dumisake.shared.StaleVersionException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Allocating the kecamatan envelopes: the changes (the reads are {@link AllocationQueries}'). Every writer locks
 * its envelopes ({@link Envelopes}, on any instance) and lets the {@link Envelope} decide whether the money fits
 * as it sees it under that lock before it writes; the database trigger then moves the envelope total, and its
 * CHECK refuses anything above the pagu should a writer ever skip the lock.
 */
@Service
@Transactional
public class AllocationService {

    private static final String ENTITY = "Allocation";

    private final AllocationRepository allocations;
    private final Envelopes envelopes;
    private final AllocationQueries queries;
    private final NewAllocationChecks checks;
    private final AllocationRecords records;

    AllocationService(AllocationRepository allocations, Envelopes envelopes, AllocationQueries queries,
                      NewAllocationChecks checks, AllocationRecords records) {
        this.allocations = allocations;
        this.envelopes = envelopes;
        this.queries = queries;
        this.checks = checks;
        this.records = records;
    }

    /**
     * Everything that needs no envelope lock — the other rules (the open year is held by a share lock on its
     * row), the new id, the audit event — happens before the envelope is locked, so that the lock is held only
     * for the room check and the insert: on a busy envelope the requests queue on that lock, and its holding
     * time is the envelope's throughput. Hence ids and creation times follow the order in which requests
     * arrived, not the order in which they drew on the envelope, and a refused request leaves a gap in the ids.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public AllocationView create(NewAllocation request) {
        AllocationView created = records.prepare(List.of(request)).get(0);
        envelopes.lock(request.year(), request.kecamatanCode()).reserve(created.amount());
        records.insert(List.of(created));
        return created;
    }

    /**
     * Checks one request against every rule that does not need the envelope lock (open year, known codes,
     * active OPD and programme, desa consistent with the mechanism) and throws the first one it breaks;
     * the bulk import uses it to list every bad row before anything is written.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public void validate(NewAllocation request) {
        checks.forRequests(List.of(request)).check(request);
    }

    /**
     * Many allocations at once, all or nothing (the bulk import): every request is checked, then the
     * envelopes involved are locked in (year, code) order — so two imports cannot deadlock — and the
     * requests of each envelope together must fit in what it has left. If any envelope lacks money nothing
     * is written and the refusal lists every such kecamatan; otherwise every allocation is written, each with
     * its audit event (recorded, as for {@link #create}, before the lock).
     */
    @PreAuthorize("hasRole('ADMIN')")
    public List<AllocationView> importAll(List<NewAllocation> requests) {
        List<AllocationView> created = records.prepare(requests);
        Map<Integer, Map<String, BigDecimal>> needed = new TreeMap<>();
        for (AllocationView allocation : created) {
            needed.computeIfAbsent(allocation.year(), year -> new TreeMap<>())
                    .merge(allocation.kecamatanCode(), allocation.amount(), BigDecimal::add);
        }
        Map<Envelope, BigDecimal> asked = new LinkedHashMap<>();
        needed.forEach((year, perKecamatan) -> envelopes.lock(year, perKecamatan.keySet())
                .forEach(envelope -> asked.put(envelope, perKecamatan.get(envelope.kecamatanCode()))));
        Envelope.reserveAll(asked);
        records.insert(created);
        return created;
    }

    /** Raises the amount up to what the envelope has left, or lowers it down to what is disbursed. */
    @PreAuthorize("hasRole('ADMIN')")
    public AllocationView revise(long id, BigDecimal newAmount, long expectedVersion) {
        Envelope envelope = lockEnvelope(id);
        Allocation allocation = lockedForChange(id, expectedVersion);
        AllocationView before = queries.get(id);
        envelope.adjust(allocation.revise(newAmount, CurrentUser.username()));
        allocations.flush();
        AllocationView after = queries.get(id);
        records.recordChange("ALLOCATION_REVISED", before, after);
        return after;
    }

    /** Cancels an allocation; its money returns to the envelope. Refused once anything is verified. */
    @PreAuthorize("hasRole('ADMIN')")
    public AllocationView cancel(long id, String reason, long expectedVersion) {
        Envelope envelope = lockEnvelope(id);
        Allocation allocation = lockedForChange(id, expectedVersion);
        AllocationView before = queries.get(id);
        allocation.cancel(reason, CurrentUser.username());
        envelope.release(allocation.getAmount());
        allocations.flush();
        AllocationView after = queries.get(id);
        records.recordChange("ALLOCATION_CANCELLED", before, after);
        return after;
    }

    /**
     * For spending from an allocation (disbursements, aid): the allocation as the caller may see it (404 outside an
     * operator's OPD), in an open year, locked until the caller's transaction ends — with its envelope first when
     * the change moves the envelope's realisation, keeping the one lock order envelope → allocation.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AllocationView lockForSpending(long id, boolean alsoEnvelope) {
        AllocationView current = queries.get(id);
        checks.requireOpen(current.year());
        if (alsoEnvelope) {
            envelopes.lock(current.year(), current.kecamatanCode());
        }
        allocations.lockById(id);
        return queries.get(id);
    }

    /** As {@link #lockForSpending} with the envelopes, for several allocations; an unseen id is "not found". */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<Long, AllocationView> lockAllForRealising(Collection<Long> ids) {
        Set<Long> wanted = new TreeSet<>(ids);
        Map<Long, AllocationView> current = queries.byIds(wanted);
        wanted.stream().filter(id -> !current.containsKey(id)).findFirst().ifPresent(id -> {
            throw new NotFoundException("allocation.notFound", id);
        });
        Map<Integer, Set<String>> codesByYear = new TreeMap<>();
        current.values().forEach(allocation -> codesByYear
                .computeIfAbsent(allocation.year(), year -> new TreeSet<>()).add(allocation.kecamatanCode()));
        codesByYear.forEach((year, codes) -> {
            checks.requireOpen(year);
            envelopes.lock(year, codes);
        });
        allocations.lockAllById(wanted);
        return queries.byIds(wanted);
    }

    /** The allocation's year must be open; every writer locks envelope, then allocation: one order, no deadlock. */
    private Envelope lockEnvelope(long id) {
        AllocationView current = queries.get(id);
        checks.requireOpen(current.year());
        return envelopes.lock(current.year(), current.kecamatanCode());
    }

    private Allocation lockedForChange(long id, long expectedVersion) {
        Allocation allocation = allocations.lockById(id).orElseThrow(() -> new NotFoundException("allocation.notFound", id));
        if (allocation.getVersion() != expectedVersion) {
            throw new StaleVersionException(ENTITY, id);
        }
        return allocation;
    }
}
