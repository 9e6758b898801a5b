package id.go.jambiprov.dumisake.shared;

import java.util.Locale;
import java.util.Set;

/**
 * A request that another site made the browser send, where the answer costs the signed-in person something
 * even though it changes no record (a NIK search counts against their limit and is audited). Pages show the
 * message on the 403 page; the API answers 403 as a problem.
 */
public class CrossSiteRequestException extends RuntimeException {

    /** What browsers send for a request another site started; scripts send no header, a typed URL "none". */
    private static final Set<String> FOREIGN_SITES = Set.of("cross-site", "same-site");

    private final String messageKey;

    public CrossSiteRequestException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    /**
     * Refuses a request whose {@code Sec-Fetch-Site} says another site started it.
     *
     * @throws CrossSiteRequestException with {@code messageKey}
     */
    public static void refuseFromAnotherSite(String secFetchSite, String messageKey) {
        if (fromAnotherSite(secFetchSite)) {
            throw new CrossSiteRequestException(messageKey);
        }
    }

    /** Whether a request's {@code Sec-Fetch-Site} header says another site started it. */
    public static boolean fromAnotherSite(String secFetchSite) {
        return secFetchSite != null && FOREIGN_SITES.contains(secFetchSite.strip().toLowerCase(Locale.ROOT));
    }

    public String messageKey() {
        return messageKey;
    }
}
