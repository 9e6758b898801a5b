package id.go.jambiprov.dumisake.web;

import id.go.jambiprov.dumisake.shared.LocalPaths;
import id.go.jambiprov.dumisake.shared.ParametersRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * Reads every request's parameters first, before the security filters or a controller do, and answers
 * with the application's own message what the application cannot use:
 * <ul>
 * <li>a body the container refuses to parse: an upload over the multipart limits, a part header over
 * its limit (a file name of some hundreds of characters), too many parts, a form over its size. Tomcat
 * throws from {@code getParameter} then; the CSRF filter asked first, so the failure passed by every
 * handler and ended on Tomcat's bare 413 page. A page goes back to the form with the reason, the API
 * answers a problem with Tomcat's status (413, or 400).</li>
 * <li>a NUL character in a parameter's name or value. PostgreSQL refuses it in text, so a search with
 * one gave a 500 on pages, a 409 on the API and a CSV export broken off mid-way. Refused with 400: the
 * error page with the reason, or a problem. JSON bodies are checked as they are read
 * ({@link NulRefusingStrings}).</li>
 * </ul>
 * Inside Spring Session's filter, so that the reason can travel to the form as a flash attribute.
 * <p>
 * The body of an upload from someone not signed in (no signed-in session, no {@code Authorization}
 * header) is not read at all: every upload needs a signed-in person, and reading it first would let anyone
 * make the server parse 31 MB per request, and leave a session row per refused upload for its message.
 * The API hands it on unread, for the security filters to answer 401; a page goes to the login page,
 * without a session (the CSRF check would otherwise read the body for its token, and create a session
 * to keep a new one).
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER + 1)
class RequestParameterFilter extends OncePerRequestFilter {

    /** The reason shown by the error page (templates/error.html) for a refused request. */
    static final String REFUSAL = "refusal";

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;
    private final DataSize maxRequestSize;

    RequestParameterFilter(MessageSource messages, LocaleResolver locales, JsonMapper json,
                           @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxRequestSize) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
        this.maxRequestSize = maxRequestSize;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isUpload(request) && !signedIn(request)) {
            if (isApi(request)) {
                chain.doFilter(new ParametersRequest(request, Map.of()), response);
            } else {
                response.sendRedirect(request.getContextPath() + "/login");
            }
            return;
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (InvalidParameterException refused) {
            unreadable(request, response, refused);
            return;
        }
        if (containsNul(parameters)) {
            refuse(request, response, HttpStatus.BAD_REQUEST, "request.nulCharacter", "NUL_CHARACTER", false);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isUpload(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
    }

    /** Signed in through the session, or maybe through the credentials sent along (checked later). */
    private static boolean signedIn(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return true;
        }
        HttpSession session = request.getSession(false);
        return session != null
                && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null;
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    static boolean containsNul(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }

    private static boolean containsNul(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (containsNul(parameter.getKey())) {
                return true;
            }
            for (String value : parameter.getValue()) {
                if (containsNul(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void unreadable(HttpServletRequest request, HttpServletResponse response, InvalidParameterException refused)
            throws IOException {
        HttpStatus status = HttpStatus.resolve(refused.getErrorCode());
        if (status == null || !status.is4xxClientError()) {
            status = HttpStatus.BAD_REQUEST;
        }
        if (tooLarge(refused.getCause())) {
            refuse(request, response, status, "upload.tooLarge", "UPLOAD_TOO_LARGE", true);
        } else {
            refuse(request, response, status, "request.unreadable", "REQUEST_UNREADABLE", true);
        }
    }

    /** The file or the whole upload over its limit, as opposed to a part header or the number of parts. */
    private boolean tooLarge(Throwable cause) {
        return cause instanceof FileSizeLimitExceededException
                || cause instanceof SizeException size && size.getPermittedSize() == maxRequestSize.toBytes();
    }

    /**
     * The API's problem. On pages, with {@code backToForm}, the form the request came from (the path of
     * its {@code Referer}, or the home page) with the reason: the container's error dispatch would try to
     * read the body it could not parse again. Otherwise the error page with the reason.
     */
    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key,
                        String code, boolean backToForm) throws IOException {
        String reason = messages.getMessage(key, null, locales.resolveLocale(request));
        if (isApi(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, reason);
            problem.setInstance(URI.create(request.getRequestURI()));
            problem.setProperty("code", code);
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        if (backToForm) {
            FlashMap flash = new FlashMap();
            flash.put("flashError", reason);
            new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
            response.sendRedirect(LocalPaths.pathOf(request.getHeader("Referer"))
                    .orElse(request.getContextPath() + "/"));
            return;
        }
        request.setAttribute(REFUSAL, reason);
        response.sendError(status.value());
    }
}
