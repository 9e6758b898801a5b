package id.go.jambiprov.dumisake.allocation;

import id.go.jambiprov.dumisake.allocation.domain.Allocation;
import id.go.jambiprov.dumisake.allocation.domain.Envelope;
import id.go.jambiprov.dumisake.allocation.domain.WholeRupiah;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Allocations and pagu are whole rupiah: the one rule, and the aggregates that ask it. */
class WholeRupiahTest {

    private static final BigDecimal PAGU = new BigDecimal("2000000000.00");

    @ParameterizedTest
    @ValueSource(strings = {"10000000", "10000000.00", "2000000000.0", "1"})
    void wholeRupiahPass(String amount) {
        assertThatCode(() -> WholeRupiah.require(new BigDecimal(amount))).doesNotThrowAnyException();
    }

    @Test
    void senAreRefusedNamingTheAmountAsTyped() {
        BusinessRuleException refused = catchThrowableOfType(BusinessRuleException.class,
                () -> WholeRupiah.require(new BigDecimal("10000000.50")));
        assertThat(refused.code()).isEqualTo("SEN_NOT_ALLOWED");
        assertThat(refused.messageKey()).isEqualTo("allocation.wholeRupiah");
        assertThat(refused.arguments()).containsExactly("Rp 10.000.000,50");
    }

    @Test
    void aNewAllocationAndARevisionAreWholeRupiah() {
        assertThat(catchThrowableOfType(BusinessRuleException.class, () -> new Allocation(2031, "15.01.01",
                "DISDIK", "BANTUAN-PENDIDIKAN", Mechanism.BELANJA_OPD, null, "Seragam",
                new BigDecimal("10000000.50"), 5, "admin")).code()).isEqualTo("SEN_NOT_ALLOWED");

        Allocation allocation = new Allocation(2031, "15.01.01", "DISDIK", "BANTUAN-PENDIDIKAN",
                Mechanism.BELANJA_OPD, null, "Seragam", new BigDecimal("10000000.00"), 5, "admin");
        assertThat(catchThrowableOfType(BusinessRuleException.class,
                () -> allocation.revise(new BigDecimal("9000000.01"), "admin")).code()).isEqualTo("SEN_NOT_ALLOWED");
        assertThat(allocation.getAmount()).as("unchanged").isEqualByComparingTo("10000000");
    }

    @Test
    void aPaguWithSenChangesNoEnvelope() {
        Envelope envelope = new Envelope(2031, "15.01.01", "Gunung Raya", PAGU, BigDecimal.ZERO, BigDecimal.ZERO);
        assertThat(catchThrowableOfType(BusinessRuleException.class,
                () -> Envelope.repriceAll(List.of(envelope), new BigDecimal("2500000000.50"))).code())
                .isEqualTo("SEN_NOT_ALLOWED");
        assertThat(envelope.pagu()).isEqualByComparingTo(PAGU);
    }
}
