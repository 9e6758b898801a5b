package id.go.jambiprov.dumisake.poverty.internal;

import id.go.jambiprov.dumisake.poverty.domain.Violation;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;

import java.util.List;
import java.util.Map;

/**
 * The figures were refused and nothing was written: every violation, for the form's fields and the import's
 * row-error report; the API answers 422 with them as {@code errors} ({@code row}, {@code field}, {@code message}).
 */
public class FiguresRefusedException extends BusinessRuleException {

    private final transient List<Violation> violations;

    FiguresRefusedException(List<Violation> violations, List<Map<String, Object>> errors) {
        super("POVERTY_FIGURES_INVALID", "poverty.rule.refused", violations.size());
        this.violations = List.copyOf(violations);
        with("errors", errors);
    }

    public List<Violation> violations() {
        return violations;
    }
}
