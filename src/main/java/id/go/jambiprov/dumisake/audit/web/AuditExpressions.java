package id.go.jambiprov.dumisake.audit.web;

import id.go.jambiprov.dumisake.audit.AuditEvent;
import id.go.jambiprov.dumisake.audit.AuditSentences;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import java.util.List;
import java.util.Set;

/**
 * The audit trail as people read it, for the audit page and for the history on a record's page (which
 * other capabilities' pages include): {@code ${#audit.line(e)}}, {@code ${#audit.recordType('Allocation')}},
 * {@code ${#audit.actionName(code)}}, in the page's language.
 */
@Component
public class AuditExpressions extends AbstractDialect implements IExpressionObjectDialect {

    private static final String NAME = "audit";

    private final Lines lines;

    AuditExpressions(AuditSentences sentences) {
        super("dumisake-audit");
        this.lines = new Lines(sentences);
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                return lines;
            }

            @Override
            public boolean isCacheable(String name) {
                return true;
            }
        };
    }

    /**
     * One event as a row of the trail.
     *
     * @param link the path of the record's page, null when it has none
     */
    public record Line(String actor, String sentence, String record, String link,
                       List<AuditSentences.Change> changes) {
    }

    /** The object behind {@code #audit}; public, as templates call it. */
    public static final class Lines {

        private final AuditSentences sentences;

        Lines(AuditSentences sentences) {
            this.sentences = sentences;
        }

        public Line line(AuditEvent event) {
            var locale = LocaleContextHolder.getLocale();
            return new Line(sentences.actor(event.username(), locale), sentences.sentence(event, locale),
                    sentences.record(event, locale), sentences.link(event), sentences.changes(event, locale));
        }

        public String recordType(String entityType) {
            return sentences.recordType(entityType, LocaleContextHolder.getLocale());
        }

        public String actionName(String action) {
            return sentences.actionName(action, LocaleContextHolder.getLocale());
        }
    }
}
