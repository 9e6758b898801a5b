package id.go.jambiprov.dumisake.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A filter's options written in one piece are what th:each, th:value, th:text and th:selected wrote. */
class SelectOptionsTest {

    private final SelectOptions options = new SelectOptions(DisplayFormatsTest.messages());

    @AfterEach
    void restore() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void marksTheChosenValueAndEscapesLikeTheTemplateAttributes() {
        assertThat(options.of(List.of("15.01", "15.02"), List.of("Kerinci", "Tom & \"Jerry\" <b>"), "15.02"))
                .isEqualTo("<option value=\"15.01\">Kerinci</option>"
                        + "<option value=\"15.02\" selected=\"selected\">Tom &amp; &quot;Jerry&quot; &lt;b&gt;</option>");
    }

    @Test
    void comparesNumbersAndEnumsByTheirText() {
        assertThat(options.of(List.of(2026, 2025), List.of(2026, 2025), 2025))
                .isEqualTo("<option value=\"2026\">2026</option><option value=\"2025\" selected=\"selected\">2025</option>");
        assertThat(options.of(List.of("a"), List.of("A"), null)).isEqualTo("<option value=\"a\">A</option>");
    }

    @Test
    void namesEachValueByItsMessageInThePageLanguage() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("id"));
        assertThat(options.ofMessages(new String[] {"BELANJA_OPD"}, "mechanism.", "BELANJA_OPD"))
                .isEqualTo("<option value=\"BELANJA_OPD\" selected=\"selected\">Belanja OPD</option>");
    }

    @Test
    void noValuesGiveNoOptions() {
        assertThat(options.of(null, null, "x")).isEmpty();
        assertThat(options.ofMessages(null, "mechanism.", null)).isEmpty();
    }

    public record Place(String code, String name, String kabupatenKotaName) {
    }

    @Test
    void readsValueLabelAndPlaceFromEachItemHoweverLongTheList() {
        List<Place> places = new ArrayList<>();
        for (int i = 0; i < 8_000; i++) {
            places.add(new Place("K" + i, "Kecamatan <" + i + ">", "Kab " + i));
        }

        String html = options.of(places, "code", "name", "kabupatenKotaName", "K7999");

        assertThat(html).startsWith("<option value=\"K0\">Kecamatan &lt;0&gt; (Kab 0)</option>")
                .endsWith("<option value=\"K7999\" selected=\"selected\">Kecamatan &lt;7999&gt; (Kab 7999)</option>");
        assertThat(options.of(places.subList(0, 1), "code", "name", null)).isEqualTo("<option value=\"K0\">Kecamatan &lt;0&gt;</option>");
        assertThat(options.of(new org.springframework.data.domain.PageImpl<>(places.subList(0, 2)), "code", "name", "K1"))
                .as("a page of rows, as the obstacle list passes its kecamatan")
                .isEqualTo("<option value=\"K0\">Kecamatan &lt;0&gt;</option>"
                        + "<option value=\"K1\" selected=\"selected\">Kecamatan &lt;1&gt;</option>");
        assertThat(options.of(null, "code", "name", null)).isEmpty();
    }
}
