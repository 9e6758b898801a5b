package id.go.jambiprov.dumisake.beneficiary;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.account.SignedIn;
import id.go.jambiprov.dumisake.account.Role;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.allocation.NewAllocation;
import id.go.jambiprov.dumisake.allocation.internal.AllocationService;
import id.go.jambiprov.dumisake.beneficiary.internal.NewBeneficiary;
import id.go.jambiprov.dumisake.beneficiary.internal.Nik;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.Pillar;
import id.go.jambiprov.dumisake.programme.ProgrammeService;
import id.go.jambiprov.dumisake.programme.ProgrammeView;
import id.go.jambiprov.dumisake.shared.SystemAuthentication;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Helpers of the beneficiary tests. They share the database with the demo data and the other tests, so
 * they work in fiscal year 2048, in programmes of their own and with NIKs nobody else uses.
 */
final class BeneficiaryTestSupport {

    static final int YEAR = 2048;
    static final LocalDate AID_DATE = LocalDate.of(YEAR, 3, 10);
    static final LocalDate BORN = LocalDate.of(1990, 7, 1);
    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(1_000_000));

    private BeneficiaryTestSupport() {
    }

    /** A fresh, valid NIK of a woman born on 1 July 1990. */
    static String freshNik() {
        int n = NEXT.incrementAndGet();
        return "1501" + String.format("%02d", 10 + (n / 9999) % 89) + "410790" + String.format("%04d", 1 + n % 9999);
    }

    static DumisakeUser operator(String opdCode) {
        return operator(opdCode, "op-" + opdCode.toLowerCase());
    }

    /** An operator under a username of its own, e.g. to count its NIK searches apart from other tests'. */
    static DumisakeUser operator(String opdCode, String username) {
        return new DumisakeUser(username, "Operator " + opdCode, Role.OPD_OPERATOR, opdCode, true, "x");
    }

    static DumisakeUser admin() {
        return new DumisakeUser("admin", "Admin", Role.ADMIN, null, true, "x");
    }

    static DumisakeUser expert() {
        return new DumisakeUser("ahli", "Tim Ahli", Role.EXPERT, null, true, "x");
    }

    static <T> T as(DumisakeUser user, Supplier<T> work) {
        return SignedIn.as(user, work);
    }

    static <T> T asSystem(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        SystemAuthentication.run(() -> result.set(work.get()));
        return result.get();
    }

    static synchronized void ensureOpen(FiscalYearService fiscalYears) {
        ensureOpen(fiscalYears, YEAR);
    }

    /** Opens {@code year} unless it exists (the tests of cancelling and of import jobs own 2095–2099). */
    static synchronized void ensureOpen(FiscalYearService fiscalYears, int year) {
        asSystem(() -> fiscalYears.all().stream().filter(y -> y.year() == year).findFirst()
                .orElseGet(() -> fiscalYears.open(year, new BigDecimal("2000000000.00"))));
    }

    /** A new programme of the tests, optionally limited to deciles 1..maxDecile. */
    static ProgrammeView programme(ProgrammeService programmes, Integer maxDecile) {
        String code = "UJI-" + NEXT.incrementAndGet();
        return asSystem(() -> {
            ProgrammeView created = programmes.create(code, "Program uji " + code, Pillar.RESPONSIF, "DISDIK");
            return maxDecile == null ? created : programmes.limitWelfareDecile(code, maxDecile);
        });
    }

    /** A kecamatan of {@link #YEAR} with nothing allocated yet. */
    static synchronized String freshKecamatan(JdbcTemplate jdbc) {
        return freshKecamatan(jdbc, YEAR);
    }

    /** A kecamatan of {@code year} with nothing allocated yet. */
    static synchronized String freshKecamatan(JdbcTemplate jdbc, int year) {
        return jdbc.queryForObject("""
                select e.kecamatan_code from envelope e
                where e.fiscal_year = ? and e.allocated = 0
                  and not exists (select 1 from allocation a where a.fiscal_year = e.fiscal_year
                                  and a.kecamatan_code = e.kecamatan_code)
                order by e.kecamatan_code limit 1""", String.class, year);
    }

    /** A kecamatan with nothing allocated yet and its first desa, in {@code year}, opened if need be. */
    record Place(String kecamatan, String desa) {
    }

    static Place freshPlace(FiscalYearService fiscalYears, JdbcTemplate jdbc, int year) {
        ensureOpen(fiscalYears, year);
        String kecamatan = freshKecamatan(jdbc, year);
        return new Place(kecamatan, desaOf(jdbc, kecamatan));
    }

    static String desaOf(JdbcTemplate jdbc, String kecamatanCode) {
        return jdbc.queryForObject("select code from desa where kecamatan_code = ? order by code limit 1",
                String.class, kecamatanCode);
    }

    static AllocationView allocation(AllocationService allocations, String kecamatanCode, String opdCode,
                                     String programmeCode, BigDecimal amount) {
        return allocation(allocations, YEAR, kecamatanCode, opdCode, programmeCode, amount);
    }

    static AllocationView allocation(AllocationService allocations, int year, String kecamatanCode, String opdCode,
                                     String programmeCode, BigDecimal amount) {
        return asSystem(() -> allocations.create(new NewAllocation(year, kecamatanCode, opdCode, programmeCode,
                Mechanism.BELANJA_OPD, null, "Bantuan langsung (uji penerima)", amount, 3)));
    }

    static NewBeneficiary person(String nik, String desaCode, Integer decile) {
        return new NewBeneficiary(nik, "Penerima Uji " + nik.substring(12), Nik.Sex.F, BORN, desaCode,
                "Jl. Uji No. 1", null, decile);
    }
}
