package id.go.jambiprov.dumisake.targeting.web;

import id.go.jambiprov.dumisake.MessageBundles;
import id.go.jambiprov.dumisake.targeting.FollowUpPerson;
import id.go.jambiprov.dumisake.targeting.PovertyRateGaps;
import id.go.jambiprov.dumisake.targeting.RegionTargeting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The targeting page's kabupaten/kota table and list of years without a P0, as HTML. */
class TargetingHtmlExpressionsTest {

    private final TargetingHtmlExpressions.Rows html = new TargetingHtmlExpressions.Rows(MessageBundles.of("messages", "i18n/targeting"));

    @AfterEach
    void language() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aRegionReadsWithItsLinkFiguresRupiahAndCoverage() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("id"));
        RegionTargeting merangin = new RegionTargeting("15.02", "Kabupaten Merangin", new BigDecimal("8.40"),
                new BigDecimal("8.70"), 33_490L, new BigDecimal("1250000000.00"), new BigDecimal("334900000.00"), 3_349);

        assertThat(html.rows(List.of(merangin), "/dasbor?year=2026")).isEqualTo("""
                <tr id="targeting-15.02"><th scope="row">\
                <a href="/dasbor?year=2026&amp;kabupatenKota=15.02">Kabupaten Merangin</a></th>\
                <td>8,40%</td><td>-0,30 poin</td>\
                <td>33.490</td><td>Rp 1.250.000.000</td>\
                <td>Rp 334.900.000</td><td>Rp 10.000</td>\
                <td>3.349</td><td>10,00%</td></tr>
                """);
    }

    @Test
    void aFigureNotPublishedSaysSoInThePagesLanguageAndARatioWithoutItIsADash() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        RegionTargeting kerinci = new RegionTargeting("15.01", "Kabupaten <Kerinci>", null, new BigDecimal("7.10"),
                null, BigDecimal.ZERO, BigDecimal.ZERO, 0);

        assertThat(html.cells(kerinci)).isEqualTo("""
                <td class="missing">data not yet available</td>\
                <td>–</td>\
                <td class="missing">data not yet available</td>\
                <td>Rp 0</td><td>Rp 0</td>\
                <td>–</td><td>0</td>\
                <td>–</td>""");
        assertThat(html.rows(List.of(kerinci), "/dasbor?year=2026")).contains(">Kabupaten &lt;Kerinci&gt;</a>");
    }

    @Test
    void aRiseIsSignedAndEachRegionNamesItsYearsWithoutAP0() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("id"));
        RegionTargeting rise = new RegionTargeting("15.71", "Kota Jambi", new BigDecimal("7.85"),
                new BigDecimal("7.60"), null, BigDecimal.ZERO, BigDecimal.ZERO, 0);
        PovertyRateGaps gaps = new PovertyRateGaps("15.01", "Kabupaten Kerinci", List.of(2024, 2026));
        PovertyRateGaps complete = new PovertyRateGaps("15", "Provinsi \"Jambi\"", List.of());

        assertThat(html.cells(rise)).contains("<td>+0,25 poin</td>");
        assertThat(html.decimal(new BigDecimal("1234.5"))).isEqualTo("1.234,50");
        assertThat(html.missingYears(List.of(gaps, complete))).isEqualTo(
                "<li data-code=\"15.01\">Kabupaten Kerinci: 2024, 2026</li>"
                        + "<li data-code=\"15\">Provinsi &quot;Jambi&quot;: lengkap</li>");
    }

    @Test
    void aPersonToFollowUpReadsWithAMaskedNikALinkAndTheDesasServedPeople() {
        FollowUpPerson person = new FollowUpPerson(42, "1501************", "Siti <Aminah>", 1, "Desa Pulau Tengah",
                "Keliling Danau", "Kabupaten Kerinci", 1_234);

        assertThat(html.followUp(List.of(person), "/penerima/")).isEqualTo("""
                <tr><td class="text-nowrap font-monospace">1501************</td>\
                <td><a href="/penerima/42">Siti &lt;Aminah&gt;</a></td>\
                <td class="text-end">1</td><td>Desa Pulau Tengah</td><td>Keliling Danau</td>\
                <td>Kabupaten Kerinci</td><td class="text-end">1.234</td></tr>
                """);
        assertThat(html.followUp(List.of(), "/penerima/")).isEmpty();
    }
}
