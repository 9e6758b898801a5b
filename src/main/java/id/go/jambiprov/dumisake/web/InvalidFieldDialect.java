package id.go.jambiprov.dumisake.web;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.spring6.naming.SpringContextVariableNames;
import org.thymeleaf.spring6.util.FieldUtils;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.templatemode.TemplateMode;

import java.util.Set;

/**
 * A refused field is marked for everyone, not only by colour: wherever a template marks a bound field with
 * {@code th:errorclass}, a field with errors also gets {@code aria-invalid="true"} and is described by its
 * message under it ({@code <field>-error}, the id the {@code fragments/forms :: fieldError} fragment gives it).
 * Runs on the same attribute just before Spring's own {@code th:errorclass} processor, which removes it.
 */
@Component
class InvalidFieldDialect extends AbstractProcessorDialect {

    /** Spring's {@code th:errorclass} runs at 1800, after {@code th:field} (1700) has bound the element. */
    private static final int BEFORE_ERRORCLASS = 1790;

    InvalidFieldDialect() {
        // processors are ordered by their dialect's precedence first: the same as Spring's standard dialect
        super("Dumisake invalid fields", StandardDialect.PREFIX, StandardDialect.PROCESSOR_PRECEDENCE);
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        return Set.of(new MarkInvalid(dialectPrefix));
    }

    private static final class MarkInvalid extends AbstractAttributeTagProcessor {

        MarkInvalid(String prefix) {
            super(TemplateMode.HTML, prefix, null, false, "errorclass", true, BEFORE_ERRORCLASS, false);
        }

        @Override
        protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
                                 String attributeValue, IElementTagStructureHandler structureHandler) {
            // th:field has already given the element its name; the field is that name in the form's th:object
            String field = tag.getAttributeValue("name");
            if (field == null || field.isBlank()
                    || context.getVariable(SpringContextVariableNames.SPRING_BOUND_OBJECT_EXPRESSION) == null
                    || !FieldUtils.hasErrors(context, field)) {
                return;
            }
            if (!tag.hasAttribute("aria-invalid")) {
                structureHandler.setAttribute("aria-invalid", "true");
            }
            String errorId = field + "-error";
            String describedBy = tag.getAttributeValue("aria-describedby");
            if (describedBy == null || describedBy.isBlank()) {
                structureHandler.setAttribute("aria-describedby", errorId);
            } else if (!(" " + describedBy + " ").contains(" " + errorId + " ")) {
                structureHandler.setAttribute("aria-describedby", describedBy + " " + errorId);
            }
        }
    }
}
