package id.go.jambiprov.dumisake.allocation;

import id.go.jambiprov.dumisake.allocation.internal.AllocationService;
import id.go.jambiprov.dumisake.allocation.internal.PerDesaAllocation;
import id.go.jambiprov.dumisake.allocation.internal.PerDesaAllocations;
import id.go.jambiprov.dumisake.allocation.internal.PerDesaResult;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static id.go.jambiprov.dumisake.allocation.AllocationTestSupport.allocated;
import static id.go.jambiprov.dumisake.allocation.AllocationTestSupport.asAdmin;
import static id.go.jambiprov.dumisake.allocation.AllocationTestSupport.ensureOpen;
import static id.go.jambiprov.dumisake.allocation.AllocationTestSupport.juta;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The BKBK as it is really given: Rp 100 juta to every desa of the province, in one run. Fiscal years 2066 (the
 * province) and 2067 (skipping desa that already hold the programme) belong to this class.
 */
@SpringBootTest
@AutoConfigureMockMvc // not used here: it makes this the context of the MockMvc tests, started once for all
class PerDesaAllocationTest {

    static final int PROVINCE_YEAR = 2066;
    static final int SKIP_YEAR = 2067;
    static final BigDecimal PAGU = new BigDecimal("2000000000.00");
    static final BigDecimal BKBK = juta(100);

    @Autowired
    PerDesaAllocations perDesa;

    @Autowired
    AllocationService allocations;

    @Autowired
    FiscalYearService fiscalYears;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theWholeProvinceAllOrNothingOrWhatFitsAndARepeatSkipsEveryDesa() {
        ensureOpen(fiscalYears, PROVINCE_YEAR, PAGU);
        List<Map<String, Object>> perKecamatan = jdbc.queryForList("""
                select k.code, count(d.code) as desa from kecamatan k
                join desa d on d.kecamatan_code = k.code and d.type = 'DESA'
                group by k.code order by k.code""");
        int desaOfProvince = perKecamatan.stream().mapToInt(row -> ((Number) row.get("desa")).intValue()).sum();
        List<String> tooMany = perKecamatan.stream().filter(row -> ((Number) row.get("desa")).intValue() > 20)
                .map(row -> (String) row.get("code")).toList();
        assertThat(tooMany).as("kecamatan with more than 20 desa lack money for Rp 100 juta each").isNotEmpty();

        // all or nothing (the default): the short kecamatan refuse the whole run, nothing is written
        PerDesaShortfallException refused = catchThrowableOfType(PerDesaShortfallException.class,
                () -> asAdmin(() -> perDesa.allocate(province(false, false))));
        assertThat(refused.shortfalls()).extracting(EnvelopeShortfall::kecamatanCode)
                .containsExactlyElementsOf(tooMany);
        assertThat(rows(PROVINCE_YEAR)).isZero();

        // only what fits: every other kecamatan is written, the short ones are listed with what they lack
        PerDesaResult written = asAdmin(() -> perDesa.allocate(province(false, true)));
        int desaOfShort = perKecamatan.stream().filter(row -> tooMany.contains(row.get("code")))
                .mapToInt(row -> ((Number) row.get("desa")).intValue()).sum();
        assertThat(written.allocations()).isEqualTo(desaOfProvince - desaOfShort);
        assertThat(written.kecamatan()).isEqualTo(perKecamatan.size() - tooMany.size());
        assertThat(written.total()).isEqualByComparingTo(BKBK.multiply(BigDecimal.valueOf(written.allocations())));
        assertThat(written.written()).hasSize(written.kecamatan());
        assertThat(written.notFitting()).extracting(EnvelopeShortfall::kecamatanCode).containsExactlyElementsOf(tooMany);
        EnvelopeShortfall first = written.notFitting().get(0);
        assertThat(first.lacking()).isEqualByComparingTo(first.required().subtract(PAGU));
        assertThat(rows(PROVINCE_YEAR)).isEqualTo(written.allocations());
        tooMany.forEach(code -> assertThat(allocated(jdbc, PROVINCE_YEAR, code)).isZero());
        assertThat(jdbc.queryForObject("select count(*) from envelope where fiscal_year = ? and allocated > pagu",
                Integer.class, PROVINCE_YEAR)).isZero();

        // the same run again: every desa that got the BKBK is skipped and listed, nothing new is written
        PerDesaResult again = asAdmin(() -> perDesa.allocate(province(false, true)));
        assertThat(again.allocations()).isZero();
        assertThat(again.skipped()).hasSize(written.allocations());
        assertThat(rows(PROVINCE_YEAR)).isEqualTo(written.allocations());
    }

    @Test
    void aDesaThatHoldsTheProgrammeIsSkippedUnlessIncluded() {
        ensureOpen(fiscalYears, SKIP_YEAR, PAGU);
        String kecamatan = "15.03.01";
        List<String> desa = jdbc.queryForList("select code from desa where kecamatan_code = ? order by code",
                String.class, kecamatan);
        String holding = desa.get(0);
        String otherProgramme = desa.get(1);
        asAdmin(() -> allocations.create(new NewAllocation(SKIP_YEAR, kecamatan, "DP3AP2", "BKBK-DESA",
                Mechanism.BANTUAN_KEUANGAN_DESA, holding, "BKBK tahap awal", juta(10), 3)));
        asAdmin(() -> allocations.create(new NewAllocation(SKIP_YEAR, kecamatan, "DISDIK", "BANTUAN-PENDIDIKAN",
                Mechanism.BANTUAN_KEUANGAN_DESA, otherProgramme, "Bantuan lain", juta(10), 3)));

        PerDesaResult result = asAdmin(() -> perDesa.allocate(kecamatan(kecamatan, false)));

        assertThat(result.skipped()).extracting(PerDesaResult.Skipped::desaCode).containsExactly(holding);
        assertThat(result.allocations()).isEqualTo(desa.size() - 1);
        assertThat(result.written()).singleElement().satisfies(w -> {
            assertThat(w.kecamatanCode()).isEqualTo(kecamatan);
            assertThat(w.allocations()).isEqualTo(desa.size() - 1);
        });
        assertThat(bkbkOf(holding)).isEqualTo(1);
        assertThat(bkbkOf(otherProgramme)).isEqualTo(1);

        PerDesaResult included = asAdmin(() -> perDesa.allocate(kecamatan(kecamatan, true)));
        assertThat(included.skipped()).isEmpty();
        assertThat(included.allocations()).isEqualTo(desa.size());
        assertThat(bkbkOf(holding)).isEqualTo(2);
    }

    private static PerDesaAllocation province(boolean includeExisting, boolean fitOnly) {
        return new PerDesaAllocation(PROVINCE_YEAR, null, null, true, true, "DP3AP2", "BKBK-DESA", "BKBK", BKBK, 4,
                includeExisting, fitOnly);
    }

    private static PerDesaAllocation kecamatan(String code, boolean includeExisting) {
        return new PerDesaAllocation(SKIP_YEAR, code, null, false, false, "DP3AP2", "BKBK-DESA", "BKBK", juta(1), 4,
                includeExisting, false);
    }

    private int rows(int year) {
        return jdbc.queryForObject("select count(*) from allocation where fiscal_year = ?", Integer.class, year);
    }

    private int bkbkOf(String desaCode) {
        return jdbc.queryForObject("""
                select count(*) from allocation
                where fiscal_year = ? and desa_code = ? and programme_code = 'BKBK-DESA' and status = 'ACTIVE'""",
                Integer.class, SKIP_YEAR, desaCode);
    }
}
