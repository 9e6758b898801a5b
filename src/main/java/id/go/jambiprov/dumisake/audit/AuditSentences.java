package id.go.jambiprov.dumisake.audit;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns an audit event into what a person reads: a sentence in the page's language ("admin memverifikasi
 * pencairan Rp 50.000.000, SP2D …"), the record's name and number with the address of its page, "Sistem" for
 * the application itself and the changed fields as before → after with readable labels and values. The
 * codes and the JSON stay in the database, the API and the CSV export, for machines. The audit page, the
 * history on a record's page and the CSV export all use this one class.
 */
@Component
public class AuditSentences {

    /** The data fields of an event whose values complete its sentence, as its arguments {2}, {3}, … */
    private static final Map<String, List<String>> ARGUMENTS = Map.ofEntries(
            Map.entry("ACCOUNT_CREATED", List.of("username", "fullName", "role")),
            Map.entry("ACCOUNT_DISABLED", List.of("username")),
            Map.entry("ACCOUNT_ENABLED", List.of("username")),
            Map.entry("ACCOUNT_UNLOCKED", List.of("username")),
            Map.entry("ACCOUNT_LOCKED", List.of("username", "lockedUntil", "failedAttempts")),
            Map.entry("PASSWORD_RESET", List.of("username")),
            Map.entry("PASSWORD_CHANGED", List.of("username")),
            Map.entry("LOGIN_SUCCEEDED", List.of()),
            Map.entry("LOGIN_FAILED", List.of("reason")),
            Map.entry("PASSWORD_CHECK_FAILED", List.of()),
            Map.entry("DISBURSEMENT_CREATED", disbursement()),
            Map.entry("DISBURSEMENT_EDITED", disbursement()),
            Map.entry("DISBURSEMENT_SUBMITTED", disbursement()),
            Map.entry("DISBURSEMENT_VERIFIED", disbursement()),
            Map.entry("DISBURSEMENT_REJECTED", disbursement()),
            Map.entry("DISBURSEMENT_DEMO_LOADED", disbursement()),
            Map.entry("DISBURSEMENT_TAKEN_OVER", List.of("tranche", "amount", "sp2dNumber", "sp2dDate", "status")),
            Map.entry("ALLOCATION_CREATED", allocation()),
            Map.entry("ALLOCATION_REVISED", allocation()),
            Map.entry("ALLOCATION_CANCELLED", allocation()),
            Map.entry("FISCAL_YEAR_OPENED", List.of("year", "paguPerKecamatan", "envelopes")),
            Map.entry("FISCAL_YEAR_PAGU_CHANGED", List.of("year", "paguPerKecamatan", "envelopes")),
            Map.entry("FISCAL_YEAR_CLOSED", List.of("year", "paguPerKecamatan", "envelopes")),
            Map.entry("EARLY_WARNINGS_RECORDED", List.of("date", "overdueAllocations", "overdueAmount",
                    "waitingDisbursements", "waitingDays", "waitingAmount")),
            Map.entry("PROGRAMME_CREATED", List.of("name", "code", "maxWelfareDecile")),
            Map.entry("PROGRAMME_CHANGED", List.of("name", "code", "maxWelfareDecile")),
            Map.entry("PROGRAMME_DECILE_LIMITED", List.of("name", "code", "maxWelfareDecile")),
            Map.entry("BENEFICIARY_CREATED", List.of("name", "nik")),
            Map.entry("BENEFICIARY_DEMO_LOADED", List.of("name", "nik")),
            Map.entry("NIK_VIEWED", List.of("nik")),
            Map.entry("NIK_SEARCHED", List.of("nik")),
            Map.entry("NIK_SEARCH_LIMIT_REACHED", List.of("limit", "windowMinutes")),
            Map.entry("BENEFICIARIES_IMPORTED", List.of("file", "rows", "beneficiariesCreated", "aidCreated")),
            Map.entry("IMPORT_REPORT_DOWNLOADED", List.of("uploadedBy")),
            Map.entry("AID_RECORDED", aid()),
            Map.entry("AID_CANCELLED", aid()),
            Map.entry("REVIEW_NOTE_WRITTEN", List.of("targetLabel", "text")),
            Map.entry("REVIEW_NOTE_RESOLVED", List.of("targetLabel", "reply")),
            Map.entry("OBSTACLE_RAISED", List.of("obstacleCategory", "allocationId", "description")),
            Map.entry("OBSTACLE_FOLLOWED_UP", List.of("followUpAction", "followUpResponsible", "followUpDueDate")),
            Map.entry("OBSTACLE_ESCALATED", List.of("description")),
            Map.entry("OBSTACLE_COMMENTED", List.of("obstacleComment")),
            Map.entry("OBSTACLE_RESOLVED", List.of("resolution")),
            Map.entry("SCALE_DATA_GENERATED", List.of()),
            Map.entry("MONEV_SETTING_CHANGED", List.of("greenMaxDeviation", "yellowMaxDeviation")),
            Map.entry("PHOTO_UPLOADED", List.of("photoFile", "photoAllocation", "photoReportMonth")),
            Map.entry("PROGRESS_REPORT_CREATED", List.of("allocationId", "month", "physicalPercent")),
            Map.entry("PROGRESS_REPORT_EDITED", List.of("allocationId", "month", "physicalPercent", "correctionReason")),
            Map.entry("OUTPUT_TARGETS_SET", List.of("allocationId", "title", "outputs")),
            Map.entry("PROGRAMME_MIN_PROGRESS_SET", List.of("name", "code", "minProgressForNextTranche")),
            Map.entry("POVERTY_FIGURE_SET", povertyFigure()),
            Map.entry("POVERTY_FIGURE_CHOSEN", povertyFigure()),
            Map.entry("POVERTY_FIGURE_WITHDRAWN", povertyFigure()),
            Map.entry("POVERTY_FIGURES_IMPORTED", List.of("file", "rows", "figures")));

