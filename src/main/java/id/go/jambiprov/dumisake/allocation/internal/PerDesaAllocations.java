package id.go.jambiprov.dumisake.allocation.internal;

import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.EnvelopeShortfall;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.allocation.NewAllocation;
import id.go.jambiprov.dumisake.allocation.domain.Envelope;
import id.go.jambiprov.dumisake.allocation.domain.Envelopes;
import id.go.jambiprov.dumisake.allocation.domain.WholeRupiah;
import id.go.jambiprov.dumisake.region.DesaSummary;
import id.go.jambiprov.dumisake.region.DesaType;
import id.go.jambiprov.dumisake.region.RegionService;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static id.go.jambiprov.dumisake.allocation.internal.NewAllocationChecks.blankToNull;

/**
 * The BKBK as it is really given: the same amount to every desa of a kecamatan, a kabupaten/kota or the whole
 * province, in one transaction. The envelopes decide ({@link Envelope#reserveAll} all or nothing, or
 * {@link Envelope#reserveWhatFits}) under their locks, taken in code order as every bulk writer does.
 */
@Service
@Transactional
public class PerDesaAllocations {

    private final NewAllocationChecks checks;
    private final RegionService regions;
    private final Envelopes envelopes;
    private final AllocationQueries queries;
    private final AllocationRecords records;

    PerDesaAllocations(NewAllocationChecks checks, RegionService regions, Envelopes envelopes,
                       AllocationQueries queries, AllocationRecords records) {
        this.checks = checks;
        this.regions = regions;
        this.envelopes = envelopes;
        this.queries = queries;
        this.records = records;
    }

    /**
     * One allocation per desa of the scope. A desa that already holds an active allocation of the programme that
     * year is skipped and listed unless {@code includeExisting}; that is decided under the envelope locks, so a
     * concurrent run cannot give it a second one meanwhile. A kecamatan whose envelope lacks money refuses the
     * whole run, or with {@code fitOnly} only itself.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public PerDesaResult allocate(PerDesaAllocation request) {
        checks.requireOpen(request.year());
        checks.requireActiveOpd(request.opdCode());
        checks.requireActiveProgramme(request.programmeCode());
        if (request.amountPerDesa() == null || request.amountPerDesa().signum() <= 0 || request.title() == null
                || request.title().isBlank()) {
            throw new IllegalArgumentException("invalid per-desa allocation");
        }
        WholeRupiah.require(request.amountPerDesa());
        Map<String, List<DesaSummary>> desaByKecamatan = desaOf(request).stream()
                .collect(Collectors.groupingBy(DesaSummary::kecamatanCode, TreeMap::new, Collectors.toList()));
        if (desaByKecamatan.isEmpty()) {
            throw new BusinessRuleException("NO_DESA", "allocation.perDesa.noDesa");
        }
        List<Envelope> locked = envelopes.lock(request.year(), desaByKecamatan.keySet());
        Set<String> holding = request.includeExisting() ? Set.of()
                : queries.desaWithActiveAllocation(request.year(), request.programmeCode());
        List<PerDesaResult.Skipped> skipped = new ArrayList<>();
        Map<Envelope, BigDecimal> asked = new LinkedHashMap<>();
        Map<String, List<DesaSummary>> open = new TreeMap<>();
        for (Envelope envelope : locked) {
            List<DesaSummary> desa = new ArrayList<>();
            for (DesaSummary d : desaByKecamatan.get(envelope.kecamatanCode())) {
                if (holding.contains(d.code())) {
                    skipped.add(new PerDesaResult.Skipped(d.code(), d.name(), d.kecamatanName()));
                } else {
                    desa.add(d);
                }
            }
            if (!desa.isEmpty()) {
                open.put(envelope.kecamatanCode(), desa);
                asked.put(envelope, request.amountPerDesa().multiply(BigDecimal.valueOf(desa.size())));
            }
        }
        List<EnvelopeShortfall> notFitting = List.of();
        if (request.fitOnly()) {
            notFitting = Envelope.reserveWhatFits(asked);
            notFitting.forEach(shortfall -> open.remove(shortfall.kecamatanCode()));
        } else {
            Envelope.reserveAll(asked);
        }
        return write(request, open, skipped, notFitting);
    }

    private PerDesaResult write(PerDesaAllocation request, Map<String, List<DesaSummary>> open,
                                List<PerDesaResult.Skipped> skipped, List<EnvelopeShortfall> notFitting) {
        List<NewAllocation> requests = open.values().stream().flatMap(List::stream)
                .map(d -> new NewAllocation(request.year(), d.kecamatanCode(), request.opdCode(),
                        request.programmeCode(), Mechanism.BANTUAN_KEUANGAN_DESA, d.code(),
                        request.title().strip() + " – " + d.name(), request.amountPerDesa(), request.plannedMonth()))
                .toList();
        if (!requests.isEmpty()) {
            records.insert(records.prepare(requests));
        }
        List<PerDesaResult.Written> written = open.values().stream()
                .map(desa -> new PerDesaResult.Written(desa.get(0).kecamatanCode(), desa.get(0).kecamatanName(),
                        desa.size(), request.amountPerDesa().multiply(BigDecimal.valueOf(desa.size()))))
                .toList();
        return new PerDesaResult(requests.size(), written.size(),
                request.amountPerDesa().multiply(BigDecimal.valueOf(requests.size())), written, List.copyOf(skipped),
                notFitting);
    }

    private List<DesaSummary> desaOf(PerDesaAllocation request) {
        String kecamatan = blankToNull(request.kecamatanCode());
        String kabupatenKota = blankToNull(request.kabupatenKotaCode());
        int scopes = (kecamatan == null ? 0 : 1) + (kabupatenKota == null ? 0 : 1) + (request.wholeProvince() ? 1 : 0);
        if (scopes != 1) {
            throw new BusinessRuleException("SCOPE_REQUIRED", "allocation.perDesa.scopeRequired");
        }
        return regions.desa(kabupatenKota, kecamatan, null, Pageable.unpaged(Sort.by("code"))).stream()
                .filter(d -> !request.onlyDesa() || d.type() == DesaType.DESA)
                .toList();
    }
}
