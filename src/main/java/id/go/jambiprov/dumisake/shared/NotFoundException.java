package id.go.jambiprov.dumisake.shared;

import java.util.Arrays;

/**
 * A record that does not exist, or that the caller may not know exists: both answer 404 alike.
 * Carries a message key and its arguments so that pages and the API can say which record.
 */
public class NotFoundException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public NotFoundException(String messageKey, Object... arguments) {
        super(messageKey + " " + Arrays.toString(arguments));
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
