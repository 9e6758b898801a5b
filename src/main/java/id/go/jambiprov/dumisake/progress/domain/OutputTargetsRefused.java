package id.go.jambiprov.dumisake.progress.domain;

import id.go.jambiprov.dumisake.progress.OutputTargetViolation;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;

import java.util.List;
import java.util.Map;

/** Output targets that break {@link OutputTargetRules}: 422 with every problem by row and field. */
public class OutputTargetsRefused extends BusinessRuleException {

    private final transient List<OutputTargetViolation> violations;

    public OutputTargetsRefused(List<OutputTargetViolation> violations) {
        super("OUTPUT_TARGETS_INVALID", violations.get(0).messageKey(), violations.get(0).arguments());
        this.violations = List.copyOf(violations);
        with("errors", violations.stream()
                .map(v -> Map.of("row", v.row(), "field", v.field(), "messageKey", v.messageKey()))
                .toList());
    }

    public List<OutputTargetViolation> violations() {
        return violations;
    }
}
