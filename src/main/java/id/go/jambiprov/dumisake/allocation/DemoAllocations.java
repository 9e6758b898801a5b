package id.go.jambiprov.dumisake.allocation;

import id.go.jambiprov.dumisake.programme.EnvelopeService;
import id.go.jambiprov.dumisake.programme.EnvelopeView;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.ProgrammeService;
import id.go.jambiprov.dumisake.programme.ProgrammeView;
import id.go.jambiprov.dumisake.region.DesaSummary;
import id.go.jambiprov.dumisake.region.DesaType;
import id.go.jambiprov.dumisake.region.KabupatenKotaSummary;
import id.go.jambiprov.dumisake.region.RegionService;
import id.go.jambiprov.dumisake.shared.SystemAuthentication;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Demo activity of the default profile: fiscal years 2025 and 2026 with a deterministic, realistic spread
 * of allocations over all 144 kecamatan — BKBK of Rp 100 juta per desa where the envelope allows it, plus
 * agency programmes — leaving room in most envelopes. Written through the services, so audited and
 * checked like any admin's work. Never in prod, and only into an empty database.
 */
@Component
@Profile("!prod")
@Order(10)
class DemoAllocations implements ApplicationRunner {

    static final List<Integer> YEARS = List.of(2025, 2026);
    private static final BigDecimal PAGU = new BigDecimal("2000000000.00");
    private static final BigDecimal BKBK = new BigDecimal("100000000.00");
    private static final BigDecimal MILLION = new BigDecimal("1000000");
    /** BKBK takes at most this share of an envelope, so that agency programmes have room too. */
    private static final BigDecimal BKBK_SHARE = new BigDecimal("0.70");

    private final FiscalYearService fiscalYears;
    private final EnvelopeService envelopes;
    private final ProgrammeService programmes;
    private final RegionService regions;
    private final AllocationService allocations;
    private final TransactionTemplate transaction;

    DemoAllocations(FiscalYearService fiscalYears, EnvelopeService envelopes, ProgrammeService programmes,
                    RegionService regions, AllocationService allocations, TransactionTemplate transaction) {
        this.fiscalYears = fiscalYears;
        this.envelopes = envelopes;
        this.programmes = programmes;
        this.regions = regions;
        this.allocations = allocations;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!fiscalYears.all().isEmpty()) {
            return;
        }
        SystemAuthentication.run(() -> YEARS.forEach(this::fill));
    }

    private void fill(int year) {
        fiscalYears.open(year, PAGU);
        Map<String, List<DesaSummary>> desaByKecamatan = regions.desa(null, null, null, Pageable.unpaged(Sort.by("code")))
                .stream().collect(Collectors.groupingBy(DesaSummary::kecamatanCode));
        List<ProgrammeView> agencyProgrammes = programmes.all().stream()
                .filter(p -> !p.code().equals("BKBK-DESA"))
                .toList();
        for (KabupatenKotaSummary kabupatenKota : regions.kabupatenKota()) {
            boolean kota = kabupatenKota.type().equals("KOTA");
            for (EnvelopeView envelope : envelopes.overview(year, kabupatenKota.code())) {
                Random random = new Random(envelope.kecamatanCode().hashCode() * 31L + year);
                List<DesaSummary> desa = desaByKecamatan.get(envelope.kecamatanCode()).stream()
                        .filter(d -> kota || d.type() == DesaType.DESA)
                        .toList();
                allocateBkbk(year, envelope, desa);
                allocateProgrammes(year, envelope.kecamatanCode(), agencyProgrammes, random);
            }
        }
    }

    /** Rp 100 juta to each desa, in one per-desa step where the whole kecamatan fits, else to the first ones. */
    private void allocateBkbk(int year, EnvelopeView envelope, List<DesaSummary> desa) {
        if (desa.isEmpty()) {
            return;
        }
        int fits = PAGU.multiply(BKBK_SHARE).divide(BKBK).intValue();
        String title = "BKBK " + year;
        if (desa.size() <= fits) {
            allocations.allocatePerDesa(new PerDesaAllocation(year, envelope.kecamatanCode(), null,
                    desa.stream().allMatch(d -> d.type() == DesaType.DESA), "DP3AP2", "BKBK-DESA", title, BKBK, 4));
            return;
        }
        transaction.executeWithoutResult(status -> desa.stream().limit(fits).forEach(d -> allocations.create(
                new NewAllocation(year, envelope.kecamatanCode(), "DP3AP2", "BKBK-DESA",
                        Mechanism.BANTUAN_KEUANGAN_DESA, d.code(), title + " – " + d.name(), BKBK, 4))));
    }

    /**
     * Two to four agency activities of Rp 25–300 juta; every thirteenth kecamatan is allocated to the
     * last rupiah, the others keep some room.
     */
    private void allocateProgrammes(int year, String kecamatanCode, List<ProgrammeView> agencyProgrammes,
                                    Random random) {
        boolean fillUp = Math.floorMod(kecamatanCode.hashCode(), 13) == 0;
        int activities = 2 + random.nextInt(3);
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < activities; i++) {
                ProgrammeView programme = agencyProgrammes.get(random.nextInt(agencyProgrammes.size()));
                BigDecimal remaining = envelopes.get(year, kecamatanCode).remaining();
                BigDecimal amount = MILLION.multiply(BigDecimal.valueOf(25L * (1 + random.nextInt(12))));
                if (fillUp && i == activities - 1) {
                    amount = remaining;
                }
                if (amount.signum() <= 0 || amount.compareTo(remaining) > 0) {
                    continue;
                }
                Mechanism mechanism = random.nextInt(5) == 0 ? Mechanism.BANTUAN_KEUANGAN_KABKOTA : Mechanism.BELANJA_OPD;
                allocations.create(new NewAllocation(year, kecamatanCode, programme.leadOpdCode(), programme.code(),
                        mechanism, null, programme.name(), amount, 2 + random.nextInt(9)));
            }
        });
    }
}
