package id.go.jambiprov.dumisake.web;

import id.go.jambiprov.dumisake.shared.HtmlRows;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The entries of the layout's menus as HTML, for {@code th:utext} ({@code ${#nav.link('/alokasi', 'nav.allocations',
 * 'allocations', active)}}): every page draws some twenty of them, and each as an inserted fragment with four
 * processed attributes was a good share of a small page's CPU (docs/benchmarks.md). The output is what that
 * fragment gave: {@code <a class="nav-link active" href="/alokasi" aria-current="page">Alokasi</a>}, the entry marked
 * when it is the page's own ({@code active}), its text the message of {@code key} in the request's language,
 * escaped as {@code th:text} escapes it ({@link HtmlRows}).
 */
@Component
public class NavigationLinks {

    private final MessageSource messages;

    NavigationLinks(MessageSource messages) {
        this.messages = messages;
    }

    /** An entry of the navigation bar. */
    public String link(String path, String key, String name, String active) {
        return entry("nav-link", path, key, name.equals(active));
    }

    /** An entry of one of its menus. */
    public String menuLink(String path, String key, String name, String active) {
        return entry("dropdown-item", path, key, name.equals(active));
    }

    private String entry(String cssClass, String path, String key, boolean current) {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        return new HtmlRows(1, 128)
                .open("a", "class", current ? cssClass + " active" : cssClass, "href", request.getContextPath() + path,
                        "aria-current", current ? "page" : null)
                .text(messages.getMessage(key, null, LocaleContextHolder.getLocale()))
                .close("a").toString();
    }
}
