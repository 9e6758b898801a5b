package id.go.jambiprov.dumisake.account.internal;

import java.util.List;

/** Input an account rule refuses; each violation names the form field and the message to show there. */
public class AccountRuleException extends RuntimeException {

    private final transient List<Violation> violations;

    public AccountRuleException(List<Violation> violations) {
        super(violations.toString());
        this.violations = List.copyOf(violations);
    }

    public AccountRuleException(String field, String messageKey) {
        this(List.of(new Violation(field, messageKey)));
    }

    public List<Violation> violations() {
        return violations;
    }

    public record Violation(String field, String messageKey) {
    }
}
