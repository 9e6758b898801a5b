package id.go.jambiprov.dumisake.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A page is written whole, also when it is larger than its view's buffer was sized for; a page that fails
 * half-way writes nothing, the response stays open for the error page, as long as the page is within what the view
 * holds; a longer page goes out in pieces as it renders.
 */
class PageViewTest {

    private static final String ROWS = "<p th:each=\"i : ${#numbers.sequence(1, count)}\" th:text=\"|baris ${i} – Rp|\">x</p>";

    @Test
    void aPageIsWrittenWholeWhateverItsSize() throws Exception {
        PageView view = view(ROWS);

        String small = render(view, 3);
        String large = render(view, 5_000);
        String smallAgain = render(view, 3);

        assertThat(small).isEqualTo("<p>baris 1 – Rp</p><p>baris 2 – Rp</p><p>baris 3 – Rp</p>");
        assertThat(large).isEqualTo(rows(5_000));
        assertThat(smallAgain).isEqualTo(small);
    }

    @Test
    void aTextLongerThanAPieceGoesStraightThroughInItsPlace() throws Exception {
        PageView view = view(ROWS + "<div th:utext=\"${table}\">x</div><p>akhir</p>");
        String table = "<table>" + "<tr><td>1.234</td></tr>".repeat(PageView.WHOLE_PAGE_CHARS / 10) + "</table>";
        MockHttpServletResponse response = new MockHttpServletResponse();

        view.render(Map.of("count", 100, "table", table), new MockHttpServletRequest(), response);

        assertThat(response.getContentAsString()).isEqualTo(rows(100) + "<div>" + table + "</div><p>akhir</p>");
    }

    @Test
    void aPageThatFailsHalfWayWritesNothing() throws Exception {
        PageView view = view(ROWS + "<p th:text=\"${1 / zero}\">x</p>");
        MockHttpServletResponse response = new MockHttpServletResponse();
        int rowsWithinWhatTheViewHolds = PageView.WHOLE_PAGE_CHARS / "<p>baris 9999 – Rp</p>".length();

        assertThatThrownBy(() -> view.render(Map.of("count", rowsWithinWhatTheViewHolds, "zero", 0),
                new MockHttpServletRequest(), response)).hasRootCauseInstanceOf(ArithmeticException.class);

        assertThat(response.isCommitted()).isFalse();
        assertThat(response.getContentAsByteArray()).isEmpty();
    }

    @Test
    void aLongerPageGoesOutInPiecesAsItRenders() throws Exception {
        PageView view = view(ROWS + "<p th:text=\"${1 / zero}\">x</p>");
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThatThrownBy(() -> view.render(Map.of("count", 5_000, "zero", 0), new MockHttpServletRequest(),
                response)).hasRootCauseInstanceOf(ArithmeticException.class);

        // the rows rendered before the failure are out already, up to the last whole piece
        String out = response.getContentAsString();
        assertThat(out.length()).isGreaterThanOrEqualTo(PageView.WHOLE_PAGE_CHARS).isLessThan(rows(5_000).length());
        assertThat(rows(5_000)).startsWith(out);
    }

    private static String render(PageView view, int count) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        view.render(Map.of("count", count), new MockHttpServletRequest(), response);
        assertThat(response.getContentType()).isEqualTo("text/html;charset=UTF-8");
        return response.getContentAsString();
    }

    private static PageView view(String template) throws Exception {
        MockServletContext servletContext = new MockServletContext();
        StaticWebApplicationContext context = new StaticWebApplicationContext();
        context.setServletContext(servletContext);
        context.refresh();
        servletContext.setAttribute(WebApplicationContext.ROOT_WEB_APPLICATION_CONTEXT_ATTRIBUTE, context);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(new StringTemplateResolver());
        ThymeleafViewResolver resolver = new ThymeleafViewResolver();
        resolver.setApplicationContext(context);
        resolver.setTemplateEngine(engine);
        resolver.setCharacterEncoding("UTF-8");
        // as Spring Boot sets it by default: the view buffers the page whatever this says
        resolver.setProducePartialOutputWhileProcessing(true);
        new PageView.Installer().postProcessBeforeInitialization(resolver, "thymeleafViewResolver");
        return (PageView) resolver.resolveViewName(template, Locale.ROOT);
    }

    private static String rows(int count) {
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            rows.append("<p>baris ").append(i).append(" – Rp</p>");
        }
        return rows.toString();
    }
}
