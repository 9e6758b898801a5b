package id.go.jambiprov.dumisake.web;

import id.go.jambiprov.dumisake.account.PasswordChangeRequiredException;
import id.go.jambiprov.dumisake.account.SignedOutException;
import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.CrossSiteRequestException;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import id.go.jambiprov.dumisake.shared.StaleVersionException;
import id.go.jambiprov.dumisake.shared.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.http.ProblemDetail;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the JSON API as {@code application/problem+json} (RFC 9457): Spring MVC's own
 * (malformed body, wrong type, missing parameter: 400) through the base class, ours below.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private final LocaleResolver locales;

    ApiExceptionHandler(MessageSource messages, LocaleResolver locales) {
        this.locales = locales;
        setMessageSource(messages);
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException exception, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, exception.messageKey(), exception.arguments(), request);
    }

    /** A rule refused the request: 422 with a stable {@code code} and the facts a script needs. */
    @ExceptionHandler(BusinessRuleException.class)
    ProblemDetail ruleRefused(BusinessRuleException exception, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, exception.messageKey(),
                exception.arguments(), request);
        problem.setProperty("code", exception.code());
        exception.details().forEach(problem::setProperty);
        return problem;
    }

    /** The caller used up a limit: 429 with when to try again. */
    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException exception, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, exception.messageKey(), exception.arguments(),
                request);
        problem.setProperty("code", exception.code());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(exception.retryAfter().toSeconds())).body(problem);
    }

    /** The database is away (restart, outage): 503 at once, and the client may simply try again later. */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            UncategorizedDataAccessException.class, TransactionSystemException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception exception, HttpServletRequest request) throws Exception {
        if (!DatabaseOutage.causedBy(exception)) {
            throw exception;
        }
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "problem.databaseUnavailable", new Object[0],
                request);
        problem.setProperty("code", "DATABASE_UNAVAILABLE");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30").body(problem);
    }

    /** A database constraint refused what no service rule caught first: a conflict, never a 500. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail constraintRefused(HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "problem.constraint", new Object[0], request);
        problem.setProperty("code", "CONSTRAINT_VIOLATED");
        return problem;
    }

    @ExceptionHandler({StaleVersionException.class, ObjectOptimisticLockingFailureException.class})
    ProblemDetail stale(HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "problem.staleVersion", new Object[0], request);
        problem.setProperty("code", "STALE_VERSION");
        return problem;
    }

    /** Another site made the browser send a request that costs the signed-in person something: 403. */
    @ExceptionHandler(CrossSiteRequestException.class)
    ProblemDetail crossSite(CrossSiteRequestException exception, HttpServletRequest request) {
        return problem(HttpStatus.FORBIDDEN, exception.messageKey(), null, request);
    }

    /** Signed in with a one-time password: the API waits until the person has chosen their own. */
    @ExceptionHandler(PasswordChangeRequiredException.class)
    ProblemDetail passwordChangeRequired(HttpServletRequest request) {
        return problem(HttpStatus.FORBIDDEN, PasswordChangeRequiredException.MESSAGE_KEY, null, request);
    }

    /** A session whose account was disabled meanwhile: it has been ended, as if it had expired. */
    @ExceptionHandler(SignedOutException.class)
    ProblemDetail signedOut(HttpServletRequest request) {
        return problem(HttpStatus.UNAUTHORIZED, "problem.unauthorized", null, request);
    }

    /** A text with a NUL character in the body (see {@link NulRefusingStrings}): 400 saying so. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (NulRefusingStrings.NulCharacterException.among(exception)
                && request instanceof ServletWebRequest servlet) {
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "request.nulCharacter", null, servlet.getRequest());
            problem.setProperty("code", "NUL_CHARACTER");
            return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
        }
        return super.handleHttpMessageNotReadable(exception, headers, status, request);
    }

    /** A problem whose detail is the message {@code key} in the caller's language. */
    public ProblemDetail problem(HttpStatus status, String key, Object[] arguments, HttpServletRequest request) {
        String detail = getMessageSource().getMessage(key, arguments, key, locales.resolveLocale(request));
        return ProblemDetail.forStatusAndDetail(status, detail);
    }
}
