package id.go.jambiprov.dumisake.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A menu entry is the HTML the layout's fragment gave: its class, the address under the application's context
 * path, marked as the current page when it is the page's own, its text in the request's language and escaped.
 */
class NavigationLinksTest {

    private final NavigationLinks nav = new NavigationLinks(messages());

    @AfterEach
    void forgetTheRequest() {
        RequestContextHolder.resetRequestAttributes();
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void anEntryOfTheBarAndOfAMenu() {
        request("");

        assertThat(nav.link("/alokasi", "nav.allocations", "allocations", "dashboard"))
                .isEqualTo("<a class=\"nav-link\" href=\"/alokasi\">Alokasi</a>");
        assertThat(nav.menuLink("/audit", "nav.audit", "audit", null))
                .isEqualTo("<a class=\"dropdown-item\" href=\"/audit\">Jejak &lt;audit&gt; &amp; log</a>");
    }

    @Test
    void thePagesOwnEntryIsMarkedAsTheCurrentPage() {
        request("");

        assertThat(nav.link("/alokasi", "nav.allocations", "allocations", "allocations"))
                .isEqualTo("<a class=\"nav-link active\" href=\"/alokasi\" aria-current=\"page\">Alokasi</a>");
        assertThat(nav.menuLink("/audit", "nav.audit", "audit", "audit"))
                .isEqualTo("<a class=\"dropdown-item active\" href=\"/audit\" aria-current=\"page\">"
                        + "Jejak &lt;audit&gt; &amp; log</a>");
    }

    @Test
    void underTheContextPathInTheRequestsLanguage() {
        request("/dumisake");
        LocaleContextHolder.setLocale(Locale.ENGLISH);

        assertThat(nav.link("/alokasi", "nav.allocations", "allocations", "dashboard"))
                .isEqualTo("<a class=\"nav-link\" href=\"/dumisake/alokasi\">Allocations</a>");
    }

    private static void request(String contextPath) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", contextPath + "/dasbor");
        request.setContextPath(contextPath);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        LocaleContextHolder.setLocale(Locale.forLanguageTag("id"));
    }

    private static StaticMessageSource messages() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("nav.allocations", Locale.forLanguageTag("id"), "Alokasi");
        messages.addMessage("nav.allocations", Locale.ENGLISH, "Allocations");
        messages.addMessage("nav.audit", Locale.forLanguageTag("id"), "Jejak <audit> & log");
        return messages;
    }
}
