package id.go.jambiprov.dumisake.audit.web;

import id.go.jambiprov.dumisake.audit.AuditEvent;
import id.go.jambiprov.dumisake.audit.AuditSentences;
import id.go.jambiprov.dumisake.shared.JambiTime;
import id.go.jambiprov.dumisake.shared.TemplateObjects;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The audit trail as people read it, for the audit page and for the history on a record's page (which
 * other capabilities' pages include): {@code ${#audit.rows(events, root)}}, {@code ${#audit.recordTypes(types)}},
 * {@code ${#audit.actionNames(codes)}}, in the page's language.
 */
@Component
public class AuditExpressions extends TemplateObjects {

    AuditExpressions(AuditSentences sentences) {
        super("dumisake-audit", Map.of("audit", new Lines(sentences)));
    }

    /** One event as a row of the trail; {@code link} is the address of the record's page, null when it has none. */
    public record Row(String when, String actor, String clientAddress, String sentence, String record, String link,
                      List<AuditSentences.Change> changes) {
    }

    /** The object behind {@code #audit}; public, as templates call it. */
    public static final class Lines {

        private final AuditSentences sentences;

        Lines(AuditSentences sentences) {
            this.sentences = sentences;
        }

        /**
         * The rows of a table of events, every text ready for one {@code th:text}: the time, the sentence, the
         * record and its link were a {@code th:with}, a format and a link expression per row in the template.
         *
         * @param root the application's root, {@code @{/}}, built once per table: the records' links begin there
         */
        public List<Row> rows(List<AuditEvent> events, String root) {
            Locale locale = LocaleContextHolder.getLocale();
            String base = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
            List<Row> rows = new ArrayList<>(events.size());
            for (AuditEvent event : events) {
                AuditSentences.Line line = sentences.line(event, locale);
                rows.add(new Row(JambiTime.dateTime(event.occurredAt(), locale), line.actor(), event.clientAddress(),
                        line.sentence(), line.record(), line.link() == null ? null : base + line.link(),
                        line.changes()));
            }
            return rows;
        }

        /** The names of the filter's kinds of record, in their order, for {@code #options.of(types, names, …)}. */
        public List<String> recordTypes(List<String> entityTypes) {
            var locale = LocaleContextHolder.getLocale();
            return entityTypes.stream().map(type -> sentences.recordType(type, locale)).toList();
        }

        /** The names of the filter's actions, in their order. */
        public List<String> actionNames(List<String> actions) {
            var locale = LocaleContextHolder.getLocale();
            return actions.stream().map(action -> sentences.actionName(action, locale)).toList();
        }
    }
}
