package id.go.jambiprov.dumisake.account;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Marks a login made with HTTP Basic: a script's credentials, checked again on every request and never
 * kept in a session. Such a request is no sign-in of a person, so a successful one leaves no audit event
 * (a script making thousands of calls would bury the real sign-ins); a failed one counts and is audited
 * like any other.
 */
public final class HttpBasicLoginDetails extends WebAuthenticationDetails {

    public HttpBasicLoginDetails(HttpServletRequest request) {
        super(request);
    }
}
