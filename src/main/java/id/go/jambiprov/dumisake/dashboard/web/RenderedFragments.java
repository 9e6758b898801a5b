package id.go.jambiprov.dumisake.dashboard.web;

import id.go.jambiprov.dumisake.account.CurrentUser;
import id.go.jambiprov.dumisake.shared.ParametersRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.convert.ConversionService;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The rendered HTML of the heavy, read-only parts of the dashboard pages, kept for a few seconds: the
 * expert team and the agencies look at the same figures again and again, and rendering a hundred table
 * rows costs far more CPU than the SQL behind them. An entry serves only the same path, values of the
 * parameters its page reads, language, roles and OPD scope, and never holds anything of a session (forms
 * with a CSRF token stay outside). Other parameters neither make new entries (a client adding
 * {@code ?x=1}, {@code ?x=2} … pushed the figures everyone shares out) nor reach the HTML (its links
 * keep only the named ones), so no viewer's made-up parameter shows in another viewer's page. It is
 * dropped as soon as this instance commits a write of the application, and after
 * {@code dumisake.web.fragment-cache-ttl} for writes through another instance and for figures that
 * depend on today's date.
 */
@Component
public class RenderedFragments implements TransactionExecutionListener {

    private static final String OWN_TRANSACTIONS = "id.go.jambiprov.dumisake.";
    private static final int MAX_ENTRIES = 2_000;

    private final SpringTemplateEngine templates;
    private final ApplicationContext application;
    private final ConversionService conversions;
    private final Clock clock;
    private final Duration ttl;
    private final AtomicLong generation = new AtomicLong();
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Map<Key, Rendering> rendering = new ConcurrentHashMap<>();

    RenderedFragments(SpringTemplateEngine templates, ApplicationContext application,
                      ConversionService mvcConversionService, Clock clock,
                      @Value("${dumisake.web.fragment-cache-ttl:PT10S}") Duration ttl) {
        this.templates = templates;
        this.application = application;
        this.conversions = mvcConversionService;
        this.clock = clock;
        this.ttl = ttl;
    }

    /**
     * The template rendered with the variables {@code model} supplies, or the HTML rendered for the same
     * request, viewer and language within the last seconds when nothing has been written since. Viewers who
     * ask while the same HTML is being rendered since the last write wait for it instead of rendering it
     * too: when the kept figures expire, eight viewers would otherwise run the same heavy queries eight
     * times at once (at national scale that made the slowest one wait seconds).
     *
     * @param parameters the request parameters the template and {@code model} depend on; the template
     *                   sees no others, in its links included
     */
    public String render(String template, List<String> parameters, HttpServletRequest request,
                         HttpServletResponse response, Supplier<Map<String, Object>> model) {
        Map<String, String[]> read = new LinkedHashMap<>();
        for (String name : parameters) {
            String[] values = request.getParameterValues(name);
            if (values != null) {
                read.put(name, values);
            }
        }
        return renderWith(template, read, request, response, model);
    }

