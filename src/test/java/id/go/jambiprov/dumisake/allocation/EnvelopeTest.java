package id.go.jambiprov.dumisake.allocation;

import id.go.jambiprov.dumisake.allocation.domain.Envelope;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Invariant 1 in plain Java: what an envelope takes, gives back and what pagu it accepts. */
class EnvelopeTest {

    private static final BigDecimal PAGU = new BigDecimal("2000000000.00");
    private static final BigDecimal BILLION = new BigDecimal("1000000000.00");
    private static final BigDecimal ONE_SEN = new BigDecimal("0.01");

    private static Envelope gunungRaya(BigDecimal allocated) {
        return new Envelope(2031, "15.01.01", "Gunung Raya", PAGU, allocated, BigDecimal.ZERO);
    }

    @Test
    void anAmountWithinWhatIsLeftIsReserved() {
        Envelope envelope = gunungRaya(BILLION);
        envelope.reserve(new BigDecimal("400000000.00"));
        assertThat(envelope.allocated()).isEqualByComparingTo("1400000000");
        assertThat(envelope.remaining()).isEqualByComparingTo("600000000");
    }

    @Test
    void anAmountThatFillsTheEnvelopeExactlyIsReserved() {
        Envelope envelope = gunungRaya(BILLION);
        assertThat(envelope.canTake(BILLION)).isTrue();
        envelope.reserve(new BigDecimal("1000000000"));
        assertThat(envelope.remaining()).as("scale does not matter").isZero();
        assertThatCode(() -> envelope.reserve(BigDecimal.ZERO)).doesNotThrowAnyException();
    }

    @Test
    void oneSenOverWhatIsLeftIsRefusedWithWhatIsLeft() {
        Envelope envelope = gunungRaya(BILLION);
        BusinessRuleException refused = catchThrowableOfType(BusinessRuleException.class,
                () -> envelope.reserve(BILLION.add(ONE_SEN)));
        assertThat(refused.code()).isEqualTo("ENVELOPE_EXCEEDED");
        assertThat(refused.messageKey()).isEqualTo("allocation.envelopeExceeded");
        assertThat(refused.details()).containsEntry("remaining", BILLION);
        assertThat(refused.arguments()).contains("Gunung Raya", 2031, "Rp 1.000.000.000", "Rp 1.000.000.000,01");
        assertThat(envelope.allocated()).as("a refusal takes nothing").isEqualByComparingTo(BILLION);
    }

    @Test
    void aFullEnvelopeRefusesOneSenButTakesBackMoney() {
        Envelope full = gunungRaya(PAGU);
        assertThat(full.canTake(ONE_SEN)).isFalse();
        assertThatThrownBy(() -> full.reserve(ONE_SEN)).isInstanceOfSatisfying(BusinessRuleException.class,
                e -> assertThat(e.code()).isEqualTo("ENVELOPE_EXCEEDED"));
        full.release(BILLION);
        assertThat(full.remaining()).isEqualByComparingTo(BILLION);
    }

    @Test
    void aRevisionReservesWhatItAddsAndReleasesWhatItRemoves() {
        Envelope envelope = gunungRaya(BILLION);
        envelope.adjust(new BigDecimal("-300000000.00"));
        assertThat(envelope.allocated()).isEqualByComparingTo("700000000");
        envelope.adjust(new BigDecimal("1300000000.00"));
        assertThat(envelope.remaining()).isZero();
        assertThatThrownBy(() -> envelope.adjust(ONE_SEN)).isInstanceOf(BusinessRuleException.class);
    }

