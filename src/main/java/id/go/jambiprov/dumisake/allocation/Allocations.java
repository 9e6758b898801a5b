package id.go.jambiprov.dumisake.allocation;

import id.go.jambiprov.dumisake.allocation.internal.AllocationQueries;
import id.go.jambiprov.dumisake.allocation.internal.AllocationService;
import id.go.jambiprov.dumisake.allocation.internal.AllocationSpending;
import id.go.jambiprov.dumisake.allocation.internal.EnvelopeQueries;
import id.go.jambiprov.dumisake.allocation.internal.KeptTotalsReconciliation;
import id.go.jambiprov.dumisake.shared.ListPage;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the other capabilities may ask of the allocations and their kecamatan envelopes: read them as the
 * caller may see them (an operator of another OPD gets "not found"), hold one while spending from it, and
 * the bulk import. How the Rp 2 bn rule is kept stays inside ({@code domain.Envelope}).
 */
@Service
public class Allocations {

    private final AllocationQueries queries;
    private final EnvelopeQueries envelopes;
    private final AllocationService changes;
    private final AllocationSpending spending;
    private final KeptTotalsReconciliation reconciliation;

    Allocations(AllocationQueries queries, EnvelopeQueries envelopes, AllocationService changes,
                AllocationSpending spending, KeptTotalsReconciliation reconciliation) {
        this.queries = queries;
        this.envelopes = envelopes;
        this.changes = changes;
        this.spending = spending;
        this.reconciliation = reconciliation;
    }

    public AllocationView get(long id) {
        return queries.get(id);
    }

    /**
     * As {@link #get} for several allocations in one statement (a take-over of thousands): those the caller may
     * see, by id; an id that is unknown or outside an operator's OPD is left out.
     */
    public Map<Long, AllocationView> getAll(Collection<Long> ids) {
        return queries.byIds(ids);
    }

    public Page<AllocationView> search(AllocationFilter filter, Pageable pageable) {
        return queries.search(filter, pageable);
    }

    /**
     * One page of the allocations the filter selects as the allocation tables show them, for a page that knows their
     * number already ({@code total}, from {@link #totals}): the rows chosen first and their names looked up after.
     */
    public ListPage<AllocationRow> rows(AllocationFilter filter, Pageable pageable, long total) {
        return queries.rows(filter, pageable, total);
    }

    /** Every allocation the filter selects, streamed in code order (exports of any size). */
    public void forEach(AllocationFilter filter, Consumer<AllocationView> each) {
        queries.forEach(filter, each);
    }

    /** Σ of the allocations the filter selects, from the totals kept per year, kecamatan, OPD, programme and mechanism. */
    public AllocationTotals totals(AllocationFilter filter) {
        return queries.totals(filter);
    }

    /**
     * Where the kept totals of a year (per kecamatan, OPD, programme and mechanism, and per envelope) differ from the
     * allocation and disbursement rows they sum; empty when they agree. Admins only; reads the whole year.
     */
    public List<KeptTotalsDifference> keptTotalsDifferences(int year) {
        return reconciliation.differences(year);
    }

    public EnvelopeView envelope(int year, String kecamatanCode) {
        return envelopes.get(year, kecamatanCode);
    }

    public List<EnvelopeView> envelopes(int year, String kabupatenKotaCode) {
        return envelopes.overview(year, kabupatenKotaCode);
    }

    /**
     * The allocation, in an open year, locked until the caller's transaction ends: for recording what is
     * spent from it (a disbursement that is not yet realised, aid to a beneficiary).
     */
    public AllocationView lockForSpending(long id) {
        return changes.lockForSpending(id, false);
    }

    /**
     * As {@link #lockForSpending}, with its envelope locked first, for a change that moves what the envelope
     * has realised (verifying or withdrawing a verified disbursement): one lock order, envelope → allocation.
     */
    public AllocationView lockForRealising(long id) {
        return changes.lockForSpending(id, true);
    }

    /**
     * What a change of a disbursement moved, inside the transaction that holds the allocation from
     * {@link #lockForSpending} (or {@link #lockForRealising} when {@code realisedChange} is not zero):
     * {@code disbursedChange} of the money counted against the allocation (every tranche but a rejected one),
     * {@code realisedChange} of the verified money, which the envelope realises too. An increase past the
     * allocation's amount is refused (ALLOCATION_EXCEEDED, with what is left) and changes nothing.
     */
    public void recordSpending(long allocationId, BigDecimal disbursedChange, BigDecimal realisedChange) {
        spending.record(List.of(new SpendingChange(allocationId, disbursedChange, realisedChange)));
    }

    /**
     * As {@link #lockForRealising} for several allocations at once (a take-over of past disbursements): their
     * envelopes first, year by year in code order, then the allocations in id order.
     */
    public Map<Long, AllocationView> lockAllForRealising(Collection<Long> ids) {
        return changes.lockAllForRealising(ids);
    }

    /** As {@link #recordSpending(long, BigDecimal, BigDecimal)} for several allocations, all or nothing. */
    public void recordSpending(List<SpendingChange> changes) {
        spending.record(changes);
    }

    /** Throws the first rule the request breaks that needs no envelope lock (imports list every bad row). */
    public void validate(NewAllocation request) {
        changes.validate(request);
    }

    /** All or nothing: every request is written, or none when one does not fit its envelope. */
    public List<AllocationView> importAll(List<NewAllocation> requests) {
        return changes.importAll(requests);
    }
}
