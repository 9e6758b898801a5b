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
 * other capabilities' pages include): {@code ${#audit.line(e)}}, {@code ${#audit.recordTypes(types)}},
 * {@code ${#audit.actionNames(codes)}}, in the page's language.
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

    /** The object behind {@code #audit}; public, as templates call it. */
    public static final class Lines {

        private final AuditSentences sentences;

        Lines(AuditSentences sentences) {
            this.sentences = sentences;
        }

        public AuditSentences.Line line(AuditEvent event) {
            return sentences.line(event, LocaleContextHolder.getLocale());
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
