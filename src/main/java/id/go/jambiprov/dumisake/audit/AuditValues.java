package id.go.jambiprov.dumisake.audit;

import id.go.jambiprov.dumisake.shared.Figures;
import id.go.jambiprov.dumisake.shared.JambiTime;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import org.springframework.context.MessageSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fields of a stored audit state as a person reads them: money as rupiah, dates and times in WIB, codes of a
 * closed list by their names, a missing value as a dash — never JSON. {@link AuditSentences} puts them into
 * sentences and before → after tables.
 */
class AuditValues {

    private static final Set<String> MONEY = Set.of("amount", "paguPerKecamatan", "overdueAmount", "waitingAmount");
    private static final Set<String> DATES = Set.of("sp2dDate", "date", "obstacleSince", "followUpDueDate");
    private static final Set<String> TIMES = Set.of("lockedUntil", "createdAt", "resolvedAt", "escalatedAt");
    /** Codes of a closed list, read through the message keys the rest of the application shows them with. */
    private static final Map<String, String> CODE_LISTS = Map.of(
            "role", "role.",
            "pillar", "pillar.",
            "mechanism", "mechanism.",
            "sex", "beneficiary.sex.",
            "targetType", "note.target.",
            "obstacleCategory", "obstacle.category.",
            "reason", "audit.value.reason.",
            "indicator", "poverty.indicator.",
            "period", "poverty.period.");
    private static final Map<String, String> STATUSES = Map.of(
            "Allocation", "allocation.status.",
            "Disbursement", "disbursement.status.",
            "FiscalYear", "fiscalYear.status.",
            "Aid", "aid.status.",
            "Obstacle", "obstacle.status.");
    private static final String NONE = "–";

    private final MessageSource messages;
    private final JsonMapper json;

    AuditValues(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** The fields of a stored state (the JSON of the audit event), in their order; none when it is not an object. */
    Map<String, JsonNode> state(String stored) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        if (stored == null) {
            return fields;
        }
        try {
            JsonNode tree = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(stored);
            if (tree.isObject()) {
                tree.properties().forEach(entry -> fields.put(entry.getKey(), entry.getValue()));
            }
        } catch (JacksonException e) {
            return fields;
        }
        return fields;
    }

    String label(String field, Locale locale) {
        String label = messages.getMessage("audit.field." + field, null, null, locale);
        return label != null ? label : field;
    }

    String value(String entityType, String field, JsonNode node, Locale locale) {
        if (isEmpty(node)) {
            String none = messages.getMessage("audit.value." + field + ".none", null, null, locale);
            return none != null ? none : NONE;
        }
        if (node.isBoolean()) {
            return text(node.booleanValue() ? "audit.value.yes" : "audit.value.no", locale);
        }
        if (node.isObject() || node.isArray()) {
            return nested(node);
        }
        String raw = node.isNumber() ? node.decimalValue().toPlainString() : node.asString();
        try {
            if (MONEY.contains(field) && node.isNumber()) {
                return Rupiah.format(node.decimalValue());
            }
            if (DATES.contains(field)) {
                return JambiTime.date(LocalDate.parse(raw), locale);
            }
            if (TIMES.contains(field)) {
                return JambiTime.dateTime(OffsetDateTime.parse(raw), locale);
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            return raw;
        }
        if ("plannedMonth".equals(field) && node.canConvertToInt() && node.intValue() >= 1 && node.intValue() <= 12) {
            return Month.of(node.intValue()).getDisplayName(TextStyle.FULL, locale);
        }
        String list = "status".equals(field) ? STATUSES.get(entityType) : CODE_LISTS.get(field);
        if (list != null) {
            String name = messages.getMessage(list + raw, null, null, locale);
            if (name != null) {
                return name;
            }
            if ("reason".equals(field)) {
                return text("audit.value.reason.other", locale);
            }
        }
        // a number as the page's language writes it, "8,36" in Indonesian; never grouped, since whole numbers here are
        // years, ids and counts that read "2026", not "2.026"
        return node.isNumber() ? Figures.plain(node.decimalValue(), locale) : raw;
    }

    /** An object or list inside the state, which no event writes today: its values as plain text, never JSON. */
    private static String nested(JsonNode node) {
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.isValueNode() ? item.asString() : nested(item)));
            return String.join(", ", items);
        }
        return node.properties().stream()
                .map(entry -> entry.getKey() + ": " + (entry.getValue().isValueNode()
                        ? entry.getValue().asString() : nested(entry.getValue())))
                .collect(Collectors.joining(", "));
    }

    static boolean isEmpty(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || (node.isString() && node.asString().isBlank());
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
