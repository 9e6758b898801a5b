package id.go.jambiprov.dumisake.targeting;

import com.jayway.jsonpath.JsonPath;
import id.go.jambiprov.dumisake.StatementCounter;
import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.account.SignedIn;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.allocation.NewAllocation;
import id.go.jambiprov.dumisake.beneficiary.Beneficiaries;
import id.go.jambiprov.dumisake.dashboard.Dashboards;
import id.go.jambiprov.dumisake.dashboard.RegionRow;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The targeting figures on the demo year 2026, with BPS figures of March 2026 written here where none is
 * chosen yet (each test rolls back): they reconcile with the dashboard and the aid table, a figure not
 * published stays missing everywhere, and the page costs a fixed number of statements.
 */
@SpringBootTest(properties = "dumisake.web.fragment-cache-ttl=PT0S")
@AutoConfigureMockMvc
@Import(StatementCounter.class)
@Transactional
class TargetingIntegrationTest {

    private static final int YEAR = 2026;
    /** The follow-up list's own year: no other test gives aid in it. */
    private static final int FOLLOW_UP_YEAR = 2074;
    /** Kota Sungai Penuh: its March 2026 figures are removed, to be the region BPS has not published. */
    private static final String UNPUBLISHED = "15.72";

    @Autowired
    MockMvc mvc;
    @Autowired
    StatementCounter statements;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Targeting targeting;
    @Autowired
    Dashboards dashboards;
    @Autowired
    FiscalYearService fiscalYears;
    @Autowired
    Allocations allocations;
    @Autowired
    Beneficiaries beneficiaries;

