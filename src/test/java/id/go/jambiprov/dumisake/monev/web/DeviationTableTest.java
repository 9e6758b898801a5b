package id.go.jambiprov.dumisake.monev.web;

import id.go.jambiprov.dumisake.MessageBundles;
import id.go.jambiprov.dumisake.monev.DeviationRow;
import id.go.jambiprov.dumisake.monev.TrafficLight;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class DeviationTableTest {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private final MessageSource messages = MessageBundles.of("i18n/monev");

    private static DeviationRow kecamatan(long allocations, String deviation, TrafficLight status) {
        return new DeviationRow("15.01.01", "Gunung Raya", null, new BigDecimal("1679000000.00"), allocations,
                new BigDecimal("99.65"), new BigDecimal("92.5"), null, new BigDecimal(deviation),
                BigDecimal.ZERO, status);
    }

    @Test
    void aGroupsRowReadsInIndonesian() {
        DeviationTable.Row row = DeviationTable.of(List.of(kecamatan(1234, "7.25", TrafficLight.YELLOW)), false,
                messages, INDONESIAN).get(0);

        assertThat(row.detail()).isEqualTo("1.234 alokasi · 15.01.01");
        assertThat(row.amount()).isEqualTo("Rp 1.679.000.000");
        assertThat(row.planned()).isEqualTo("99,7");
        assertThat(row.physical()).isEqualTo("92,5");
        assertThat(row.financial()).as("no figure is a dash, not zero").isEqualTo("–");
        assertThat(row.deviation()).isEqualTo("7,3");
        assertThat(row.missingReport()).isEqualTo("0,0");
        assertThat(row.statusLabel()).isEqualTo("Kuning");
    }

    @Test
    void aGroupsRowReadsInEnglish() {
        DeviationTable.Row row = DeviationTable.of(List.of(kecamatan(1234, "-12.05", TrafficLight.RED)), false,
                messages, Locale.ENGLISH).get(0);

        assertThat(row.detail()).isEqualTo("1,234 allocations · 15.01.01");
        assertThat(row.amount()).as("money reads the Indonesian way in both languages").isEqualTo("Rp 1.679.000.000");
        assertThat(row.planned()).isEqualTo("99.7");
        assertThat(row.deviation()).isEqualTo("-12.1");
        assertThat(row.statusLabel()).isEqualTo("Red");
    }

    @Test
    void anAllocationsRowNamesItsPlace() {
        DeviationRow allocation = new DeviationRow("1795", "Bantuan bibit", "Gunung Raya, Kerinci",
                new BigDecimal("50000000.50"), 1, BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.TEN,
                new BigDecimal("100"), TrafficLight.GREEN);

        DeviationTable.Row row = DeviationTable.of(List.of(allocation), true, messages, INDONESIAN).get(0);

        assertThat(row.code()).isEqualTo("1795");
        assertThat(row.detail()).isEqualTo("Gunung Raya, Kerinci");
        assertThat(row.amount()).isEqualTo("Rp 50.000.000,50");
        assertThat(row.status()).isEqualTo(TrafficLight.GREEN);
        assertThat(row.statusLabel()).isEqualTo("Hijau");
    }
}
