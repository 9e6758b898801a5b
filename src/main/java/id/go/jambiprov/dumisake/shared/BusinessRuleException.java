package id.go.jambiprov.dumisake.shared;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request that is well-formed but that a rule of the programme refuses (an envelope too small, a closed
 * year, a transition that is not allowed). Pages show the message on the form; the API answers 422.
 */
public class BusinessRuleException extends RuntimeException {

    private final String code;
    private final String messageKey;
    private final transient Object[] arguments;
    private final transient Map<String, Object> details = new LinkedHashMap<>();

    public BusinessRuleException(String code, String messageKey, Object... arguments) {
        super(code + " " + messageKey + " " + Arrays.toString(arguments));
        this.code = code;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    /** A stable machine-readable reason, e.g. {@code ENVELOPE_EXCEEDED}, for the API. */
    public String code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** Adds a machine-readable fact to the refusal, e.g. the {@code remaining} amount of an envelope. */
    public BusinessRuleException with(String name, Object value) {
        details.put(name, value);
        return this;
    }

    public Map<String, Object> details() {
        return Map.copyOf(details);
    }
}
