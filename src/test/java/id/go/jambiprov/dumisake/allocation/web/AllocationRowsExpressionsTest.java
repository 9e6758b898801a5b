package id.go.jambiprov.dumisake.allocation.web;

import id.go.jambiprov.dumisake.MessageBundles;
import id.go.jambiprov.dumisake.allocation.AllocationRow;
import id.go.jambiprov.dumisake.allocation.AllocationStatus;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.Mechanism;
import id.go.jambiprov.dumisake.programme.Pillar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The allocation table's rows as HTML, from the list's rows and from the dashboards' views alike. */
class AllocationRowsExpressionsTest {

    private final AllocationRowsExpressions.Rows rows = new AllocationRowsExpressions.Rows(MessageBundles.of("messages"));

    @AfterEach
    void language() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aRowReadsWithItsLabelsAmountsLinkAndBadge() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("id"));
        AllocationRow row = new AllocationRow(1795, "Gunung Raya", "DISDIK", "Beasiswa", Mechanism.BELANJA_OPD, null,
                "Beasiswa miskin", new BigDecimal("150000000.00"), new BigDecimal("1500.50"), 4,
                AllocationStatus.ACTIVE);

        assertThat(rows.html(List.of(row), "/alokasi/", true)).isEqualTo("""
                <tr id="allocation-1795"><td><a href="/alokasi/1795">1795</a></td><td>Gunung Raya</td>\
                <td>DISDIK</td><td><span class="cell-clip" title="Beasiswa">Beasiswa</span> \
                <span class="small cell-clip" title="Belanja OPD">Belanja OPD</span></td>\
                <td><a class="cell-clip cell-clip-wide" href="/alokasi/1795" title="Beasiswa miskin">Beasiswa miskin</a></td>\
                <td class="text-end text-nowrap">Rp 150.000.000</td><td class="text-end text-nowrap">Rp 1.500,50</td>\
                <td>April</td><td><span class="badge text-bg-success">Aktif</span></td></tr>
                """);
    }

    @Test
    void aDashboardsViewReadsAsTheListsRowInThePagesLanguageWithoutItsKecamatan() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        AllocationView view = new AllocationView(7, 2026, "15.01.01", "Gunung Raya", "15.01", "Kabupaten Kerinci",
                "DISDIK", "Dinas Pendidikan", "BEASISWA", "Beasiswa", Pillar.CERDAS, Mechanism.BELANJA_OPD, "15.01.01.2001",
                "Desa Satu", "Beasiswa miskin", new BigDecimal("2000000"), 12, AllocationStatus.CANCELLED,
                BigDecimal.ZERO, BigDecimal.ZERO, "salah", null, "admin", null, "admin", 3);

        String html = rows.html(List.of(view), "/app/alokasi/", false);

        assertThat(html).startsWith("<tr id=\"allocation-7\"><td><a href=\"/app/alokasi/7\">7</a></td><td>DISDIK</td>")
                .doesNotContain("Gunung Raya")
                .contains("title=\"Agency spending\">Agency spending</span>",
                        "Beasiswa miskin</a> <span class=\"small d-block\">Desa Satu</span></td>",
                        "<td class=\"text-end text-nowrap\">Rp 2.000.000</td><td class=\"text-end text-nowrap\">Rp 0</td>",
                        "<td>December</td>", "<span class=\"badge text-bg-secondary\">Cancelled</span>");
    }

    @Test
    void whatAPersonTypedIsEscapedInTextsAndAttributes() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("id"));
        AllocationRow row = new AllocationRow(9, "Kec <b>", "DISDIK", "Prog \"x\" & 'y'", Mechanism.BELANJA_OPD,
                "<script>alert(1)</script>", "Judul\" onmouseover=\"alert(1)", BigDecimal.ONE, BigDecimal.ZERO, 1,
                AllocationStatus.ACTIVE);

        String html = rows.html(List.of(row), "/alokasi/", true);

        assertThat(html).doesNotContain("<script>", "<b>", "\" onmouseover")
                .contains("<td>Kec &lt;b&gt;</td>", "title=\"Prog &quot;x&quot; &amp; &#39;y&#39;\"",
                        "&lt;script&gt;alert(1)&lt;/script&gt;", "title=\"Judul&quot; onmouseover=&quot;alert(1)\"");
    }
}