    /**
     * As {@link #render(String, List, HttpServletRequest, HttpServletResponse, Supplier)}, for a page whose
     * parameters take values without end (a page number, a sort): the caller hands over the values it
     * parsed and validated — one of a bounded few per parameter — in place of the request's, so that no
     * client can make entries of its own (and by so many, push out everyone's). The template sees these
     * values, in its links included; a parameter mapped to {@code null} is left out.
     */
    public String render(String template, Map<String, String> parameters, HttpServletRequest request,
                         HttpServletResponse response, Supplier<Map<String, Object>> model) {
        Map<String, String[]> read = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (value != null) {
                read.put(name, new String[] {value});
            }
        });
        return renderWith(template, read, request, response, model);
    }

    private String renderWith(String template, Map<String, String[]> read, HttpServletRequest request,
                              HttpServletResponse response, Supplier<Map<String, Object>> model) {
        Key key = new Key(template, request.getRequestURI(), query(read), LocaleContextHolder.getLocale(),
                authorities(), CurrentUser.opdScope());
        long current = generation.get();
        Instant now = clock.instant();
        Entry entry = entries.get(key);
        if (entry != null && entry.generation() == current && now.isBefore(entry.renderedAt().plus(ttl))) {
            return entry.html();
        }
        Rendering mine = new Rendering(current, new CompletableFuture<>());
        Rendering running = rendering.merge(key, mine,
                (old, candidate) -> old.generation() >= current ? old : candidate);
        if (running != mine) {
            return running.awaitHtml();
        }
        RequestAttributes outer = RequestContextHolder.getRequestAttributes();
        try {
            HttpServletRequest named = new NamedParametersOnly(unwrapped(request), read, key.query());
            // links of the template (web.PageLinks) are built from the request Spring MVC holds as current
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(named, response));
            WebContext context = new WebContext(JakartaServletWebApplication
                    .buildApplication(request.getServletContext()).buildExchange(named, response),
                    key.locale(), model.get());
            context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                    new ThymeleafEvaluationContext(application, conversions));
            String html = templates.process(template, context);
            keep(key, new Entry(current, now, html));
            mine.html().complete(html);
            return html;
        } catch (RuntimeException | Error e) {
            mine.html().completeExceptionally(e);
            throw e;
        } finally {
            RequestContextHolder.setRequestAttributes(outer);
            rendering.remove(key, mine);
        }
    }

    /**
     * Keeps {@code entry} while there is room. When full, the entries past their time or older than the
     * last write go; if all are live, the new one is not kept rather than pushing out the figures everyone
     * is looking at — emptying the cache when full let anyone flush it by asking for enough new entries.
     */
    private void keep(Key key, Entry entry) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(kept -> kept.generation() != entry.generation()
                    || !entry.renderedAt().isBefore(kept.renderedAt().plus(ttl)));
        }
        if (entries.size() < MAX_ENTRIES) {
            entries.put(key, entry);
        }
    }

    /** The parameters as a query string in the order named, or {@code null} without any. */
    private static String query(Map<String, String[]> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, values) -> {
            for (String value : values) {
                query.append(query.isEmpty() ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.isEmpty() ? null : query.toString();
    }

    @Override
    public void afterCommit(TransactionExecution transaction, Throwable commitFailure) {
        // only the application's own services: Spring Session writes the session row on every request
        String name = transaction.getTransactionName();
        if (commitFailure == null && !transaction.isReadOnly() && name != null && name.startsWith(OWN_TRANSACTIONS)) {
            generation.incrementAndGet();
            entries.clear();
        }
    }

    /**
     * The container's own request: Thymeleaf keeps every template variable, loop variables included, as a
     * request attribute, and each read through the security and session filters' wrappers cost a tenth of
     * a table's rendering. The wrappers add nothing a fragment reads (it holds no form, hence no CSRF token).
     */
    private static HttpServletRequest unwrapped(HttpServletRequest request) {
        HttpServletRequest inner = request;
        while (inner instanceof HttpServletRequestWrapper wrapper
                && wrapper.getRequest() instanceof HttpServletRequest next) {
            inner = next;
        }
        return inner;
    }

    private static String authorities() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "" : authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).sorted().collect(Collectors.joining(","));
    }

    private record Key(String template, String path, String query, Locale locale, String authorities, String opd) {
    }

    /** The request as the template sees it: with only the parameters its page reads. */
    private static final class NamedParametersOnly extends ParametersRequest {

        private final String query;

        NamedParametersOnly(HttpServletRequest request, Map<String, String[]> parameters, String query) {
            super(request, parameters);
            this.query = query;
        }

        @Override
        public String getQueryString() {
            return query;
        }
    }

    private record Entry(long generation, Instant renderedAt, String html) {
    }

    /** HTML being rendered by one request, from the data as of {@code generation}. */
    private record Rendering(long generation, CompletableFuture<String> html) {

        /** The HTML once rendered; the renderer's failure (e.g. the database being away) is this viewer's too. */
        String awaitHtml() {
            try {
                return html.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for a fragment being rendered", e);
            }
        }
    }
}
