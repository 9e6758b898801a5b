package id.go.jambiprov.dumisake.web;

import id.go.jambiprov.dumisake.shared.CrossSiteRequestException;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import id.go.jambiprov.dumisake.shared.StaleVersionException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A record that is missing, or outside what the user may see, gets the same friendly 404 page; a record
 * changed by someone else meanwhile gets the 409 page; a page another site opened where that costs the
 * person something gets the 403 page with the reason.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException exception) {
        ModelAndView page = new ModelAndView("error/404", HttpStatus.NOT_FOUND);
        page.addObject("messageKey", exception.messageKey());
        page.addObject("messageArguments", exception.arguments());
        return page;
    }

    /** Another site made the browser open a page that costs the signed-in person something: 403, saying why. */
    @ExceptionHandler(CrossSiteRequestException.class)
    ModelAndView crossSite(CrossSiteRequestException exception) {
        ModelAndView page = new ModelAndView("error/403", HttpStatus.FORBIDDEN);
        page.addObject("messageKey", exception.messageKey());
        return page;
    }

    /** The database is away: a calm page instead of a stack trace; nothing was written. */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            UncategorizedDataAccessException.class, TransactionSystemException.class})
    ModelAndView databaseUnavailable(Exception exception, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        if (!DatabaseOutage.causedBy(exception)) {
            throw exception;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, "30");
        ModelAndView page = new ModelAndView("error/503", HttpStatus.SERVICE_UNAVAILABLE);
        page.addObject(RequestIdFilter.ATTRIBUTE, request.getAttribute(RequestIdFilter.ATTRIBUTE));
        return page;
    }

    /** Two people edited the same record: the second learns it, nothing is overwritten. */
    @ExceptionHandler({StaleVersionException.class, ObjectOptimisticLockingFailureException.class})
    ModelAndView changedBySomeoneElse(HttpServletRequest request) {
        ModelAndView page = new ModelAndView("error/conflict", HttpStatus.CONFLICT);
        page.addObject("back", request.getHeader("Referer"));
        return page;
    }
}