    /** The page of a record, by its type; {0} is its number. Aid is shown on its beneficiary's page. */
    private static final Map<String, String> PAGES = Map.ofEntries(
            Map.entry("Allocation", "/alokasi/{0}"),
            Map.entry("Disbursement", "/pencairan/{0}"),
            Map.entry("UserAccount", "/akun/{0}"),
            Map.entry("Beneficiary", "/penerima/{0}"),
            Map.entry("BeneficiaryImport", "/penerima/impor/{0}"),
            Map.entry("FiscalYear", "/tahun-anggaran/{0}"),
            Map.entry("Programme", "/program"),
            Map.entry("Obstacle", "/kendala/{0}"),
            Map.entry("MonevSetting", "/monev/ambang"),
            Map.entry("ProgressPhoto", "/foto-lapangan/{0}/tampilan"),
            Map.entry("ProgressReport", "/laporan-kemajuan/{0}"),
            Map.entry("OutputTargets", "/alokasi/{0}/keluaran"));

    /** Bookkeeping of optimistic locking: it changes with every edit and tells a reader nothing. */
    private static final Set<String> HIDDEN = Set.of("version");

    /** A record number that may stand in a link. */
    private static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final MessageSource messages;
    private final AuditValues values;

    AuditSentences(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.values = new AuditValues(messages, json);
    }

    /**
     * One event as a row of the trail: who, the sentence, the record with the address of its page, the changes.
     *
     * @param link the path of the record's page, null when it has none
     */
    public record Line(String actor, String sentence, String record, String link, List<Change> changes) {
    }

    /** The row of one event, its stored states read once for all its parts (a page shows 50 rows). */
    public Line line(AuditEvent event, Locale locale) {
        Map<String, JsonNode> before = values.state(event.before());
        Map<String, JsonNode> after = values.state(event.after());
        return new Line(actor(event.username(), locale), sentence(event, before, after, locale), record(event, locale),
                link(event, after), changes(event, before, after, locale));
    }

    /** What happened, as one sentence: who did what to which record, with the amounts and numbers that matter. */
    public String sentence(AuditEvent event, Locale locale) {
        if (!ARGUMENTS.containsKey(event.action())) {
            return sentence(event, Map.of(), Map.of(), locale);
        }
        Map<String, JsonNode> after = values.state(event.after());
        return sentence(event, after.isEmpty() ? values.state(event.before()) : Map.of(), after, locale);
    }

