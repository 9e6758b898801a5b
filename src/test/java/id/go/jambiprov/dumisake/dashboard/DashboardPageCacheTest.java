package id.go.jambiprov.dumisake.dashboard;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.account.Role;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.allocation.NewAllocation;
import id.go.jambiprov.dumisake.allocation.internal.AllocationService;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.shared.SystemAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The rendered dashboard figures are shared between viewers of the same scope, but never outlive a write:
 * money allocated through the application shows on the very next view, and an operator never gets the
 * figures rendered for the whole province (or for another OPD).
 */
@SpringBootTest
@AutoConfigureMockMvc
class DashboardPageCacheTest {

    private static final int YEAR = 2062;
    private static final DumisakeUser EXPERT = new DumisakeUser("ahli", "Tim Ahli", Role.EXPERT, null, true, "x");
    private static final DumisakeUser DISDIK = new DumisakeUser("op-disdik", "Operator", Role.OPD_OPERATOR, "DISDIK",
            true, "x");
    private static final DumisakeUser DINKES = new DumisakeUser("op-dinkes", "Operator", Role.OPD_OPERATOR, "DINKES",
            true, "x");

    @Autowired
    MockMvc mvc;

    @Autowired
    FiscalYearService fiscalYears;

    @Autowired
    AllocationService allocations;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aWriteShowsOnTheNextViewAndEveryScopeGetsItsOwnFigures() throws Exception {
        SystemAuthentication.run(() -> {
            if (jdbc.queryForObject("select count(*) from fiscal_year where year = ?", Integer.class, YEAR) == 0) {
                fiscalYears.open(YEAR, new BigDecimal("2000000000"));
            }
        });
        String before = page(EXPERT, "/dasbor?year=" + YEAR);
        assertThat(before).contains("id=\"summary-allocated\">Rp 0<");
        assertThat(before).as("the kabupaten/kota to filter by").contains("<option value=\"15.01\"");
        assertThat(page(EXPERT, "/dasbor/kecamatan/15.01.01?year=" + YEAR)).doesNotContain("Bantuan perlengkapan sekolah");

        SystemAuthentication.run(() -> allocations.create(new NewAllocation(YEAR, "15.01.01", "DISDIK",
                "BANTUAN-PENDIDIKAN", Mechanism.BELANJA_OPD, null, "Bantuan perlengkapan sekolah",
                new BigDecimal("25000000"), 6)));

        assertThat(page(EXPERT, "/dasbor?year=" + YEAR)).contains("id=\"summary-allocated\">Rp 25.000.000<");
        assertThat(page(EXPERT, "/dasbor/kecamatan/15.01.01?year=" + YEAR)).contains("Bantuan perlengkapan sekolah");
        assertThat(page(DISDIK, "/dasbor?year=" + YEAR)).contains("id=\"summary-allocated\">Rp 25.000.000<");
        assertThat(page(DINKES, "/dasbor?year=" + YEAR)).contains("id=\"summary-allocated\">Rp 0<");
        assertThat(page(DINKES, "/dasbor/kecamatan/15.01.01?year=" + YEAR))
                .doesNotContain("Bantuan perlengkapan sekolah");
        assertThat(page(EXPERT, "/dasbor?year=" + YEAR + "&lang=en")).contains("Realised");
    }

    /**
     * A kecamatan's table is kept per paging as parsed: a made-up sort ({@code a1}, {@code a2} …), a page
     * past the end or an odd size lands on an entry of the real pages, instead of making new entries until
     * the cache is flushed for everyone. A title changed behind the application's back shows only in a
     * rendering made after it, which tells which views were served from the kept one.
     */
    @Test
    void madeUpPagingOfAKecamatanTableServesTheKeptRenderingOfARealPage() throws Exception {
        int year = YEAR + 1;
        SystemAuthentication.run(() -> {
            if (jdbc.queryForObject("select count(*) from fiscal_year where year = ?", Integer.class, year) == 0) {
                fiscalYears.open(year, new BigDecimal("2000000000"));
            }
            allocations.create(new NewAllocation(year, "15.01.01", "DISDIK", "BANTUAN-PENDIDIKAN",
                    Mechanism.BELANJA_OPD, null, "Seragam sekolah", new BigDecimal("5000000"), 6));
        });
        String url = "/dasbor/kecamatan/15.01.01?year=" + year;
        String kept = table(page(EXPERT, url));
        assertThat(kept).contains("Seragam sekolah");
        String sorted = table(page(EXPERT, url + "&sort=amount,desc"));
        jdbc.update("update allocation set title = 'Seragam diganti diam-diam' where fiscal_year = ?", year);

        for (String odd : List.of("&sort=a1", "&sort=a2", "&sort=a3,desc", "&page=0", "&page=7", "&page=99999",
                "&size=7", "&size=2000", "&page=-1&size=0", "&sort=id,asc&sort=a4", "&x=1")) {
            assertThat(table(page(EXPERT, url + odd))).as(odd).isEqualTo(kept);
        }
        assertThat(table(page(EXPERT, url + "&sort=amount,desc&sort=a5"))).isEqualTo(sorted);
        assertThat(table(page(EXPERT, url + "&sort=title,asc"))).as("a real sort renders anew")
                .contains("Seragam diganti diam-diam").doesNotContain("a5");
    }

    /** The kept allocation table of a kecamatan page, without the page's own (not kept) parts. */
    private static String table(String html) {
        int start = html.indexOf("<table");
        return html.substring(start, html.indexOf("</table>", start));
    }

    private String page(DumisakeUser viewer, String url) throws Exception {
        return mvc.perform(get(url).with(user(viewer))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
