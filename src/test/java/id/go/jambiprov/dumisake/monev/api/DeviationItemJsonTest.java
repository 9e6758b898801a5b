package id.go.jambiprov.dumisake.monev.api;

import id.go.jambiprov.dumisake.monev.DeviationRow;
import id.go.jambiprov.dumisake.monev.TrafficLight;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** A row of the deviation API as its own serializer writes it: the properties, their order and their numbers. */
class DeviationItemJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aRowIsWrittenWithEveryPropertyInItsOrder() {
        DeviationRow row = new DeviationRow("15.01.01", "Gunung Raya", null, new BigDecimal("94000000.00"), 30,
                new BigDecimal("94.68"), new BigDecimal("99.19"), new BigDecimal("79.60"), new BigDecimal("-4.51"),
                new BigDecimal("0.00"), TrafficLight.GREEN);

        assertThat(json.writeValueAsString(DeviationApiController.DeviationItem.of(row))).isEqualTo("""
                {"code":"15.01.01","name":"Gunung Raya","plannedPercent":94.68,"physicalPercent":99.19,\
                "financialPercent":79.60,"deviation":-4.51,"status":"GREEN","amount":94000000.00,"allocations":30,\
                "missingReportPercent":0.00}""");
    }

    @Test
    void aNameWithQuotesIsEscapedAndAMissingOneIsNull() {
        DeviationRow row = new DeviationRow("DISDIK", null, null, BigDecimal.ONE, 1, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, TrafficLight.RED);
        DeviationRow quoted = new DeviationRow("DISDIK", "Dinas \"Pendidikan\"", null, BigDecimal.ONE, 1,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, TrafficLight.RED);

        assertThat(json.writeValueAsString(DeviationApiController.DeviationItem.of(row))).contains("\"name\":null");
        assertThat(json.writeValueAsString(DeviationApiController.DeviationItem.of(quoted)))
                .contains("\"name\":\"Dinas \\\"Pendidikan\\\"\"");
    }
}
