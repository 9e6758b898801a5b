package id.go.jambiprov.dumisake;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The application's message bundles as a page reads them (UTF-8, no fallback to the machine's language), for the
 * unit tests of what writes user texts without an application context.
 */
public final class MessageBundles {

    private MessageBundles() {
    }

    /** The bundles of {@code spring.messages.basename} a test needs, e.g. {@code "messages", "i18n/targeting"}. */
    public static MessageSource of(String... basenames) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames(basenames);
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
