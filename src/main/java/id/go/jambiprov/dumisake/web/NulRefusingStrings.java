package id.go.jambiprov.dumisake.web;

import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * A NUL character in a text of a JSON body ({@code "\u0000"}) is refused as the body is read, as
 * {@link RequestParameterFilter} refuses it in parameters: PostgreSQL cannot store it, and the failure
 * surfaced as a misleading 409. {@link ApiExceptionHandler} answers 400 with the reason.
 */
@Component
class NulRefusingStrings extends SimpleModule {

    NulRefusingStrings() {
        super("nul-refusing-strings");
        addDeserializer(String.class, new Deserializer());
    }

    /** Thrown while reading a body with a NUL character in a text; found again among the causes. */
    static final class NulCharacterException extends RuntimeException {

        NulCharacterException() {
            super("NUL character in a JSON string");
        }

        static boolean among(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof NulCharacterException) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class Deserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            if (RequestParameterFilter.containsNul(text)) {
                throw new NulCharacterException();
            }
            return text;
        }
    }
}
