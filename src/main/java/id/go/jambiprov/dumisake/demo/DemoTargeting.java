package id.go.jambiprov.dumisake.demo;

import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.beneficiary.Beneficiaries;
import id.go.jambiprov.dumisake.region.DesaSummary;
import id.go.jambiprov.dumisake.region.RegionService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the "Sasaran kemiskinan" page needs beyond {@link DemoBeneficiaries}, whose people all have a decile
 * and all received aid: in the first desa of DINKES's first 2026 BELANJA_OPD allocation, a person of decile 3
 * and one without a decile receive aid, and two people of deciles 1 and 2 receive nothing — the follow-up
 * list's case. Four synthetic people, registered and given aid by DINKES's operator through the
 * beneficiaries' facade; skipped when their aid is already there.
 */
@Component
@Profile("!prod")
@Order(35)
class DemoTargeting implements ApplicationRunner {

    private static final int YEAR = 2026;
    private static final String OPD = "DINKES";
    private static final String NAME = "Warga Sintetis Sasaran ";
    private static final BigDecimal SMALLEST_ALLOCATION = new BigDecimal("50000000");

    private final Allocations allocations;
    private final Beneficiaries beneficiaries;
    private final RegionService regions;
    private final DemoUsers users;

    DemoTargeting(Allocations allocations, Beneficiaries beneficiaries, RegionService regions, DemoUsers users) {
        this.allocations = allocations;
        this.beneficiaries = beneficiaries;
        this.regions = regions;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.as("admin", () -> beneficiaries.anyAidOfYear(YEAR, NAME))) {
            return;
        }
        String operator = DemoUsers.operatorOf(OPD);
        users.as(operator, () -> {
            AllocationView allocation = firstAllocation();
            if (allocation == null) {
                return null;
            }
            DesaSummary desa = regions.desa(null, allocation.kecamatanCode(), null,
                    Pageable.unpaged(Sort.by("code"))).getContent().get(0);
            String kecamatan = allocation.kecamatanCode().replace(".", "");
            Integer[] deciles = {1, 2, 3, null};
            for (int n = 1; n <= deciles.length; n++) {
                // born on the n-th of March 1985 (women: day + 40), serial 7000 + n: apart from the other demo people
                String nik = kecamatan + "%02d".formatted(n + (n % 2 == 0 ? 40 : 0)) + "03" + "85"
                        + "%04d".formatted(7000 + n);
                beneficiaries.register(nik, NAME + n, desa.code(), "Alamat sintetis No. " + n, deciles[n - 1]);
                if (n > 2) {
                    beneficiaries.recordAid(allocation.id(), nik, new BigDecimal("750000"),
                            LocalDate.of(YEAR, 3, n), "Paket gizi keluarga");
                }
            }
            return null;
        });
    }

    private AllocationView firstAllocation() {
        List<AllocationView> first = DemoPicks.firstAllocations(allocations, YEAR, OPD, Mechanism.BELANJA_OPD,
                SMALLEST_ALLOCATION, 1);
        return first.isEmpty() ? null : first.get(0);
    }
}
