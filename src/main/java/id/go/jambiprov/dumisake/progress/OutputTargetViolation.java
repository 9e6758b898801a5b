package id.go.jambiprov.dumisake.progress;

/**
 * A problem of one field of one output target (rows counted from 0), with its message key and arguments, so that a
 * page or an import marks the field it belongs to.
 *
 * @param field {@code name}, {@code unit} or {@code target}
 */
public record OutputTargetViolation(int row, String field, String messageKey, Object... arguments) {
}
