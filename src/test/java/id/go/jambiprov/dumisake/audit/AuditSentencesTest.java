package id.go.jambiprov.dumisake.audit;

import id.go.jambiprov.dumisake.MessageBundles;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every recorded kind of event reads as a sentence in both languages, without codes or JSON. */
class AuditSentencesTest {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");
    private static final Pattern CODE = Pattern.compile("\\b[A-Z]+_[A-Z_]+\\b");
    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 11, 28, 5, 12, 0, 0, ZoneOffset.UTC);

    private final AuditSentences sentences = new AuditSentences(MessageBundles.of("messages", "i18n/poverty"),
            JsonMapper.builder().build());

    private static final String ACCOUNT = """
            {"username": "op-disdik", "fullName": "Operator Disdik", "nip": null, "email": null,
             "role": "OPD_OPERATOR", "opdCode": "DISDIK", "enabled": true, "mustChangePassword": false,
             "failedAttempts": 0, "lockedUntil": null}""";
    private static final String LOCKED_ACCOUNT = """
            {"username": "op-disdik", "fullName": "Operator Disdik", "role": "OPD_OPERATOR", "enabled": true,
             "failedAttempts": 5, "lockedUntil": "2026-11-28T05:27:00Z"}""";
    private static final String DISBURSEMENT = """
            {"allocationId": 1966, "tranche": 1, "amount": 50000000.00, "sp2dNumber": "000123/SP2D-LS/1/2026",
             "sp2dDate": "2026-11-02", "remark": "Tahap 1", "status": "%s", "rejectReason": %s,
             "evidence": null, "version": %d}""";
    private static final String ALLOCATION = """
            {"year": 2026, "kecamatanCode": "15.01.01", "opdCode": "DISDIK", "programmeCode": "BEASISWA",
             "mechanism": "BELANJA_OPD", "desaCode": null, "title": "Beasiswa siswa miskin", "amount": %s,
             "plannedMonth": 7, "status": "%s", "cancelReason": %s, "version": %d}""";
    private static final String YEAR = """
            {"year": 2027, "paguPerKecamatan": %s, "status": "%s", "envelopes": 144}""";
    private static final String PROGRAMME = """
            {"code": "BEASISWA", "name": "Beasiswa Dumisake", "pillar": "CERDAS", "leadOpdCode": "DISDIK",
             "active": true, "maxWelfareDecile": %s, "version": 0}""";
    private static final String AID = """
            {"beneficiaryId": 42, "nik": "1501********0001", "allocationId": 1966, "programme": "BEASISWA",
             "year": 2026, "amount": 1500000.00, "description": "Beasiswa semester 1", "date": "2026-08-17"%s}""";
    private static final String NOTE = """
            {"id": 7, "targetType": "KECAMATAN", "targetCode": "15.01.01", "targetLabel": "Jangkat, Merangin",
             "fiscalYear": 2026, "opdCode": null, "text": "Serapan rendah", "open": %s, "reply": %s,
             "createdAt": "2026-11-28T05:12:00Z", "createdBy": "ahli", "resolvedAt": %s, "resolvedBy": %s,
             "version": 0}""";

    private static final String POVERTY = """
            {"regionName": "Kabupaten Sarolangun", "year": 2024, "period": "MARET", "indicator": "POVERTY_RATE",
             "value": %s, "source": "https://databoks.katadata.co.id", "sourceBody": null, "note": null,
             "chosen": %s}""";

    /** One event of every action the application records, with the data its writer stores. */
    private static List<AuditEvent> everyKindOfEvent() {
        return List.of(
                event("admin", "ACCOUNT_CREATED", "UserAccount", "5", null, ACCOUNT),
                event("admin", "ACCOUNT_DISABLED", "UserAccount", "5", ACCOUNT, ACCOUNT.replace("\"enabled\": true", "\"enabled\": false")),
                event("admin", "ACCOUNT_ENABLED", "UserAccount", "5", ACCOUNT.replace("\"enabled\": true", "\"enabled\": false"), ACCOUNT),
                event("admin", "ACCOUNT_UNLOCKED", "UserAccount", "5", LOCKED_ACCOUNT, ACCOUNT),
                event("system", "ACCOUNT_LOCKED", "UserAccount", "5", ACCOUNT, LOCKED_ACCOUNT),
                event("admin", "PASSWORD_RESET", "UserAccount", "5", ACCOUNT, ACCOUNT.replace("\"mustChangePassword\": false", "\"mustChangePassword\": true")),
                event("op-disdik", "PASSWORD_CHANGED", "UserAccount", "5", ACCOUNT, ACCOUNT),
                event("op-disdik", "LOGIN_SUCCEEDED", "UserAccount", "5", null, null),
                event("op-disdik", "LOGIN_FAILED", "UserAccount", "5", null, "{\"reason\": \"BadCredentialsException\"}"),
                event("op-disdik", "PASSWORD_CHECK_FAILED", "UserAccount", "5", null, "{\"reason\": \"BadCredentialsException\"}"),
                event("op-disdik", "DISBURSEMENT_CREATED", "Disbursement", "77", null, disbursement("DRAFT", null, 0)),
                event("op-disdik", "DISBURSEMENT_EDITED", "Disbursement", "77", disbursement("DRAFT", null, 0), disbursement("DRAFT", null, 1)),
                event("op-disdik", "DISBURSEMENT_SUBMITTED", "Disbursement", "77", disbursement("DRAFT", null, 1), disbursement("SUBMITTED", null, 2)),
                event("admin", "DISBURSEMENT_VERIFIED", "Disbursement", "77", disbursement("SUBMITTED", null, 2), disbursement("VERIFIED", null, 3)),
                event("admin", "DISBURSEMENT_REJECTED", "Disbursement", "77", disbursement("SUBMITTED", null, 2), disbursement("REJECTED", "\"SPJ belum lengkap\"", 3)),
                event("system", "DISBURSEMENT_DEMO_LOADED", "Disbursement", "77", null, disbursement("VERIFIED", null, 0)),
                event("admin", "ALLOCATION_CREATED", "Allocation", "1966", null, allocation("100000000.00", "ACTIVE", null, 0)),
                event("admin", "ALLOCATION_REVISED", "Allocation", "1966", allocation("100000000.00", "ACTIVE", null, 0), allocation("80000000.00", "ACTIVE", null, 1)),
                event("admin", "ALLOCATION_CANCELLED", "Allocation", "1966", allocation("80000000.00", "ACTIVE", null, 1), allocation("80000000.00", "CANCELLED", "\"Dialihkan\"", 2)),
                event("admin", "FISCAL_YEAR_OPENED", "FiscalYear", "2027", null, YEAR.formatted("2000000000.00", "OPEN")),
                event("admin", "FISCAL_YEAR_PAGU_CHANGED", "FiscalYear", "2027", YEAR.formatted("2000000000.00", "OPEN"), YEAR.formatted("2500000000.00", "OPEN")),
                event("admin", "FISCAL_YEAR_CLOSED", "FiscalYear", "2027", YEAR.formatted("2500000000.00", "OPEN"), YEAR.formatted("2500000000.00", "CLOSED")),
                event("system", "EARLY_WARNINGS_RECORDED", "FiscalYear", "2026", null, """
                        {"overdueAllocations": 12, "overdueAmount": 350000000.00, "waitingDisbursements": 3,
                         "waitingAmount": 75000000.00, "date": "2026-11-28", "waitingDays": 14}"""),
                event("admin", "PROGRAMME_CREATED", "Programme", "BEASISWA", null, PROGRAMME.formatted("null")),
                event("admin", "PROGRAMME_CHANGED", "Programme", "BEASISWA", PROGRAMME.formatted("null"), PROGRAMME.formatted("null").replace("Dumisake", "Jambi")),
                event("admin", "PROGRAMME_DECILE_LIMITED", "Programme", "BEASISWA", PROGRAMME.formatted("null"), PROGRAMME.formatted("4")),
                event("op-disdik", "BENEFICIARY_CREATED", "Beneficiary", "42", null, """
                        {"nik": "1501********0001", "name": "Siti Aminah", "sex": "F", "birthYear": 1990,
                         "desaCode": "15.01.01.2001", "welfareDecile": 2}"""),
                event("system", "BENEFICIARY_DEMO_LOADED", "Beneficiary", "42", null, """
                        {"nik": "1501********0001", "name": "Siti Aminah", "desaCode": "15.01.01.2001"}"""),
                event("admin", "NIK_VIEWED", "Beneficiary", "42", null, "{\"nik\": \"1501********0001\"}"),
                event("op-disdik", "NIK_SEARCHED", "Beneficiary", null, null, "{\"nik\": \"1501********0001\", \"registered\": false}"),
                event("op-disdik", "NIK_SEARCH_LIMIT_REACHED", "Beneficiary", null, null, """
                        {"nik": "1501********0001", "limit": 50, "windowMinutes": 60}"""),
                event("op-disdik", "NIK_SEARCH_LIMIT_REACHED", "BeneficiaryImport", null, null, """
                        {"registeredNiks": 80, "searchesLeft": 10, "limit": 50, "windowMinutes": 60}"""),
                event("op-disdik", "BENEFICIARIES_IMPORTED", "BeneficiaryImport", "9", null, """
                        {"file": "penerima.xlsx", "rows": 120, "beneficiariesCreated": 100, "aidCreated": 120}"""),
                event("admin", "IMPORT_REPORT_DOWNLOADED", "BeneficiaryImport", "9", null, "{\"uploadedBy\": \"op-disdik\"}"),
                event("op-disdik", "AID_RECORDED", "Aid", "300", null, AID.formatted("")),
                event("op-disdik", "AID_CANCELLED", "Aid", "300", AID.formatted(", \"status\": \"RECORDED\""),
                        AID.formatted(", \"status\": \"CANCELLED\", \"cancelReason\": \"Salah penerima\"")),
                event("ahli", "REVIEW_NOTE_WRITTEN", "ReviewNote", "7", null, NOTE.formatted("true", "null", "null", "null")),
                event("op-disdik", "REVIEW_NOTE_RESOLVED", "ReviewNote", "7", NOTE.formatted("true", "null", "null", "null"),
                        NOTE.formatted("false", "\"Sudah dipercepat\"", "\"2026-11-29T01:00:00Z\"", "\"op-disdik\"")),
                event("system", "SCALE_DATA_GENERATED", "ScaleData", "large", null, "{\"allocation\": 15000, \"disbursement\": 30000}"),
                event("admin", "POVERTY_FIGURE_SET", "PovertyFigure", "160", POVERTY.formatted("8.36", "true"),
                        POVERTY.formatted("8.4", "true")),
                event("admin", "POVERTY_FIGURE_CHOSEN", "PovertyFigure", "161", POVERTY.formatted("8.36", "true"),
                        POVERTY.formatted("8.63", "true")),
                event("admin", "POVERTY_FIGURE_WITHDRAWN", "PovertyFigure", "160", POVERTY.formatted("8.36", "true"),
                        null),
                event("admin", "POVERTY_FIGURES_IMPORTED", "PovertyFigure", null, null,
                        "{\"file\": \"angka.xlsx\", \"rows\": 12, \"figures\": 30}"));
    }

    @Test
    void everyEventReadsAsASentenceWithoutCodesOrJson() {
        for (Locale locale : List.of(INDONESIAN, Locale.ENGLISH)) {
            for (AuditEvent event : everyKindOfEvent()) {
                String sentence = sentences.sentence(event, locale);
                String fallback = sentences.sentence(new AuditEvent(event.id(), event.occurredAt(), event.username(),
                        null, "SOMETHING_ELSE", event.entityType(), event.entityId(), null, null), locale);
                assertThat(sentence).as(event.action() + " " + locale)
                        .isNotEqualTo(fallback)
                        .doesNotContain("{", "}", "null")
                        .doesNotContainPattern(CODE)
                        .doesNotContain("{\"");
                for (AuditSentences.Change change : sentences.changes(event, locale)) {
                    assertThat(change.field() + " " + change.before() + " " + change.after())
                            .as(event.action() + " " + locale).doesNotContain("{", "}").doesNotContainPattern(CODE);
                }
            }
        }
    }

    @Test
    void aVerificationNamesTheAmountAndTheSp2dInEitherLanguage() {
        AuditEvent verified = everyKindOfEvent().stream().filter(e -> e.action().equals("DISBURSEMENT_VERIFIED"))
                .findFirst().orElseThrow();
        assertThat(sentences.sentence(verified, INDONESIAN))
                .isEqualTo("admin memverifikasi pencairan Rp 50.000.000, SP2D 000123/SP2D-LS/1/2026");
        assertThat(sentences.sentence(verified, Locale.ENGLISH))
                .isEqualTo("admin verified the disbursement of Rp 50.000.000, SP2D 000123/SP2D-LS/1/2026");
        assertThat(sentences.record(verified, INDONESIAN)).isEqualTo("Pencairan 77");
        assertThat(sentences.line(verified, INDONESIAN).link()).isEqualTo("/pencairan/77");
        assertThat(sentences.changes(verified, INDONESIAN))
                .containsExactly(new AuditSentences.Change("Status", "Diajukan", "Terverifikasi"));
    }

    @Test
    void aFigureWithDecimalsReadsAsThePagesLanguageWritesItAndAYearIsNeverGrouped() {
        AuditEvent set = everyKindOfEvent().stream().filter(e -> e.action().equals("POVERTY_FIGURE_SET"))
                .findFirst().orElseThrow();
        assertThat(sentences.changes(set, INDONESIAN))
                .contains(new AuditSentences.Change("Nilai", "8,36", "8,4"));
        assertThat(sentences.changes(set, Locale.ENGLISH))
                .contains(new AuditSentences.Change("Value", "8.36", "8.4"));
        assertThat(sentences.sentence(set, INDONESIAN)).contains("2024").doesNotContain("2.024").doesNotContain("8.4");
    }

    @Test
    void theApplicationItselfIsSistem() {
        AuditEvent locked = everyKindOfEvent().stream().filter(e -> e.action().equals("ACCOUNT_LOCKED"))
                .findFirst().orElseThrow();
        assertThat(sentences.sentence(locked, INDONESIAN))
                .isEqualTo("Sistem mengunci akun op-disdik sampai 28 Nov 2026 12:27 WIB setelah 5 kali gagal masuk");
        assertThat(sentences.actor("system", Locale.ENGLISH)).isEqualTo("System");
        assertThat(sentences.actor("admin", INDONESIAN)).isEqualTo("admin");
    }

    @Test
    void aRevisionListsOnlyWhatChangedWithLabelsAndReadableValues() {
        AuditEvent revised = everyKindOfEvent().stream().filter(e -> e.action().equals("ALLOCATION_REVISED"))
                .findFirst().orElseThrow();
        assertThat(sentences.changes(revised, INDONESIAN))
                .containsExactly(new AuditSentences.Change("Jumlah", "Rp 100.000.000", "Rp 80.000.000"));
        AuditEvent created = everyKindOfEvent().stream().filter(e -> e.action().equals("ALLOCATION_CREATED"))
                .findFirst().orElseThrow();
        assertThat(sentences.changes(created, INDONESIAN))
                .contains(new AuditSentences.Change("Mekanisme", null, "Belanja OPD"),
                        new AuditSentences.Change("Rencana realisasi", null, "Juli"),
                        new AuditSentences.Change("Status", null, "Aktif"))
                .noneMatch(change -> change.field().equals("Kode desa") || change.field().equals("version"));
    }

    @Test
    void anUnknownFieldShowsItsNameAndNeverJson() {
        AuditEvent odd = event("admin", "TEST_ODD", "Test", "1", null,
                "{\"colour\": \"biru\", \"nested\": {\"a\": 1, \"b\": [true, \"x\"]}}");
        assertThat(sentences.sentence(odd, INDONESIAN)).isEqualTo("admin mencatat perubahan pada Data 1");
        assertThat(sentences.changes(odd, INDONESIAN)).containsExactly(
                new AuditSentences.Change("colour", null, "biru"),
                new AuditSentences.Change("nested", null, "a: 1, b: true, x"));
        assertThat(sentences.actionName("TEST_ODD", INDONESIAN)).isEqualTo("Test odd");
        assertThat(sentences.actionName("DISBURSEMENT_VERIFIED", INDONESIAN)).isEqualTo("Pencairan diverifikasi");
        assertThat(sentences.recordType("UserAccount", INDONESIAN)).isEqualTo("Akun pengguna");
        assertThat(sentences.line(odd, INDONESIAN).link()).isNull();
    }

    private static String disbursement(String status, String rejectReason, int version) {
        return DISBURSEMENT.formatted(status, rejectReason == null ? "null" : rejectReason, version);
    }

    private static String allocation(String amount, String status, String cancelReason, int version) {
        return ALLOCATION.formatted(amount, status, cancelReason == null ? "null" : cancelReason, version);
    }

    private static AuditEvent event(String user, String action, String type, String id, String before, String after) {
        return new AuditEvent(1, AT, user, "127.0.0.1", action, type, id, before, after);
    }
}
