package id.go.jambiprov.dumisake.shared.money;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RupiahTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "2.000.000.000      | 2000000000.00",
            "2000000000         | 2000000000.00",
            "Rp 2.000.000.000   | 2000000000.00",
            "Rp100.000.000      | 100000000.00",
            "rp. 100.000.000    | 100000000.00",
            "  Rp 100.000.000   | 100000000.00",
            "1.500,50           | 1500.50",
            "1,5                | 1.50",
            "1000000000000000   | 1000000000000000.00",
            "100000000.00       | 100000000.00",
            "5                  | 5.00"})
    void readsWhatFinanceStaffType(String typed, BigDecimal expected) {
        assertThat(Rupiah.parse(typed)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" is refused with {1}")
    @CsvSource(delimiter = '|', value = {
            "-5                 | money.negative",
            "Rp -100.000        | money.negative",
            "0                  | money.positive",
            "0,00               | money.positive",
            "abc                | money.format",
            "12abc              | money.format",
            "2.000.00           | money.format",
            "1.5.0              | money.format",
            "2,000,000          | money.format",
            "1.5000             | money.format",
            "1,505              | money.decimals",
            "10000000000000000  | money.tooLarge"})
    void refusesWhatIsNotAnAmount(String typed, String messageKey) {
        assertThatThrownBy(() -> Rupiah.parse(typed))
                .isInstanceOf(MoneyFormatException.class)
                .extracting(e -> ((MoneyFormatException) e).messageKey())
                .isEqualTo(messageKey);
    }

    @Test
    void refusesNothingTyped() {
        assertThatThrownBy(() -> Rupiah.parse("  ")).hasMessage("money.required");
        assertThatThrownBy(() -> Rupiah.parse(null)).hasMessage("money.required");
    }

    @Test
    void writesRupiahTheIndonesianWay() {
        assertThat(Rupiah.format(new BigDecimal("2000000000.00"))).isEqualTo("Rp 2.000.000.000");
        assertThat(Rupiah.format(new BigDecimal("1500.50"))).isEqualTo("Rp 1.500,50");
        assertThat(Rupiah.format(new BigDecimal("-5000"))).isEqualTo("-Rp 5.000");
        assertThat(Rupiah.format(BigDecimal.ZERO)).isEqualTo("Rp 0");
        assertThat(Rupiah.number(new BigDecimal("144000000"))).isEqualTo("144.000.000");
    }
}
