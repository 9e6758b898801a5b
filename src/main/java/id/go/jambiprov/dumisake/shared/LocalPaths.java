package id.go.jambiprov.dumisake.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Addresses the application sends a browser back to after a form: only paths of this application, written
 * with the characters a URI allows. A hand-made value could otherwise lead elsewhere
 * ({@code //evil.example}, {@code /\evil.example}), put a line break into the {@code Location} header,
 * which the container refuses with a 500, or a <code>{</code> that Spring's redirect takes for a variable.
 */
public final class LocalPaths {

    /** RFC 3986's unreserved, reserved and percent characters. */
    private static final Pattern URI_CHARACTERS = Pattern.compile("[A-Za-z0-9\\-._~!$&'()*+,;=:@/?#\\[\\]%]*");

    private LocalPaths() {
    }

    /** Whether {@code path} is a path (and query) of this application, safe as a redirect target. */
    public static boolean isLocal(String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//")
                && URI_CHARACTERS.matcher(path).matches();
    }

    /**
     * The path and query of {@code address} (a page's full address, as in {@code Referer}), when they make a
     * local path. Only the path is kept: the host a browser names may be the load balancer's.
     */
    public static Optional<String> pathOf(String address) {
        if (address == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(address);
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return isLocal(path) ? Optional.of(path) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