    @Test
    void nothingIsReleasedBeyondWhatIsAllocatedAndNoAmountIsNegative() {
        Envelope envelope = gunungRaya(BILLION);
        assertThatThrownBy(() -> envelope.release(BILLION.add(ONE_SEN))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> envelope.reserve(ONE_SEN.negate())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> envelope.release(ONE_SEN.negate())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void severalEnvelopesTakeTheirAmountsAllOrNothingAndTheRefusalNamesEveryShortfall() {
        Envelope roomy = gunungRaya(BigDecimal.ZERO);
        Envelope tight = new Envelope(2031, "15.01.02", "Air Hangat", PAGU, new BigDecimal("1900000000.00"), BigDecimal.ZERO);
        Envelope full = new Envelope(2031, "15.01.03", "Danau Kerinci", PAGU, PAGU, BigDecimal.ZERO);
        Map<Envelope, BigDecimal> asked = new LinkedHashMap<>();
        asked.put(roomy, BILLION);
        asked.put(tight, new BigDecimal("250000000.00"));
        asked.put(full, ONE_SEN);

        PerDesaShortfallException refused = catchThrowableOfType(PerDesaShortfallException.class,
                () -> Envelope.reserveAll(asked));

        assertThat(refused.code()).isEqualTo("ENVELOPE_EXCEEDED");
        assertThat(refused.shortfalls()).extracting(EnvelopeShortfall::kecamatanCode)
                .containsExactly("15.01.02", "15.01.03");
        assertThat(refused.shortfalls().get(0).lacking()).isEqualByComparingTo("150000000");
        assertThat(roomy.allocated()).as("nothing taken by anyone").isZero();

        asked.remove(full);
        asked.put(tight, new BigDecimal("100000000.00"));
        Envelope.reserveAll(asked);
        assertThat(roomy.allocated()).isEqualByComparingTo(BILLION);
        assertThat(tight.remaining()).as("exactly to the pagu").isZero();
    }

    @Test
    void aPaguDownToWhatIsAllocatedIsAcceptedAndOneRupiahBelowIsRefusedNamingTheKecamatan() {
        Envelope gunungRaya = gunungRaya(new BigDecimal("1200000000.00"));
        Envelope airHangat = new Envelope(2031, "15.01.02", "Air Hangat", PAGU, new BigDecimal("300000000.00"), BigDecimal.ZERO);
        List<Envelope> year = List.of(gunungRaya, airHangat);

        BusinessRuleException refused = catchThrowableOfType(BusinessRuleException.class,
                () -> Envelope.repriceAll(year, new BigDecimal("1199999999.00")));
        assertThat(refused.code()).isEqualTo("PAGU_BELOW_ALLOCATED");
        assertThat(refused.messageKey()).isEqualTo("fiscalYear.paguBelowAllocated");
        assertThat(refused.arguments()).containsExactly("Rp 1.199.999.999", 1, "Gunung Raya (Rp 1.200.000.000)");
        assertThat(refused.details().get("kecamatan")).asList().hasSize(1);
        assertThat(gunungRaya.pagu()).as("nothing changes").isEqualByComparingTo(PAGU);

        Envelope.repriceAll(year, new BigDecimal("1200000000.00"));
        assertThat(gunungRaya.remaining()).isZero();
        assertThat(airHangat.remaining()).isEqualByComparingTo("900000000");
        Envelope.repriceAll(year, new BigDecimal("2500000000.00"));
        assertThat(gunungRaya.remaining()).isEqualByComparingTo("1300000000");
    }

    @Test
    void realisedMoneyMovesBetweenZeroAndWhatIsAllocated() {
        Envelope envelope = gunungRaya(BILLION);
        envelope.realise(new BigDecimal("400000000.00"));
        envelope.realise(new BigDecimal("600000000.00"));
        assertThat(envelope.realised()).isEqualByComparingTo(BILLION);
        assertThatThrownBy(() -> envelope.realise(ONE_SEN)).isInstanceOf(IllegalArgumentException.class);
        envelope.realise(BILLION.negate());
        assertThat(envelope.realised()).isZero();
        assertThatThrownBy(() -> envelope.realise(ONE_SEN.negate())).isInstanceOf(IllegalArgumentException.class);
        assertThat(envelope.realised()).as("a refusal moves nothing").isZero();
        assertThat(envelope.allocated()).as("realising takes no money of the pagu").isEqualByComparingTo(BILLION);
    }
}
