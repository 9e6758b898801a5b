package id.go.jambiprov.dumisake.demo;

import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.beneficiary.Beneficiaries;
import id.go.jambiprov.dumisake.beneficiary.ImportedFile;
import id.go.jambiprov.dumisake.region.DesaSummary;
import id.go.jambiprov.dumisake.region.RegionService;
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
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Demo beneficiaries of the default profile: ten clearly synthetic people ("Penerima Sintetis …") with
 * valid-shaped NIKs in each of the first ten 2026 BELANJA_OPD allocations of DISDIK, DINKES and DPUPR,
 * each living in a desa of the allocation's kecamatan and with one aid record under it. Deterministic
 * (derived from the allocation ids), registered and recorded by the OPD's operator through the
 * beneficiaries' API, so checked by the NIK and aid rules and audited with the masked NIK.
 */
@Component
@Profile("!prod")
@Order(30)
class DemoBeneficiaries implements ApplicationRunner {

    private static final int YEAR = 2026;
    private static final List<String> OPDS = List.of("DISDIK", "DINKES", "DPUPR");
    private static final int ALLOCATIONS_PER_OPD = 10;
    private static final int PEOPLE_PER_ALLOCATION = 10;
    private static final BigDecimal SMALLEST_ALLOCATION = new BigDecimal("50000000");
    private static final Logger log = LoggerFactory.getLogger(DemoBeneficiaries.class);

    private final Allocations allocations;
    private final Beneficiaries beneficiaries;
    private final RegionService regions;
    private final DemoUsers users;

    DemoBeneficiaries(Allocations allocations, Beneficiaries beneficiaries, RegionService regions, DemoUsers users) {
        this.allocations = allocations;
        this.beneficiaries = beneficiaries;
        this.regions = regions;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.as("admin", () -> beneficiaries.anyAidOfYear(YEAR, null))) {
            return;
        }
        long started = System.nanoTime();
        int aid = 0;
        for (String opd : OPDS) {
            String operator = DemoUsers.operatorOf(opd);
            ImportedFile imported = users.as(operator, () -> {
                StringBuilder file = new StringBuilder(String.join(",", Beneficiaries.importColumns())).append("\r\n");
                for (AllocationView allocation : DemoPicks.firstAllocations(allocations, YEAR, opd,
                        Mechanism.BELANJA_OPD, SMALLEST_ALLOCATION, ALLOCATIONS_PER_OPD)) {
                    List<DesaSummary> desa = regions.desa(null, allocation.kecamatanCode(), null,
                            Pageable.unpaged(Sort.by("code"))).getContent();
                    for (int n = 1; n <= PEOPLE_PER_ALLOCATION; n++) {
                        file.append(person(allocation, n, desa).row(allocation.id(), description(opd))).append("\r\n");
                    }
                }
                return beneficiaries.importFile("penerima-sintetis-" + opd.toLowerCase(Locale.ROOT) + ".csv",
                        file.toString().getBytes(StandardCharsets.UTF_8));
            });
            if (imported.rowErrors() > 0) {
                throw new IllegalStateException("demo beneficiaries of " + opd + " refused: " + imported);
            }
            aid += imported.aidCreated();
        }
        log.info("Demo data: {} beneficiaries with aid in {} ms", aid, (System.nanoTime() - started) / 1_000_000);
    }

    private record Person(int n, String nik, String name, String desaCode, int decile, BigDecimal amount,
                          LocalDate aidDate) {

        /** A row of the import page's file; sex and date of birth as the NIK carries them. */
        String row(long allocationId, String description) {
            int day = Integer.parseInt(nik.substring(6, 8));
            boolean woman = day > 40;
            LocalDate born = LocalDate.of(1900 + Integer.parseInt(nik.substring(10, 12)),
                    Integer.parseInt(nik.substring(8, 10)), woman ? day - 40 : day);
            return String.join(",", nik, name, woman ? "F" : "M", born.toString(), desaCode,
                    "Alamat sintetis No. " + n, "", String.valueOf(decile), String.valueOf(allocationId),
                    amount.toPlainString(), aidDate.toString(), description == null ? "" : description);
        }
    }

    /**
     * The NIK carries the kecamatan, the birth date (women's day plus 40) and a sequence number, as a real
     * one does; the 1970s–1990s birth years and the 8xxx sequence keep it apart from the tests' people.
     */
    private static Person person(AllocationView allocation, int n, List<DesaSummary> desa) {
        long id = allocation.id();
        String kecamatan = allocation.kecamatanCode().replace(".", "");
        boolean woman = n % 2 == 0;
        String nik = kecamatan
                + "%02d".formatted(1 + (id + n) % 28 + (woman ? 40 : 0))
                + "%02d".formatted(1 + (id * 7 + n) % 12)
                + "%02d".formatted(70 + (id + n * 3L) % 30)
                + "%04d".formatted(8000 + (id % 99) * 10 + n);
        String desaCode = desa.get(Math.floorMod((allocation.kecamatanCode() + n).hashCode(), desa.size())).code();
        return new Person(n, nik, "Penerima Sintetis " + allocation.opdCode() + " " + id + "-" + n, desaCode,
                (int) (1 + (id + n) % 6), new BigDecimal(500_000 + (n % 4) * 250_000),
                LocalDate.of(YEAR, 1 + n % 10, (int) (1 + (id + n) % 27)));
    }

    private static String description(String opd) {
        return switch (opd) {
            case "DPUPR" -> "Bahan bangunan bedah rumah";
            case "DISDIK" -> "Seragam dan perlengkapan sekolah";
            default -> null;
        };
    }
}
