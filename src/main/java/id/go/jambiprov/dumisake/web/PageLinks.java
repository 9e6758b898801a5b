package id.go.jambiprov.dumisake.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links of list pages that keep the current filters: {@code ${#links.page(2)}} and
 * {@code ${#links.sort('name')}} in templates (see {@link PageExpressions}).
 */
@Component
public class PageLinks {

    private static final String CURRENT = PageLinks.class.getName() + ".current";

    /** The current page with one query parameter set, e.g. the language switch. */
    public String withParam(String name, String value) {
        return current().replaceQueryParam(name, value).build().toUriString();
    }

    /** Another path with the current query, e.g. the CSV export of the list being looked at. */
    public String withPath(String path) {
        return current().replacePath(path).replaceQueryParam("page").replaceQueryParam("size").build()
                .toUriString();
    }

    public String page(int page) {
        return current().replaceQueryParam("page", page).build().toUriString();
    }

    /** Sorts by {@code property}; a second click on the same column turns the order around. */
    public String sort(String property) {
        UriComponentsBuilder link = current();
        String current = link.build().getQueryParams().getFirst("sort");
        String direction = (property + ",asc").equals(current) ? "desc" : "asc";
        return link.replaceQueryParam("sort", property + "," + direction).replaceQueryParam("page")
                .build().toUriString();
    }

    /**
     * The current request's address without scheme and host, read once per request: a list page builds some
     * twenty links from it (its sorts, its pages, the language switch), and reading the address each time was
     * a visible share of such a page. Kept with the path it was read for, as an error page rendered for the
     * same request (a forward to /error) has its own.
     */
    private static UriComponentsBuilder current() {
        ServletRequestAttributes attributes = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        HttpServletRequest request = attributes.getRequest();
        if (request.getAttribute(CURRENT) instanceof Address read && read.path().equals(request.getRequestURI())) {
            return read.builder().cloneBuilder();
        }
        Address read = new Address(request.getRequestURI(),
                ServletUriComponentsBuilder.fromRequest(request).scheme(null).host(null).port(null));
        request.setAttribute(CURRENT, read);
        return read.builder().cloneBuilder();
    }

    private record Address(String path, UriComponentsBuilder builder) {
    }
}