    @BeforeEach
    void marchFiguresExceptOneRegion() {
        for (String indicator : List.of("POVERTY_RATE", "POOR_PEOPLE")) {
            jdbc.update("""
                    insert into poverty_figure (region_code, year, period, indicator, value, source, chosen, created_by, updated_by)
                    select r.code, ?, 'MARET', ?, case when ? = 'POVERTY_RATE' then 5 + length(r.code) else 20000 + 1000 * length(r.code) end,
                           'uji', true, 'uji', 'uji'
                    from (select code from kabupaten_kota union all select '15') r
                    where not exists (select 1 from poverty_figure f where f.region_code = r.code and f.year = ?
                                      and f.period = 'MARET' and f.indicator = ? and f.chosen)""",
                    YEAR, indicator, indicator, YEAR, indicator);
        }
        jdbc.update("delete from poverty_figure where region_code = ? and year = ?", UNPUBLISHED, YEAR);
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void realisedPerPoorPersonIsTheDashboardsRealisedOverTheChosenBpsCount() {
        for (DumisakeUser viewer : List.of(SignedIn.EXPERT, SignedIn.OPERATOR_DINKES)) {
            SignedIn.as(viewer);
            Map<String, RegionRow> dashboard = dashboards.byKabupatenKota(YEAR).stream()
                    .collect(Collectors.toMap(RegionRow::code, Function.identity()));
            TargetingOverview overview = targeting.overview(YEAR, null);
            assertThat(overview.regions()).hasSize(11);
            for (RegionTargeting region : overview.regions()) {
                RegionRow row = dashboard.get(region.code());
                assertThat(region.allocated()).as(region.code()).isEqualByComparingTo(row.figures().allocated());
                assertThat(region.realised()).as(region.code()).isEqualByComparingTo(row.figures().realised());
                Long poor = chosenPoorPeople(region.code());
                assertThat(region.poorPeople()).isEqualTo(poor);
                if (poor == null) {
                    assertThat(region.realisedPerPoorPerson()).isNull();
                } else {
                    assertThat(region.realisedPerPoorPerson()).as(region.code()).isEqualByComparingTo(
                            row.figures().realised().divide(BigDecimal.valueOf(poor), 0, RoundingMode.HALF_UP));
                }
            }
            BigDecimal provinceRealised = dashboards.summary(YEAR, null).figures().realised();
            assertThat(overview.province().realised()).isEqualByComparingTo(provinceRealised);
            assertThat(overview.province().realisedPerPoorPerson()).isEqualByComparingTo(
                    provinceRealised.divide(BigDecimal.valueOf(chosenPoorPeople("15")), 0, RoundingMode.HALF_UP));
        }
    }

    @Test
    void theDecilesAddUpToTheActiveAidOfTheYearPerProgrammeAndPerKabupatenKota() {
        SignedIn.as(SignedIn.EXPERT);
        BigDecimal total = jdbc.queryForObject(
                "select sum(amount) from aid where fiscal_year = ? and status <> 'CANCELLED'", BigDecimal.class, YEAR);
        assertThat(total).isPositive();

        TargetingOverview byProgramme = targeting.overview(YEAR, null, DecileBreakdown.PROGRAMME);
        assertThat(sum(byProgramme.deciles())).isEqualByComparingTo(total);
        assertThat(byProgramme.deciles()).hasSize(11);
        assertThat(byProgramme.deciles().stream().map(DecileShare::share).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isCloseTo(new BigDecimal("100"), org.assertj.core.data.Offset.offset(new BigDecimal("0.06")));
        assertThat(byProgramme.deciles().get(10).decile()).as("the last row is 'tanpa desil'").isNull();
        Map<String, BigDecimal> perProgramme = sums("programme_code", "");
        assertThat(byProgramme.groups()).hasSize(perProgramme.size());
        byProgramme.groups().forEach(group ->
                assertThat(group.amount()).as(group.code()).isEqualByComparingTo(perProgramme.get(group.code())));

        TargetingOverview byRegion = targeting.overview(YEAR, null, DecileBreakdown.KABUPATEN_KOTA);
        Map<String, BigDecimal> perRegion = sums("left(d.kecamatan_code, 5)",
                " join beneficiary b on b.id = x.beneficiary_id join desa d on d.code = b.desa_code");
        assertThat(byRegion.groups()).hasSize(perRegion.size());
        byRegion.groups().forEach(group ->
                assertThat(group.amount()).as(group.code()).isEqualByComparingTo(perRegion.get(group.code())));
        assertThat(byRegion.groups().stream().map(DecileGroup::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(total);

        String someRegion = byRegion.groups().get(0).code();
        assertThat(sum(targeting.overview(YEAR, someRegion).deciles())).isEqualByComparingTo(perRegion.get(someRegion));
    }

    @Test
    void aFigureNotPublishedStaysMissingInTheApiAndOnThePage() throws Exception {
        mvc.perform(get("/api/v1/dashboard/targeting").param("year", "2026").with(user(SignedIn.EXPERT)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.regions[?(@.code == '15.72')].povertyRate").value(org.hamcrest.Matchers.contains(nullValue())))
                .andExpect(jsonPath("$.regions[?(@.code == '15.72')].poorPeople").value(org.hamcrest.Matchers.contains(nullValue())))
                .andExpect(jsonPath("$.regions[?(@.code == '15.72')].realisedPerPoorPerson").value(org.hamcrest.Matchers.contains(nullValue())))
                .andExpect(jsonPath("$.regions[?(@.code == '15.72')].coverage").value(org.hamcrest.Matchers.contains(nullValue())))
                .andExpect(jsonPath("$.regions[?(@.code == '15.01')].povertyRate").value(org.hamcrest.Matchers.contains(org.hamcrest.Matchers.notNullValue())))
                .andExpect(jsonPath("$.province.code").value("15"))
                .andExpect(jsonPath("$.deciles.length()").value(11));

        String page = mvc.perform(get("/sasaran-kemiskinan").param("year", "2026").with(user(SignedIn.EXPERT)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String row = page.substring(page.indexOf("id=\"targeting-15.72\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("data belum tersedia").doesNotContain("0,00%").contains("–");

        // the page names the years the trend (the API's, with the money) has without a P0, read without the money
        String trend = mvc.perform(get("/api/v1/dashboard/targeting/trend").with(user(SignedIn.EXPERT)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Integer> missing = JsonPath.read(trend, "$[?(@.code == '15.72')].years[?(@.povertyRate == null)].year");
        String item = page.substring(page.indexOf("<li data-code=\"15.72\">"));
        item = item.substring(0, item.indexOf("</li>"));
        assertThat(missing).isNotEmpty();
        assertThat(item).endsWith(": " + missing.stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }

    /**
     * In a fiscal year of its own (nobody else's aid there), in the first desa of a fresh kecamatan, DINKES gives
     * aid to a person of decile 3 and one without a decile, and two people of deciles 1 and 2 get nothing.
     */
    @Test
    void expertsSeeTheFollowUpListWithMaskedNiksAndOperatorsOnlyTheirOpdsPeople() throws Exception {
        SignedIn.as(SignedIn.ADMIN);
        fiscalYears.open(FOLLOW_UP_YEAR, new BigDecimal("2000000000.00"));
        String kecamatan = jdbc.queryForObject(
                "select code from kecamatan where code like '15.04.%' order by code limit 1", String.class);
        String desa = jdbc.queryForObject(
                "select code from desa where kecamatan_code = ? order by code limit 1", String.class, kecamatan);
        String programme = jdbc.queryForObject(
                "select programme_code from allocation where opd_code = 'DINKES' and mechanism = 'BELANJA_OPD' order by id limit 1", String.class);
        long allocation = allocations.importAll(List.of(new NewAllocation(FOLLOW_UP_YEAR, kecamatan, "DINKES",
                programme, Mechanism.BELANJA_OPD, null, "Paket gizi keluarga (uji sasaran)",
                new BigDecimal("100000000"), 3))).get(0).id();
        SignedIn.as(SignedIn.OPERATOR_DINKES);
        Integer[] deciles = {1, 2, 3, null};
        String[] niks = new String[deciles.length];
        for (int n = 1; n <= deciles.length; n++) {
            // born on the n-th of May 1987 (women: day + 40), serial 8800 + n: apart from the demo people
            niks[n - 1] = kecamatan.replace(".", "") + "%02d".formatted(n + (n % 2 == 0 ? 40 : 0)) + "0587"
                    + "%04d".formatted(8800 + n);
            beneficiaries.register(niks[n - 1], "Uji Tindak Lanjut " + n, desa, "Alamat uji No. " + n, deciles[n - 1]);
            if (n > 2) {
                beneficiaries.recordAid(allocation, niks[n - 1], new BigDecimal("750000"),
                        LocalDate.of(FOLLOW_UP_YEAR, 3, n), "Paket gizi keluarga");
            }
        }
        SignedIn.nobody();

        String year = String.valueOf(FOLLOW_UP_YEAR);
        mvc.perform(get("/sasaran-kemiskinan").param("year", year).with(user(SignedIn.EXPERT)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Uji Tindak Lanjut 1")))
                .andExpect(content().string(containsString("Uji Tindak Lanjut 2")))
                .andExpect(content().string(containsString(niks[0].substring(0, 4) + "************")))
                .andExpect(content().string(not(containsString(niks[0]))))
                .andExpect(content().string(not(containsString("Uji Tindak Lanjut 3"))))
                .andExpect(content().string(not(containsString("Uji Tindak Lanjut 4"))))
                .andExpect(content().string(containsString("Orang ke-1 sampai ke-2")))
                .andExpect(content().string(not(containsString("id=\"follow-up-more\""))));
        // a page past the list's end (an old link) and one before its start are its first page
        for (String page : List.of("3", "-1", "25")) {
            mvc.perform(get("/sasaran-kemiskinan").param("year", year).param("page", page).with(user(SignedIn.EXPERT)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Uji Tindak Lanjut 1")))
                    .andExpect(content().string(containsString("Orang ke-1 sampai ke-2")));
        }
        mvc.perform(get("/sasaran-kemiskinan").param("year", year).with(user(SignedIn.OPERATOR_DISDIK)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Uji Tindak Lanjut 1"))));
        mvc.perform(get("/sasaran-kemiskinan").param("year", year).with(user(SignedIn.OPERATOR_DINKES)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Uji Tindak Lanjut 2")));

        // 51 more of decile 1 in that desa: 53 people, two pages of 50
        SignedIn.as(SignedIn.OPERATOR_DINKES);
        for (int n = 1; n <= 51; n++) {
            beneficiaries.register(kecamatan.replace(".", "") + "%02d".formatted(n % 28 + 1) + "0688"
                    + "%04d".formatted(8900 + n), "Uji Halaman %02d".formatted(n), desa, "Alamat uji No. " + n, 1);
        }
        SignedIn.nobody();
        String first = mvc.perform(get("/sasaran-kemiskinan").param("year", year).with(user(SignedIn.EXPERT)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(first).contains("Orang ke-1 sampai ke-50", "Uji Halaman 01", "Uji Halaman 50", "page=1")
                .doesNotContain("Uji Halaman 51", "Uji Tindak Lanjut 2");
        String second = mvc.perform(get("/sasaran-kemiskinan").param("year", year).param("page", "1")
                        .with(user(SignedIn.EXPERT)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(second).contains("Orang ke-51 sampai ke-53", "Uji Halaman 51", "Uji Tindak Lanjut 1",
                "Uji Tindak Lanjut 2", "page=0").doesNotContain("Uji Halaman 50");
    }

    @Test
    void aBadYearIsRefusedAndAnUnknownRegionIsNotFound() throws Exception {
        mvc.perform(get("/api/v1/dashboard/targeting").param("year", "1999").with(user(SignedIn.EXPERT)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("YEAR_INVALID"));
        mvc.perform(get("/api/v1/dashboard/targeting").param("year", "dua").with(user(SignedIn.EXPERT)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/dashboard/targeting").param("year", "2026").param("kabupatenKota", "15.99")
                .with(user(SignedIn.EXPERT))).andExpect(status().isNotFound());
        mvc.perform(get("/sasaran-kemiskinan").param("year", "1990").with(user(SignedIn.EXPERT)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theExportsAndThePdfKeepAMissingFigureMissing() throws Exception {
        String csv = mvc.perform(get("/ekspor/sasaran-kemiskinan/wilayah.csv").param("year", "2026")
                        .with(user(SignedIn.EXPERT)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(13);
        assertThat(lines.get(0)).startsWith("Kode,Nama,P0 (%)");
        String sungaiPenuh = lines.stream().filter(line -> line.startsWith(UNPUBLISHED + ",")).findFirst().orElseThrow();
        assertThat(sungaiPenuh.split(",", -1)[2]).as("P0 not published: an empty cell, not 0").isEmpty();
        assertThat(sungaiPenuh.split(",", -1)[7]).as("no rupiah per poor person without poor people").isEmpty();
        assertThat(lines.get(12)).startsWith("15,Provinsi Jambi,");

        mvc.perform(get("/ekspor/sasaran-kemiskinan/desil.xlsx").param("year", "2026").param("by", "OPD")
                        .with(user(SignedIn.EXPERT)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string(
                        "Content-Disposition", containsString("dumisake-sasaran-kemiskinan-desil-2026.xlsx")));
        mvc.perform(get("/ekspor/sasaran-kemiskinan/lain.csv").param("year", "2026").with(user(SignedIn.EXPERT)))
                .andExpect(status().isNotFound());

        byte[] pdf = mvc.perform(get("/ekspor/laporan-realisasi.pdf").param("year", "2026").with(user(SignedIn.EXPERT)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Sasaran kemiskinan per kabupaten/kota", "Kota Sungai Penuh data belum tersedia",
                    "Sumber: BPS, Susenas Maret 2026");
        }
    }

    @Test
    void thePageCostsTheSameStatementsForAFullAndAnEmptyYear() throws Exception {
        jdbc.update("""
                insert into poverty_figure (region_code, year, period, indicator, value, source, chosen, created_by, updated_by)
                values ('15', 2001, 'MARET', 'POVERTY_RATE', 20.1, 'uji', true, 'uji', 'uji')""");
        statements.statementsOf(mvc, "/sasaran-kemiskinan?year=2001");
        int full = statements.statementsOf(mvc, "/sasaran-kemiskinan?year=2026");
        int empty = statements.statementsOf(mvc, "/sasaran-kemiskinan?year=2001");
        assertThat(full).isEqualTo(empty).isLessThanOrEqualTo(10);
        assertThat(statements.statementsOf(mvc, "/api/v1/dashboard/targeting?year=2026")).isLessThanOrEqualTo(3);
    }


    private Long chosenPoorPeople(String region) {
        return jdbc.query("""
                        select value from poverty_figure where region_code = ? and year = ? and period = 'MARET'
                        and indicator = 'POOR_PEOPLE' and chosen""",
                (rs, n) -> rs.getBigDecimal(1).setScale(0, RoundingMode.HALF_UP).longValue(), region, YEAR)
                .stream().findFirst().orElse(null);
    }

    private Map<String, BigDecimal> sums(String key, String joins) {
        return jdbc.query("select " + key + " as k, sum(x.amount) from aid x" + joins
                        + " where x.fiscal_year = ? and x.status <> 'CANCELLED' group by 1",
                (rs, n) -> Map.entry(rs.getString(1), rs.getBigDecimal(2)), YEAR).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static BigDecimal sum(List<DecileShare> deciles) {
        return deciles.stream().map(DecileShare::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
