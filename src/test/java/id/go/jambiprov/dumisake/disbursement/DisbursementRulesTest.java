package id.go.jambiprov.dumisake.disbursement;

import id.go.jambiprov.dumisake.disbursement.domain.Disbursement;
import id.go.jambiprov.dumisake.disbursement.domain.DisbursementRules;
import id.go.jambiprov.dumisake.disbursement.domain.EvidenceType;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;

import static id.go.jambiprov.dumisake.disbursement.DisbursementStatus.DRAFT;
import static id.go.jambiprov.dumisake.disbursement.DisbursementStatus.REJECTED;
import static id.go.jambiprov.dumisake.disbursement.DisbursementStatus.SUBMITTED;
import static id.go.jambiprov.dumisake.disbursement.DisbursementStatus.VERIFIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The disbursement rules in plain Java: state machine, SP2D date, four eyes, evidence types. */
class DisbursementRulesTest {

    private static final Set<String> ALLOWED = Set.of("DRAFT>SUBMITTED", "SUBMITTED>VERIFIED", "SUBMITTED>REJECTED",
            "REJECTED>DRAFT");

    static Stream<Arguments> everyPair() {
        return Arrays.stream(DisbursementStatus.values()).flatMap(from -> Arrays.stream(DisbursementStatus.values())
                .map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("everyPair")
    void onlyTheFourTransitionsOfTheStateMachineAreAllowed(DisbursementStatus from, DisbursementStatus to) {
        boolean allowed = ALLOWED.contains(from + ">" + to);
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
        if (allowed) {
            assertThatCode(() -> DisbursementRules.requireTransition(from, to)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> DisbursementRules.requireTransition(from, to))
                    .isInstanceOfSatisfying(BusinessRuleException.class,
                            e -> assertThat(e.code()).isEqualTo("INVALID_TRANSITION"));
        }
    }

    @Test
    void onlyDraftAndRejectedAreEditable() {
        assertThat(DRAFT.editable()).isTrue();
        assertThat(REJECTED.editable()).isTrue();
        assertThat(SUBMITTED.editable()).isFalse();
        assertThat(VERIFIED.editable()).isFalse();
    }

    @Test
    void everythingButRejectedCountsAgainstTheAllocation() {
        assertThat(DRAFT.countsAgainstAllocation()).isTrue();
        assertThat(SUBMITTED.countsAgainstAllocation()).isTrue();
        assertThat(VERIFIED.countsAgainstAllocation()).isTrue();
        assertThat(REJECTED.countsAgainstAllocation()).isFalse();
    }

    @Test
    void anSp2dIsDatedInsideTheFiscalYearAndNotAfterToday() {
        LocalDate today = LocalDate.of(2026, 11, 28);
        assertThatCode(() -> DisbursementRules.requireSp2dDate(today, 2026, today)).doesNotThrowAnyException();
        assertThatCode(() -> DisbursementRules.requireSp2dDate(LocalDate.of(2026, 1, 1), 2026, today))
                .doesNotThrowAnyException();
        assertThatCode(() -> DisbursementRules.requireSp2dDate(LocalDate.of(2025, 12, 31), 2025, today))
                .doesNotThrowAnyException();
        assertRefused(() -> DisbursementRules.requireSp2dDate(LocalDate.of(2025, 12, 31), 2026, today),
                "SP2D_DATE_OUTSIDE_YEAR");
        assertRefused(() -> DisbursementRules.requireSp2dDate(LocalDate.of(2027, 1, 1), 2026, today),
                "SP2D_DATE_OUTSIDE_YEAR");
        assertRefused(() -> DisbursementRules.requireSp2dDate(today.plusDays(1), 2026, today), "SP2D_DATE_IN_FUTURE");
        assertRefused(() -> DisbursementRules.requireSp2dDate(LocalDate.of(2026, 12, 31), 2026, today),
                "SP2D_DATE_IN_FUTURE");
    }

    @Test
    void theSubmitterDoesNotDecide() {
        assertRefused(() -> DisbursementRules.requireOtherThanSubmitter("op-disdik", "op-disdik"),
                "SUBMITTER_CANNOT_DECIDE");
        assertThatCode(() -> DisbursementRules.requireOtherThanSubmitter("op-disdik", "admin"))
                .doesNotThrowAnyException();
    }

    // --- the entity

    @Test
    void aDisbursementIsBornDraftAndMovesThroughSubmitToVerified() {
        Disbursement d = draft();
        assertThat(d.getStatus()).isEqualTo(DRAFT);
        assertThat(d.getCreatedBy()).isEqualTo("op-disdik");
        d.submit("op-disdik");
        assertThat(d.getStatus()).isEqualTo(SUBMITTED);
        assertThat(d.getSubmittedBy()).isEqualTo("op-disdik");
        assertThat(d.getSubmittedAt()).isNotNull();
        assertRefused(() -> d.submit("op-disdik"), "INVALID_TRANSITION");
        d.verify("admin");
        assertThat(d.getStatus()).isEqualTo(VERIFIED);
        assertThat(d.getDecidedBy()).isEqualTo("admin");
        assertThat(d.getDecidedAt()).isNotNull();
        assertRefused(() -> d.verify("admin-2"), "INVALID_TRANSITION");
        assertRefused(() -> d.reject("terlambat", "admin-2"), "INVALID_TRANSITION");
    }

    @Test
    void aDraftCannotBeDecided() {
        Disbursement d = draft();
        assertRefused(() -> d.verify("admin"), "INVALID_TRANSITION");
        assertRefused(() -> d.reject("x", "admin"), "INVALID_TRANSITION");
        assertThat(d.getStatus()).isEqualTo(DRAFT);
    }

    @Test
    void theSubmitterCannotVerifyOrRejectWhatTheySubmitted() {
        Disbursement d = draft();
        d.submit("kembar");
        assertRefused(() -> d.verify("kembar"), "SUBMITTER_CANNOT_DECIDE");
        assertRefused(() -> d.reject("alasan", "kembar"), "SUBMITTER_CANNOT_DECIDE");
        assertThat(d.getStatus()).isEqualTo(SUBMITTED);
        assertThat(d.getDecidedBy()).isNull();
        assertThat(d.getRejectReason()).isNull();
    }

    @Test
    void editingARejectedOneMakesItADraftAgainAndClearsTheReason() {
        Disbursement d = draft();
        d.submit("op-disdik");
        d.reject("  SPJ belum lengkap  ", "admin");
        assertThat(d.getStatus()).isEqualTo(REJECTED);
        assertThat(d.getRejectReason()).isEqualTo("SPJ belum lengkap");
        assertThat(d.getDecidedBy()).isEqualTo("admin");

        d.edit(1, new BigDecimal("90000000.00"), "SP2D/2026/0002", LocalDate.of(2026, 5, 3), null, "op-disdik");

        assertThat(d.getStatus()).isEqualTo(DRAFT);
        assertThat(d.getRejectReason()).isNull();
        assertThat(d.getDecidedBy()).isNull();
        assertThat(d.getDecidedAt()).isNull();
        assertThat(d.getAmount()).isEqualByComparingTo("90000000.00");
        assertThat(d.getSp2dNumber()).isEqualTo("SP2D/2026/0002");
        d.submit("op-disdik");
        assertThat(d.getStatus()).isEqualTo(SUBMITTED);
    }

    @Test
    void aDisbursementCountsItsAmountUnlessRejectedAndRealisesItOnceVerified() {
        Disbursement d = draft();
        BigDecimal amount = d.getAmount();
        assertThat(d.counted()).isEqualByComparingTo(amount);
        assertThat(d.realisedAmount()).isZero();
        d.submit("op-disdik");
        assertThat(d.counted()).isEqualByComparingTo(amount);
        assertThat(d.realisedAmount()).isZero();
        d.reject("SPJ belum lengkap", "admin");
        assertThat(d.counted()).isZero();
        assertThat(d.realisedAmount()).isZero();

        Disbursement verified = draft();
        verified.submit("op-disdik");
        verified.verify("admin");
        assertThat(verified.counted()).isEqualByComparingTo(amount);
        assertThat(verified.realisedAmount()).isEqualByComparingTo(amount);
    }

    @Test
    void submittedAndVerifiedOnesCannotBeEdited() {
        Disbursement d = draft();
        d.submit("op-disdik");
        assertRefused(() -> d.edit(1, BigDecimal.TEN, "X", LocalDate.of(2026, 5, 3), null, "op-disdik"),
                "NOT_EDITABLE");
        d.verify("admin");
        assertRefused(() -> d.edit(1, BigDecimal.TEN, "X", LocalDate.of(2026, 5, 3), null, "op-disdik"),
                "NOT_EDITABLE");
        assertThat(d.getStatus()).isEqualTo(VERIFIED);
        assertThat(d.getAmount()).isEqualByComparingTo("100000000.00");
    }

    @Test
    void aDraftCanBeEditedAndStaysDraft() {
        Disbursement d = draft();
        d.edit(2, new BigDecimal("5.00"), " SP2D/9 ", LocalDate.of(2026, 2, 2), "  catatan ", "op-disdik");
        assertThat(d.getStatus()).isEqualTo(DRAFT);
        assertThat(d.getTranche()).isEqualTo(2);
        assertThat(d.getSp2dNumber()).isEqualTo("SP2D/9");
        assertThat(d.getRemark()).isEqualTo("catatan");
    }

    // --- evidence types

    @Test
    void evidenceIsRecognisedByItsMagicBytes() {
        byte[] pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};
        assertThat(EvidenceType.detect(pdf)).contains(EvidenceType.PDF);
        assertThat(EvidenceType.detect(png)).contains(EvidenceType.PNG);
        assertThat(EvidenceType.detect(jpeg)).contains(EvidenceType.JPEG);
        assertThat(EvidenceType.PDF.contentType()).isEqualTo("application/pdf");
        assertThat(EvidenceType.PNG.contentType()).isEqualTo("image/png");
        assertThat(EvidenceType.JPEG.contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void aTextFileRenamedPdfAnEmptyFileAndAGifAreRefused() {
        assertThat(EvidenceType.detect("Ini bukan PDF, hanya teks biasa.".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(EvidenceType.detect(new byte[0])).isEmpty();
        assertThat(EvidenceType.detect("GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1)))
                .isEmpty();
        // a truncated signature is not the type
        assertThat(EvidenceType.detect("%PDF".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(EvidenceType.detect(new byte[]{(byte) 0x89, 'P', 'N', 'G'})).isEmpty();
        // the signature must be at the start, not anywhere
        assertThat(EvidenceType.detect(" %PDF-1.4".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
    }

    private static Disbursement draft() {
        return new Disbursement(1L, 2026, 1, new BigDecimal("100000000.00"), "SP2D/2026/0001",
                LocalDate.of(2026, 5, 2), "Tahap 1", null, "op-disdik");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BusinessRuleException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
