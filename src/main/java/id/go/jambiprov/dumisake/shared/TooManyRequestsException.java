package id.go.jambiprov.dumisake.shared;

import java.time.Duration;
import java.util.Arrays;

/**
 * The caller used up what a limit allows them for now (e.g. exact NIK searches per account). Pages show the
 * message; the API answers 429 with a {@code Retry-After}.
 */
public class TooManyRequestsException extends RuntimeException {

    private final String code;
    private final String messageKey;
    private final transient Object[] arguments;
    private final Duration retryAfter;

    public TooManyRequestsException(String code, Duration retryAfter, String messageKey, Object... arguments) {
        super(code + " " + messageKey + " " + Arrays.toString(arguments));
        this.code = code;
        this.retryAfter = retryAfter;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    /** A stable machine-readable reason, e.g. {@code NIK_SEARCH_LIMIT}, for the API. */
    public String code() {
        return code;
    }

    /** How long until the caller may try again. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
