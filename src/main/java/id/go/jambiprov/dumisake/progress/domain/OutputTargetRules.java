package id.go.jambiprov.dumisake.progress.domain;

import id.go.jambiprov.dumisake.progress.OutputTarget;
import id.go.jambiprov.dumisake.progress.OutputTargetViolation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a list of output targets must be: each with a name (unique within the allocation), a unit and a target
 * volume above zero, at most {@value #MAX_ROWS} of them. Every problem is listed with its row and field, so that
 * a page can mark each field at once.
 */
public final class OutputTargetRules {

    public static final int MAX_ROWS = 20;
    public static final int MAX_NAME = 200;
    public static final int MAX_UNIT = 30;
    public static final BigDecimal MAX_VOLUME = new BigDecimal("999999999999.99");

    private OutputTargetRules() {
    }

    public static List<OutputTargetViolation> check(List<OutputTarget> targets) {
        List<OutputTargetViolation> violations = new ArrayList<>();
        if (targets.size() > MAX_ROWS) {
            violations.add(new OutputTargetViolation(MAX_ROWS, "name", "progress.output.tooMany", MAX_ROWS));
        }
        Set<String> names = new HashSet<>();
        for (int row = 0; row < targets.size(); row++) {
            OutputTarget target = targets.get(row);
            String name = target.name() == null ? "" : target.name().strip();
            if (name.isEmpty()) {
                violations.add(new OutputTargetViolation(row, "name", "progress.output.nameRequired"));
            } else if (name.length() > MAX_NAME) {
                violations.add(new OutputTargetViolation(row, "name", "progress.output.nameTooLong", MAX_NAME));
            } else if (!names.add(name.toLowerCase(Locale.ROOT))) {
                violations.add(new OutputTargetViolation(row, "name", "progress.output.nameTwice", name));
            }
            String unit = target.unit() == null ? "" : target.unit().strip();
            if (unit.isEmpty()) {
                violations.add(new OutputTargetViolation(row, "unit", "progress.output.unitRequired"));
            } else if (unit.length() > MAX_UNIT) {
                violations.add(new OutputTargetViolation(row, "unit", "progress.output.unitTooLong", MAX_UNIT));
            }
            BigDecimal volume = target.target();
            if (volume == null || volume.signum() <= 0 || volume.compareTo(MAX_VOLUME) > 0
                    || volume.stripTrailingZeros().scale() > 2) {
                violations.add(new OutputTargetViolation(row, "target", "progress.output.targetInvalid"));
            }
        }
        return violations;
    }
}
