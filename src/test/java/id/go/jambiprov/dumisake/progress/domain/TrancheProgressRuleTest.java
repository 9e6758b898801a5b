package id.go.jambiprov.dumisake.progress.domain;

import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static id.go.jambiprov.dumisake.progress.domain.ReportRulesTest.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class TrancheProgressRuleTest {

    private static final BigDecimal SIXTY = new BigDecimal("60");

    @Test
    void theFirstTrancheAndProgrammesWithoutAMinimumAreNeverHeldBack() {
        assertThatCode(() -> TrancheProgressRule.require(1, SIXTY, 2026, null, null)).doesNotThrowAnyException();
        assertThatCode(() -> TrancheProgressRule.require(2, null, 2026, null, null)).doesNotThrowAnyException();
    }

    @Test
    void aLaterTrancheNeedsTheMinimumInTheLatestReport() {
        assertThatCode(() -> TrancheProgressRule.require(2, SIXTY, 2026, 7, new BigDecimal("60.00")))
                .doesNotThrowAnyException();
        BusinessRuleException refused = refusal(() -> TrancheProgressRule.require(2, SIXTY, 2026, 7,
                new BigDecimal("40")));
        assertThat(refused.code()).isEqualTo("PROGRESS_TOO_LOW");
        assertThat(refused.messageKey()).isEqualTo("progress.tranche.tooLow");
        assertThat(refused.details()).containsEntry("latestMonth", "2026-07")
                .containsEntry("requiredPercent", SIXTY).containsEntry("latestPercent", new BigDecimal("40"));
        assertThat(refused.arguments()[1]).isEqualTo(new BigDecimal("40"));
        assertThat(refused.arguments()[4]).isEqualTo(new BigDecimal("20"));
    }

    @Test
    void withoutAnyReportALaterTrancheIsRefusedSayingSo() {
        BusinessRuleException refused = refusal(() -> TrancheProgressRule.require(3, SIXTY, 2026, null, null));
        assertThat(refused.code()).isEqualTo("PROGRESS_TOO_LOW");
        assertThat(refused.messageKey()).isEqualTo("progress.tranche.noReport");
    }
}
