package id.go.jambiprov.dumisake.allocation;

import id.go.jambiprov.dumisake.account.SignedIn;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.shared.SystemAuthentication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The allocation form as an administrator sends it, right and wrong. Fiscal year 2046 belongs to this class. */
@SpringBootTest
@AutoConfigureMockMvc
class AllocationFormTest {

    private static final int YEAR = 2046;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FiscalYearService fiscalYears;

    @BeforeEach
    void openYear() {
        SystemAuthentication.run(() -> {
            if (fiscalYears.all().stream().noneMatch(y -> y.year() == YEAR)) {
                fiscalYears.open(YEAR, new BigDecimal("2000000000.00"));
            }
        });
    }

    @Test
    void aValidFormIsSavedAndLeadsToTheKecamatan() throws Exception {
        mvc.perform(form("15.01.06", "Rp 25.000.000"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/tahun-anggaran/" + YEAR + "/kecamatan/15.01.06"));
        assertThat(jdbc.queryForObject("""
                        select title || '|' || amount from allocation where fiscal_year = ? and kecamatan_code = ?""",
                String.class, YEAR, "15.01.06")).isEqualTo("Beasiswa siswa miskin|25000000.00");
    }

    @Test
    void moreThanTheEnvelopeHoldsIsRefusedOnTheFormWithWhatIsLeft() throws Exception {
        mvc.perform(form("15.01.07", "2.000.000.001"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "Sisa pagu Kecamatan Batang Merangin tahun " + YEAR + " hanya Rp 2.000.000.000")));
        assertThat(allocations("15.01.07")).isZero();
    }

    @Test
    void senAreRefusedAtTheAmountFieldWhichIsMarkedInvalid() throws Exception {
        String page = mvc.perform(form("15.01.08", "10.000.000,50"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        Matcher amountField = Pattern.compile("<input[^>]*id=\"amount\"[^>]*>").matcher(page);
        assertThat(amountField.find()).isTrue();
        assertThat(amountField.group()).contains("aria-invalid=\"true\"", "aria-describedby=\"amount-error\"",
                "is-invalid");
        assertThat(page).contains("id=\"amount-error\">Alokasi dan pagu dalam rupiah penuh, tanpa sen: "
                + "Rp 10.000.000,50 tidak dapat disimpan.</div>").doesNotContain("id=\"form-errors\"");
        assertThat(allocations("15.01.08")).isZero();
    }

    @Test
    void aPaguWithSenIsRefusedUnderItsFieldAndChangesNothing() throws Exception {
        long version = jdbc.queryForObject("select version from fiscal_year where year = ?", Long.class, YEAR);
        mvc.perform(post("/tahun-anggaran/{year}/pagu", YEAR).with(user(SignedIn.ADMIN)).with(csrf())
                        .param("pagu", "Rp 2.500.000.000,50").param("version", String.valueOf(version)))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("paguError",
                        "Alokasi dan pagu dalam rupiah penuh, tanpa sen: Rp 2.500.000.000,50 tidak dapat disimpan."))
                .andExpect(flash().attribute("errorYear", YEAR));
        assertThat(jdbc.queryForObject("select count(*) from envelope where fiscal_year = ? and pagu <> 2000000000",
                Integer.class, YEAR)).isZero();
    }

    @Test
    void aPaguBelowWhatKecamatanHoldIsRefusedWithATableOfThem() throws Exception {
        mvc.perform(form("15.01.05", "Rp 30.000.000")).andExpect(status().isFound());
        long version = jdbc.queryForObject("select version from fiscal_year where year = ?", Long.class, YEAR);
        mvc.perform(post("/tahun-anggaran/{year}/pagu", YEAR).with(user(SignedIn.ADMIN)).with(csrf())
                        .param("pagu", "Rp 1.000.000").param("version", String.valueOf(version)))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("paguError", containsString("kecamatan sudah dialokasikan lebih dari itu")))
                .andExpect(flash().attribute("paguOver", hasItem(hasEntry("kecamatanCode", "15.01.05"))));
        assertThat(jdbc.queryForObject("select count(*) from envelope where fiscal_year = ? and pagu <> 2000000000",
                Integer.class, YEAR)).isZero();
    }

    @Test
    void anUnknownKecamatanIsRefusedOnTheFormNotAsAMissingPage() throws Exception {
        mvc.perform(form("15.01.03", "Rp 25.000.000"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "Kecamatan dengan kode 15.01.03 tidak ditemukan.")));
        assertThat(allocations("15.01.03")).isZero();
    }

    private MockHttpServletRequestBuilder form(String kecamatan, String amount) {
        return post("/alokasi").with(user(SignedIn.ADMIN)).with(csrf())
                .param("year", String.valueOf(YEAR)).param("kecamatanCode", kecamatan).param("opdCode", "DISDIK")
                .param("programmeCode", "BANTUAN-PENDIDIKAN").param("mechanism", "BELANJA_OPD")
                .param("desaCode", "").param("title", "  Beasiswa siswa miskin  ").param("amount", amount)
                .param("plannedMonth", "5");
    }

    private int allocations(String kecamatan) {
        return jdbc.queryForObject("select count(*) from allocation where fiscal_year = ? and kecamatan_code = ?",
                Integer.class, YEAR, kecamatan);
    }
}
