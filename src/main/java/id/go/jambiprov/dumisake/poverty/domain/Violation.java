package id.go.jambiprov.dumisake.poverty.domain;

/**
 * One thing wrong with a submission: the row of the import file (0 for a form or the API), the field (a
 * {@code Submission} field name or an indicator's field) and the message key with its arguments.
 */
public record Violation(int row, String field, String messageKey, Object... arguments) {
}