    private String sentence(AuditEvent event, Map<String, JsonNode> before, Map<String, JsonNode> after,
                            Locale locale) {
        List<String> fields = ARGUMENTS.get(event.action());
        if (fields == null) {
            return text("audit.sentence.other", locale, actor(event.username(), locale), record(event, locale));
        }
        Map<String, JsonNode> state = after.isEmpty() ? before : after;
        List<Object> arguments = new ArrayList<>();
        arguments.add(actor(event.username(), locale));
        arguments.add(record(event, locale));
        for (String field : fields) {
            arguments.add(values.value(event.entityType(), field, state.get(field), locale));
        }
        return text("audit.sentence." + event.action(), locale, arguments.toArray());
    }

    /** The person who did it by username; "Sistem" for the application's own work. */
    public String actor(String username, Locale locale) {
        return username == null || AuditTrail.SYSTEM.equals(username)
                ? text("audit.actor.system", locale)
                : username;
    }

    /** The record in words: its kind and its number, "Alokasi 1966", "Akun pengguna 1". */
    public String record(AuditEvent event, Locale locale) {
        String kind = recordType(event.entityType(), locale);
        return event.entityId() == null ? kind : text("audit.record", locale, kind, event.entityId());
    }

    /** The kind of record, "Alokasi"; "Data" for a kind this class does not know. */
    public String recordType(String entityType, Locale locale) {
        String name = messages.getMessage("audit.entity." + entityType, null, null, locale);
        return name != null ? name : text("audit.entity.other", locale);
    }

    /** The action's name for the filter of the audit page, "Pencairan diverifikasi". */
    public String actionName(String action, Locale locale) {
        String name = messages.getMessage("audit.action." + action, null, null, locale);
        return name != null ? name : humanised(action);
    }

    /** The path of the record's page, or null when it has none; aid links to its person, named in its state. */
    private static String link(AuditEvent event, Map<String, JsonNode> after) {
        if ("Aid".equals(event.entityType())) {
            JsonNode beneficiary = after.get("beneficiaryId");
            return beneficiary == null || !beneficiary.isNumber() ? null : "/penerima/" + beneficiary.asLong();
        }
        String page = PAGES.get(event.entityType());
        if (page == null || event.entityId() == null || !RECORD_ID.matcher(event.entityId()).matches()) {
            return null;
        }
        return page.replace("{0}", event.entityId());
    }

    /**
     * The fields that changed, before → after, labelled in the page's language; for a created record its
     * fields as they were set, for a record only looked at (a login, a search) what the event noted.
     */
    public List<Change> changes(AuditEvent event, Locale locale) {
        return changes(event, values.state(event.before()), values.state(event.after()), locale);
    }

    private List<Change> changes(AuditEvent event, Map<String, JsonNode> before, Map<String, JsonNode> after,
                                 Locale locale) {
        Set<String> fields = new LinkedHashSet<>(after.keySet());
        fields.addAll(before.keySet());
        List<Change> changes = new ArrayList<>();
        for (String field : fields) {
            JsonNode was = before.get(field);
            JsonNode is = after.get(field);
            if (HIDDEN.contains(field) || Objects.equals(was, is) || (AuditValues.isEmpty(was) && AuditValues.isEmpty(is))) {
                continue;
            }
            changes.add(new Change(values.label(field, locale),
                    event.before() == null ? null : values.value(event.entityType(), field, was, locale),
                    event.after() == null ? null : values.value(event.entityType(), field, is, locale)));
        }
        return changes;
    }

    /**
     * One changed field.
     *
     * @param before its value before, null when the event has no before (a record created)
     * @param after  its value after, null when the event has no after
     */
    public record Change(String field, String before, String after) {
    }

    /** {@code SOME_NEW_ACTION} as "Some new action", for an action recorded after this list was written. */
    private static String humanised(String code) {
        String words = code.toLowerCase(Locale.ROOT).replace('_', ' ').strip();
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    private static List<String> disbursement() {
        return List.of("tranche", "amount", "sp2dNumber", "sp2dDate", "rejectReason");
    }

    private static List<String> allocation() {
        return List.of("title", "amount", "opdCode", "year", "cancelReason");
    }

    private static List<String> povertyFigure() {
        return List.of("regionName", "year", "period", "indicator", "value", "source");
    }

    private static List<String> aid() {
        return List.of("amount", "nik", "date", "cancelReason");
    }
}
