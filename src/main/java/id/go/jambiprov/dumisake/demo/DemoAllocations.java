package id.go.jambiprov.dumisake.demo;

import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.allocation.EnvelopeView;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.allocation.NewAllocation;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.ProgrammeService;
import id.go.jambiprov.dumisake.programme.ProgrammeView;
import id.go.jambiprov.dumisake.region.DesaSummary;
import id.go.jambiprov.dumisake.region.DesaType;
import id.go.jambiprov.dumisake.region.KabupatenKotaSummary;
import id.go.jambiprov.dumisake.region.RegionService;
import id.go.jambiprov.dumisake.shared.SystemAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Demo activity of the default profile: fiscal years 2025 and 2026 with a deterministic, realistic spread
 * of allocations over all 144 kecamatan — BKBK of Rp 100 juta per desa where the envelope allows it, plus
 * agency programmes — leaving room in most envelopes. Written through the allocations' bulk import, so
 * checked, audited and kept within the envelopes like any admin's work. Never in prod, and only into an
 * empty database.
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

    private static final Logger log = LoggerFactory.getLogger(DemoAllocations.class);

    private final FiscalYearService fiscalYears;
    private final ProgrammeService programmes;
    private final RegionService regions;
    private final Allocations allocations;

    DemoAllocations(FiscalYearService fiscalYears, ProgrammeService programmes, RegionService regions,
                    Allocations allocations) {
        this.fiscalYears = fiscalYears;
        this.programmes = programmes;
        this.regions = regions;
        this.allocations = allocations;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!fiscalYears.all().isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        SystemAuthentication.run(() -> YEARS.forEach(this::fill));
        log.info("Demo data: allocations of {} in {} ms", YEARS, (System.nanoTime() - started) / 1_000_000);
    }

    /** The whole year in one bulk write: checked, locked and audited like an admin's import. */
    private void fill(int year) {
        fiscalYears.open(year, PAGU);
        Map<String, List<DesaSummary>> desaByKecamatan = regions.desa(null, null, null, Pageable.unpaged(Sort.by("code")))
                .stream().collect(Collectors.groupingBy(DesaSummary::kecamatanCode));
        List<ProgrammeView> agencyProgrammes = programmes.all().stream()
                .filter(p -> !p.code().equals("BKBK-DESA"))
                .toList();
        List<NewAllocation> requests = new ArrayList<>();
        for (KabupatenKotaSummary kabupatenKota : regions.kabupatenKota()) {
            boolean kota = kabupatenKota.type().equals("KOTA");
            for (EnvelopeView envelope : allocations.envelopes(year, kabupatenKota.code())) {
                Random random = new Random(envelope.kecamatanCode().hashCode() * 31L + year);
                List<DesaSummary> desa = desaByKecamatan.get(envelope.kecamatanCode()).stream()
                        .filter(d -> kota || d.type() == DesaType.DESA)
                        .toList();
                List<NewAllocation> bkbk = bkbk(year, envelope.kecamatanCode(), desa);
                requests.addAll(bkbk);
                BigDecimal remaining = bkbk.stream().map(NewAllocation::amount).reduce(PAGU, BigDecimal::subtract);
                requests.addAll(programmes(year, envelope.kecamatanCode(), remaining, agencyProgrammes, random));
            }
        }
        allocations.importAll(requests);
    }

    /** Rp 100 juta to each desa, as far as the BKBK share of the envelope goes. */
    private static List<NewAllocation> bkbk(int year, String kecamatanCode, List<DesaSummary> desa) {
        int fits = PAGU.multiply(BKBK_SHARE).divide(BKBK).intValue();
        return desa.stream().limit(fits)
                .map(d -> new NewAllocation(year, kecamatanCode, "DP3AP2", "BKBK-DESA",
                        Mechanism.BANTUAN_KEUANGAN_DESA, d.code(), "BKBK " + year + " – " + d.name(), BKBK, 4))
                .toList();
    }

    /**
     * Two to four agency activities of Rp 25–300 juta; every thirteenth kecamatan is allocated to the
     * last rupiah, the others keep some room.
     */
    private static List<NewAllocation> programmes(int year, String kecamatanCode, BigDecimal remaining,
                                                   List<ProgrammeView> agencyProgrammes, Random random) {
        boolean fillUp = Math.floorMod(kecamatanCode.hashCode(), 13) == 0;
        int activities = 2 + random.nextInt(3);
        List<NewAllocation> requests = new ArrayList<>();
        for (int i = 0; i < activities; i++) {
            ProgrammeView programme = agencyProgrammes.get(random.nextInt(agencyProgrammes.size()));
            BigDecimal amount = MILLION.multiply(BigDecimal.valueOf(25L * (1 + random.nextInt(12))));
            if (fillUp && i == activities - 1) {
                amount = remaining;
            }
            if (amount.signum() <= 0 || amount.compareTo(remaining) > 0) {
                continue;
            }
            Mechanism mechanism = random.nextInt(5) == 0 ? Mechanism.BANTUAN_KEUANGAN_KABKOTA : Mechanism.BELANJA_OPD;
            requests.add(new NewAllocation(year, kecamatanCode, programme.leadOpdCode(), programme.code(), mechanism,
                    null, programme.name(), amount, 2 + random.nextInt(9)));
            remaining = remaining.subtract(amount);
        }
        return requests;
    }
}
