package id.go.jambiprov.dumisake.web;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Links of list pages that keep the current filters: {@code ${#links.page(2)}} and
 * {@code ${#links.sort('name')}} in templates (see {@link PageExpressions}).
 */
@Component
public class PageLinks {

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
        ServletUriComponentsBuilder link = current();
        String current = link.build().getQueryParams().getFirst("sort");
        String direction = (property + ",asc").equals(current) ? "desc" : "asc";
        return link.replaceQueryParam("sort", property + "," + direction).replaceQueryParam("page")
                .build().toUriString();
    }

    private static ServletUriComponentsBuilder current() {
        ServletUriComponentsBuilder builder = ServletUriComponentsBuilder.fromCurrentRequest();
        builder.scheme(null).host(null).port(null);
        return builder;
    }
}
