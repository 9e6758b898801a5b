package id.go.jambiprov.dumisake.monev.domain;

import id.go.jambiprov.dumisake.monev.TrafficLight;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrafficLightPolicyTest {

    private static final TrafficLightPolicy DEFAULT = new TrafficLightPolicy(new BigDecimal("10"), new BigDecimal("25"));
    private static final BigDecimal REPORTED = BigDecimal.ZERO;

    @ParameterizedTest(name = "deviation {0} points is {1}")
    @CsvSource({"-40, GREEN", "0, GREEN", "10, GREEN", "10.00, GREEN", "10.01, YELLOW", "25, YELLOW", "25.01, RED",
            "100, RED"})
    void theDeviationDecidesWhenLastMonthIsReported(String deviation, TrafficLight expected) {
        assertThat(DEFAULT.classify(new BigDecimal(deviation), REPORTED)).isEqualTo(expected);
    }

    @Test
    void anAllocationWithoutLastMonthsReportIsRedEvenOnPlan() {
        assertThat(DEFAULT.classify(new BigDecimal("-5"), new BigDecimal("100"))).isEqualTo(TrafficLight.RED);
    }

    @Test
    void aGroupIsRedFromHalfItsAmountWithoutReport() {
        assertThat(DEFAULT.classify(BigDecimal.ZERO, new BigDecimal("49.99"))).isEqualTo(TrafficLight.GREEN);
        assertThat(DEFAULT.classify(BigDecimal.ZERO, new BigDecimal("50.00"))).isEqualTo(TrafficLight.RED);
    }

    @Test
    void otherThresholdsMoveTheEdges() {
        TrafficLightPolicy strict = new TrafficLightPolicy(new BigDecimal("5"), new BigDecimal("5"));
        assertThat(strict.classify(new BigDecimal("5"), REPORTED)).isEqualTo(TrafficLight.GREEN);
        assertThat(strict.classify(new BigDecimal("5.01"), REPORTED)).isEqualTo(TrafficLight.RED);
    }

    @ParameterizedTest(name = "green {0}, yellow {1} is refused with {2}")
    @CsvSource({"-0.01, 10, GREEN_NEGATIVE", "20, 19.99, YELLOW_BELOW_GREEN", "10, 100.01, YELLOW_ABOVE_100",
            "10.001, 20, THRESHOLD_DECIMALS"})
    void thresholdsOutsideZeroGreenYellowHundredAreRefused(String green, String yellow, String code) {
        assertThatThrownBy(() -> new TrafficLightPolicy(new BigDecimal(green), new BigDecimal(yellow)))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void theBoundsThemselvesAreAccepted() {
        new TrafficLightPolicy(BigDecimal.ZERO, BigDecimal.ZERO);
        new TrafficLightPolicy(new BigDecimal("100"), new BigDecimal("100.00"));
    }
}
