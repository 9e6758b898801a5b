package id.go.jambiprov.dumisake.allocation.internal;

import id.go.jambiprov.dumisake.allocation.AllocationStatus;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.NewAllocation;
import id.go.jambiprov.dumisake.allocation.domain.AllocationRules;
import id.go.jambiprov.dumisake.allocation.domain.WholeRupiah;
import id.go.jambiprov.dumisake.opd.OpdService;
import id.go.jambiprov.dumisake.opd.OpdSummary;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.ProgrammeService;
import id.go.jambiprov.dumisake.programme.ProgrammeView;
import id.go.jambiprov.dumisake.region.DesaSummary;
import id.go.jambiprov.dumisake.region.KecamatanSummary;
import id.go.jambiprov.dumisake.region.RegionService;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of new allocations that need no envelope lock — open year (held open by a share lock on its row),
 * known codes, active OPD and programme, desa consistent with the mechanism — with the master data they read.
 * The envelope's own rule is {@link id.go.jambiprov.dumisake.allocation.domain.Envelope}'s, under its lock.
 */
@Component
class NewAllocationChecks {

    private static final BigDecimal NONE = new BigDecimal("0.00");

    private final FiscalYearService fiscalYears;
    private final ProgrammeService programmes;
    private final RegionService regions;
    private final OpdService opds;

    NewAllocationChecks(FiscalYearService fiscalYears, ProgrammeService programmes, RegionService regions,
                        OpdService opds) {
        this.fiscalYears = fiscalYears;
        this.programmes = programmes;
        this.regions = regions;
        this.opds = opds;
    }

    /** Checks for these requests, reading each year, kecamatan, OPD and programme once and all their desa at once. */
    Lookups forRequests(List<NewAllocation> requests) {
        return new Lookups(regions.desaByCode(requests.stream().map(r -> blankToNull(r.desaCode()))
                .filter(Objects::nonNull).collect(Collectors.toSet())));
    }

    void requireOpen(int year) {
        fiscalYears.requireOpen(year);
    }

    OpdSummary requireActiveOpd(String code) {
        OpdSummary opd;
        try {
            opd = opds.get(code);
        } catch (NotFoundException e) {
            throw new BusinessRuleException("OPD_UNKNOWN", "allocation.opdUnknown", code);
        }
        if (!opd.active()) {
            throw new BusinessRuleException("OPD_INACTIVE", "allocation.opdInactive", opd.name());
        }
        return opd;
    }

    ProgrammeView requireActiveProgramme(String code) {
        try {
            return programmes.requireActive(code);
        } catch (NotFoundException e) {
            throw new BusinessRuleException("PROGRAMME_UNKNOWN", "allocation.programmeUnknown", code);
        }
    }

    private KecamatanSummary requireKecamatan(String code) {
        try {
            return regions.kecamatan(code);
        } catch (NotFoundException e) {
            throw new BusinessRuleException("KECAMATAN_UNKNOWN", "allocation.kecamatanUnknown", code);
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The master data of a batch of requests, fetched once per code: a bulk import names the same ones many times. */
    final class Lookups {

        private final Set<Integer> openYears = new HashSet<>();
        private final Map<String, KecamatanSummary> kecamatan = new HashMap<>();
        private final Map<String, OpdSummary> opd = new HashMap<>();
        private final Map<String, ProgrammeView> programme = new HashMap<>();
        private final Map<String, DesaSummary> desa;

        private Lookups(Map<String, DesaSummary> desa) {
            this.desa = desa;
        }

        /** Throws the first rule the request breaks; otherwise what the checks read. */
        Checked check(NewAllocation request) {
            AllocationRules.requireWellFormed(request.amount(), request.plannedMonth(), request.title());
            WholeRupiah.require(request.amount());
            if (openYears.add(request.year())) {
                requireOpen(request.year());
            }
            KecamatanSummary place = kecamatan.computeIfAbsent(request.kecamatanCode(),
                    NewAllocationChecks.this::requireKecamatan);
            OpdSummary agency = opd.computeIfAbsent(request.opdCode(), NewAllocationChecks.this::requireActiveOpd);
            ProgrammeView activity = programme.computeIfAbsent(request.programmeCode(),
                    NewAllocationChecks.this::requireActiveProgramme);
            String desaCode = blankToNull(request.desaCode());
            DesaSummary village = desaCode == null ? null : desa.get(desaCode);
            if (desaCode != null && village == null) {
                throw new BusinessRuleException("DESA_UNKNOWN", "allocation.desaUnknown", desaCode);
            }
            AllocationRules.requireDesaMatchesMechanism(request.mechanism(), desaCode,
                    village == null ? null : village.kecamatanCode(), request.kecamatanCode());
            return new Checked(place, agency, activity, village);
        }
    }

    /** What a request's checks read: the names its allocation view shows. */
    record Checked(KecamatanSummary kecamatan, OpdSummary opd, ProgrammeView programme, DesaSummary desa) {

        AllocationView created(long id, NewAllocation request, OffsetDateTime at, String by) {
            return new AllocationView(id, request.year(), kecamatan.code(), kecamatan.name(),
                    kecamatan.kabupatenKotaCode(), kecamatan.kabupatenKotaName(), opd.code(), opd.name(),
                    programme.code(), programme.name(), programme.pillar(), request.mechanism(),
                    desa == null ? null : desa.code(), desa == null ? null : desa.name(), request.title().strip(),
                    Rupiah.stored(request.amount()), request.plannedMonth(), AllocationStatus.ACTIVE, NONE, NONE,
                    null, at, by, at, by, 0);
        }
    }
}
