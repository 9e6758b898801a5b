package id.go.jambiprov.dumisake.web;

import id.go.jambiprov.dumisake.shared.CrossSiteRequestException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

import java.io.IOException;
import java.util.Set;

/**
 * Refuses the state-changing API requests that another site could have made a browser send.
 * <p>
 * Every POST, PUT, PATCH and DELETE is refused (403) when the browser says it comes from another site —
 * {@code Sec-Fetch-Site: cross-site} or {@code same-site} — or its {@code Origin} is not this
 * application's. A request authenticated with HTTP Basic skips the CSRF token (a script has no page to take
 * it from), so it must also be one that no HTML form can send: its body must be {@code application/json}
 * (or {@code multipart/form-data} where the endpoint takes a file upload), or it has no body at all;
 * anything else answers 415. Both checks run before any authentication, so a refused request neither
 * signs in nor counts as a failed login.
 */
class ApiForgeryFilter extends OncePerRequestFilter {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final ProblemSecurityHandler problems;
    private final RequestMatcher uploads;

    /** @param uploads the endpoints that take a file as {@code multipart/form-data} */
    ApiForgeryFilter(ProblemSecurityHandler problems, RequestMatcher uploads) {
        this.problems = problems;
        this.uploads = uploads;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!STATE_CHANGING.contains(request.getMethod())) {
            chain.doFilter(request, response);
        } else if (fromAnotherSite(request)) {
            problems.write(request, response, HttpStatus.FORBIDDEN, "problem.crossSite");
        } else if (isHttpBasic(request) && !scriptOnlyBody(request)) {
            problems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problem.basicContentType");
        } else {
            chain.doFilter(request, response);
        }
    }

    static boolean isHttpBasic(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, "Basic ".length());
    }

    private static boolean fromAnotherSite(HttpServletRequest request) {
        if (CrossSiteRequestException.fromAnotherSite(request.getHeader("Sec-Fetch-Site"))) {
            return true;
        }
        // an Origin of "null" (sandboxed frame, redirect across sites) is foreign too
        return request.getHeader(HttpHeaders.ORIGIN) != null
                && !WebUtils.isSameOrigin(new ServletServerHttpRequest(request));
    }

    /** JSON, an upload where one is taken, or no body: what a form on another site cannot send. */
    private boolean scriptOnlyBody(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return request.getContentLengthLong() <= 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
        return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
                || "application".equals(type.getType()) && type.getSubtype().endsWith("+json")
                || MediaType.MULTIPART_FORM_DATA.equalsTypeAndSubtype(type) && uploads.matches(request);
    }
}
