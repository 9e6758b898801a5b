package id.go.jambiprov.dumisake.progress.domain;

import id.go.jambiprov.dumisake.progress.OutputTarget;
import id.go.jambiprov.dumisake.progress.OutputTargetViolation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutputTargetRulesTest {

    @Test
    void aNamedTargetWithUnitAndVolumePasses() {
        assertThat(OutputTargetRules.check(List.of(target("Rumah layak huni", "unit rumah", "12"),
                target("Tukang terlatih", "orang", "2.5")))).isEmpty();
        assertThat(OutputTargetRules.check(List.of())).isEmpty();
    }

    @Test
    void everyProblemIsListedWithItsRowAndField() {
        List<OutputTargetViolation> violations = OutputTargetRules.check(List.of(
                target("Rumah layak huni", "unit rumah", "12"),
                target(" ", "", "0"),
                target("rumah LAYAK huni", "unit", "1.005")));
        assertThat(violations).extracting(v -> v.row() + "." + v.field() + " " + v.messageKey()).containsExactly(
                "1.name progress.output.nameRequired", "1.unit progress.output.unitRequired",
                "1.target progress.output.targetInvalid", "2.name progress.output.nameTwice",
                "2.target progress.output.targetInvalid");
    }

    @Test
    void atMostTwentyIndicators() {
        List<OutputTarget> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add(target("Indikator " + i, "orang", "1"));
        }
        assertThat(OutputTargetRules.check(many)).extracting(OutputTargetViolation::messageKey)
                .containsExactly("progress.output.tooMany");
        assertThat(OutputTargetRules.check(Collections.nCopies(1, target("x".repeat(201), "y".repeat(31), null))))
                .extracting(OutputTargetViolation::messageKey).containsExactly("progress.output.nameTooLong",
                        "progress.output.unitTooLong", "progress.output.targetInvalid");
    }

    private static OutputTarget target(String name, String unit, String volume) {
        return new OutputTarget(null, name, unit, volume == null ? null : new BigDecimal(volume), null);
    }
}
