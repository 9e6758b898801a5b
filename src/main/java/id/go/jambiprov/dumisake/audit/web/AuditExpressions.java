package id.go.jambiprov.dumisake.audit.web;

import id.go.jambiprov.dumisake.audit.AuditEvent;
import id.go.jambiprov.dumisake.audit.AuditSentences;
import id.go.jambiprov.dumisake.shared.HtmlRows;
import id.go.jambiprov.dumisake.shared.JambiTime;
import id.go.jambiprov.dumisake.shared.TemplateObjects;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The audit trail as people read it, for the audit page and for the history on a record's page (which
 * other capabilities' pages include): {@code ${#audit.rows(events, root)}}, {@code ${#audit.recordTypes(types)}},
 * {@code ${#audit.actionNames(codes)}}, in the page's language.
 */
@Component
public class AuditExpressions extends TemplateObjects {

    AuditExpressions(AuditSentences sentences, MessageSource messages) {
        super("dumisake-audit", Map.of("audit", new Lines(sentences, messages)));
    }

    /** The object behind {@code #audit}; public, as templates call it. */
    public static final class Lines {

        private final AuditSentences sentences;
        private final MessageSource messages;

        Lines(AuditSentences sentences, MessageSource messages) {
            this.sentences = sentences;
            this.messages = messages;
        }

        /**
         * The rows of a table of events as HTML written in Java ({@link HtmlRows}), for one {@code th:utext}: the
         * time, who (with the address they came from), the sentence with the changed fields in a {@code details},
         * and the record with the link to its page. Written as a template, its fifteen processed attributes per
         * row and three per changed field were most of the audit page's rendering (docs/benchmarks.md). At phone
         * width each row stands as labelled lines: {@code data-label} names the column (dumisake.css).
         *
         * @param root the application's root, {@code @{/}}, built once per table: the records' links begin there
         */
        public String rows(List<AuditEvent> events, String root) {
            Locale locale = LocaleContextHolder.getLocale();
            String base = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
            Labels labels = new Labels(messages, locale);
            HtmlRows html = new HtmlRows(events.size());
            for (AuditEvent event : events) {
                AuditSentences.Line line = sentences.line(event, locale);
                html.row(null)
                        .open("td", "class", "text-nowrap", "data-label", labels.when)
                        .text(JambiTime.dateTime(event.occurredAt(), locale)).close("td")
                        .open("td", "data-label", labels.user).open("span").text(line.actor()).close("span").space()
                        .open("small", "class", "d-block text-body-secondary").text(event.clientAddress())
                        .close("small").close("td")
                        .open("td", "data-label", labels.event)
                        .open("span", "class", "audit-sentence").text(line.sentence()).close("span");
                changes(html, labels, line.changes());
                html.close("td").open("td", "data-label", labels.entity);
                if (line.link() != null) {
                    html.open("a", "href", base + line.link()).text(line.record()).close("a");
                } else {
                    html.open("span").text(line.record()).close("span");
                }
                html.close("td").endRow();
            }
            return html.toString();
        }

        /** The changed fields, before and after ("–" for nothing), folded into a {@code details}; none, nothing. */
        private static void changes(HtmlRows html, Labels labels, List<AuditSentences.Change> changes) {
            if (changes.isEmpty()) {
                return;
            }
            html.space().open("details", "class", "audit-changes").open("summary").text(labels.details)
                    .close("summary").open("table", "class", "table table-sm mb-0").open("thead").row(null)
                    .open("th", "scope", "col").text(labels.field).close("th")
                    .open("th", "scope", "col").text(labels.before).close("th")
                    .open("th", "scope", "col").text(labels.after).close("th")
                    .endRow().close("thead").open("tbody");
            for (AuditSentences.Change change : changes) {
                html.row(null).open("th", "scope", "row").text(change.field()).close("th")
                        .cell(null, change.before() == null ? "–" : change.before())
                        .cell(null, change.after() == null ? "–" : change.after())
                        .endRow();
            }
            html.close("tbody").close("table").close("details");
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

    /** The table's fixed texts in the page's language, looked up once per table. */
    private static final class Labels {

        final String when;
        final String user;
        final String event;
        final String entity;
        final String details;
        final String field;
        final String before;
        final String after;

        Labels(MessageSource messages, Locale locale) {
            when = messages.getMessage("audit.occurredAt", null, locale);
            user = messages.getMessage("audit.user", null, locale);
            event = messages.getMessage("audit.event", null, locale);
            entity = messages.getMessage("audit.entity", null, locale);
            details = messages.getMessage("audit.details", null, locale);
            field = messages.getMessage("audit.field", null, locale);
            before = messages.getMessage("audit.before", null, locale);
            after = messages.getMessage("audit.after", null, locale);
        }
    }
}
