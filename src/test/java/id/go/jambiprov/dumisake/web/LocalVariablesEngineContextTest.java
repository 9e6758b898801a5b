package id.go.jambiprov.dumisake.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import org.thymeleaf.web.IWebExchange;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Template variables in the context's own levels, the request's attributes behind them. */
class LocalVariablesEngineContextTest {

    private final MockServletContext servletContext = new MockServletContext();
    private final MockHttpServletRequest request = new MockHttpServletRequest(servletContext, "GET", "/app/alokasi");
    private final MockHttpServletResponse response = new MockHttpServletResponse();
    private SpringTemplateEngine engine;

    @BeforeEach
    void engine() {
        StringTemplateResolver templates = new StringTemplateResolver();
        templates.setTemplateMode(TemplateMode.HTML);
        engine = new SpringTemplateEngine();
        engine.setTemplateResolver(templates);
        engine.setEngineContextFactory(new TemplateVariablesConfig.Factory());
        request.setContextPath("/app");
    }

    private IWebExchange exchange() {
        return JakartaServletWebApplication.buildApplication(servletContext).buildExchange(request, response);
    }

    private String render(String template, Map<String, Object> model) {
        WebContext context = new WebContext(exchange(), Locale.ROOT, model);
        return engine.process(template, context);
    }

    @Test
    void aVariableOfThWithLivesOnlyInsideItsElementAndNeverReachesTheRequest() {
        String html = render("""
                <div th:with="x='inside'"><span th:text="${x}">x</span></div><p th:text="${x} ?: 'gone'">x</p>""",
                Map.of());

        assertThat(html).isEqualTo("<div><span>inside</span></div><p>gone</p>");
        assertThat(Collections.list(request.getAttributeNames())).doesNotContain("x");
    }

    @Test
    void aLocalVariableHidesAModelVariableOfTheSameNameOnlyInsideItsElement() {
        String html = render("""
                <ul><li th:each="m : ${list}" th:text="${m}">x</li></ul><p th:text="${m}">x</p>\
                <div th:with="m='local'" th:text="${m}">x</div><b th:text="${m}">x</b>""",
                Map.of("m", "model", "list", java.util.List.of("a", "b")));

        assertThat(html).isEqualTo("<ul><li>a</li><li>b</li></ul><p>model</p><div>local</div><b>model</b>");
        assertThat(request.getAttribute("m")).isNull();
    }

    @Test
    void aModelVariableIsVisibleAndOutranksARequestAttributeOfTheSameName() {
        request.setAttribute("title", "from a filter");

        assertThat(render("<p th:text=\"${title}\">x</p>", Map.of("title", "from the model")))
                .isEqualTo("<p>from the model</p>");
        assertThat(request.getAttribute("title")).isEqualTo("from a filter");
    }

    @Test
    void aRequestAttributeSetByAFilterIsVisible() {
        request.setAttribute("requestId", "abc123");

        assertThat(render("<p th:text=\"${requestId}\">x</p><i th:text=\"${missing} ?: 'none'\">x</i>", Map.of()))
                .isEqualTo("<p>abc123</p><i>none</i>");
    }

    @Test
    void requestParametersSessionAndApplicationAttributesReadAsWithThymeleafsOwnContext() {
        request.addParameter("lang", "en");
        request.addParameter("kecamatan", "15.01.01", "15.01.02");
        request.getSession().setAttribute("seen", "yes");
        servletContext.setAttribute("name", "Dumisake");

        String html = render("""
                <p th:text="${param.lang}">x</p><p th:text="${param.kecamatan[1]}">x</p>\
                <p th:text="${param.none} ?: '-'">x</p><p th:text="${session.seen}">x</p>\
                <p th:text="${application.name}">x</p>""", Map.of());

        assertThat(html).isEqualTo("<p>en</p><p>15.01.02</p><p>-</p><p>yes</p><p>Dumisake</p>");
    }

    @Test
    void linksAreBuiltOnTheRequestsContextPath() {
        assertThat(render("<a th:href=\"@{/alokasi/{id}(id=${id})}\">x</a>", Map.of("id", 7)))
                .isEqualTo("<a href=\"/app/alokasi/7\">x</a>");
    }

    @Test
    void fragmentParametersAreLocalToTheFragment() {
        String html = render("""
                <div th:fragment="cell(value)"><span th:text="${value}">x</span></div>\
                <section th:replace="~{::cell('one')}"></section><p th:text="${value} ?: 'gone'">x</p>""", Map.of());

        assertThat(html).endsWith("<div><span>one</span></div><p>gone</p>");
        assertThat(request.getAttribute("value")).isNull();
    }

    @Test
    void withoutARequestTheEngineKeepsThymeleafsOwnContext() {
        assertThat(engine.process("<p th:text=\"${a}\">x</p>", new Context(Locale.ROOT, Map.of("a", "plain"))))
                .isEqualTo("<p>plain</p>");
    }

    @Test
    void levelsRemovalAndReservedNames() {
        request.setAttribute("shadowed", "request");
        IWebExchange exchange = exchange();
        LocalVariablesEngineContext context = new LocalVariablesEngineContext(engine.getConfiguration(), null,
                Map.of(), exchange, Locale.ROOT, Map.of("model", "m"));
        assertThat(context.getExchange()).isSameAs(exchange);

        context.increaseLevel();
        context.setVariable("local", "l");
        assertThat(context.isVariableLocal("local")).isTrue();
        assertThat(context.isVariableLocal("model")).isFalse();
        context.removeVariable("shadowed");
        assertThat(context.containsVariable("shadowed")).isFalse();
        assertThat(context.getVariable("shadowed")).isNull();
        assertThat(context.getVariableNames()).contains("local", "model").doesNotContain("shadowed");
        context.decreaseLevel();

        assertThat(context.getVariable("local")).isNull();
        assertThat(context.containsVariable("local")).isFalse();
        assertThat(context.getVariable("shadowed")).isEqualTo("request");
        assertThat(context.getVariable("model")).isEqualTo("m");
        assertThat(context.getVariableNames()).contains("model", "shadowed").doesNotContain("local");
        assertThat(context.containsVariable("param")).isTrue();
        assertThatThrownBy(() -> context.setVariable("session", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> context.setVariables(Map.of("param", "x"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(request.getAttribute("model")).isNull();
    }
}
