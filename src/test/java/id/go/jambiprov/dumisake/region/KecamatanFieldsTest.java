package id.go.jambiprov.dumisake.region;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The lists' kecamatan filter: a select for Jambi, a field that takes a code or a name for the country. */
class KecamatanFieldsTest {

    private static final KecamatanSummary BATANG_ASAI = new KecamatanSummary("15.03.01", "Batang Asai", "15.03",
            "Kabupaten Sarolangun", 12);
    private static final KecamatanSummary KOTA_BARU_JAMBI = new KecamatanSummary("15.71.05", "Kota Baru", "15.71",
            "Kota Jambi", 5);
    private static final KecamatanSummary KOTA_BARU_ELSEWHERE = new KecamatanSummary("63.02.01", "Kota Baru", "63.02",
            "Kabupaten Kotabaru", 9);

    private final RegionService regions = mock(RegionService.class);
    private final KecamatanFields fields = new KecamatanFields(regions);

    @Test
    void jambiKeepsItsSelect() {
        List<KecamatanSummary> jambi = List.of(BATANG_ASAI, KOTA_BARU_JAMBI);
        when(regions.kecamatanChoices(null)).thenReturn(jambi);

        KecamatanField field = fields.field(null, "15.03.01");

        assertThat(field.choices()).isEqualTo(jambi);
        assertThat(field.code()).isEqualTo("15.03.01");
        assertThat(field.problemKey()).isNull();
        assertThat(fields.field(null, " ").code()).isNull();
    }

    @Test
    void theCountryIsATextFieldThatTakesACodeOrAName() {
        when(regions.kecamatanChoices(null)).thenReturn(country());

        assertThat(fields.field(null, null).choices()).isNull();
        assertThat(fields.field(null, "63.02.01").code()).isEqualTo("63.02.01");
        assertThat(fields.field(null, "  BATANG asai ").code()).isEqualTo("15.03.01");
        assertThat(fields.field(null, "batang asai").text()).isEqualTo("Batang Asai (15.03.01)");
        // what a suggestion puts into the field
        assertThat(fields.field(null, "Kota Baru (63.02.01)").code()).isEqualTo("63.02.01");
    }

    @Test
    void aNameOfSeveralOrOfNoneFiltersNothingAndSaysWhy() {
        when(regions.kecamatanChoices(null)).thenReturn(country());
        when(regions.kecamatanChoices("15.71")).thenReturn(List.of(KOTA_BARU_JAMBI));

        KecamatanField several = fields.field(null, "Kota Baru");
        assertThat(several.code()).isNull();
        assertThat(several.problemKey()).isEqualTo("filter.kecamatan.ambiguous");
        assertThat(several.text()).isEqualTo("Kota Baru");
        assertThat(fields.field(null, "Atlantis").problemKey()).isEqualTo("filter.kecamatan.unknown");
        // within the chosen kabupaten/kota the name is one kecamatan's
        assertThat(fields.field("15.71", "kota baru").code()).isEqualTo("15.71.05");
    }

    @Test
    void atMostTwentySuggestionsThoseThatBeginWithTheTextFirst() {
        when(regions.kecamatanChoices(null)).thenReturn(country());

        assertThat(fields.suggestions(null, "kota")).extracting(KecamatanSummary::name)
                .startsWith("Kota Baru", "Kota Baru").hasSize(KecamatanFields.SUGGESTIONS);
        assertThat(fields.suggestions(null, "15.03")).extracting(KecamatanSummary::code).containsExactly("15.03.01");
        assertThat(fields.suggestions(null, "")).isEmpty();
    }

    private static List<KecamatanSummary> country() {
        List<KecamatanSummary> all = new ArrayList<>(List.of(BATANG_ASAI, KOTA_BARU_JAMBI, KOTA_BARU_ELSEWHERE));
        IntStream.range(0, KecamatanFields.MAX_OPTIONS).forEach(i -> all.add(new KecamatanSummary(
                "%02d.%02d.%02d".formatted(20 + i / 100, i / 10 % 10, i % 10), "Sintetis Kota " + i, "20.01",
                "Kabupaten Sintetis", 3)));
        return all;
    }
}
