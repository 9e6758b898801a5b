package id.go.jambiprov.dumisake.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.TransactionExecution;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Viewers who ask for figures while the same figures are being rendered wait for them instead of running
 * the same queries again — unless a write came in between, whose effect they must see.
 */
class RenderedFragmentsTest {

    private static final String TEMPLATE = "<p th:text=\"${figures}\">x</p>";

    private final ExecutorService viewers = Executors.newFixedThreadPool(2);
    private final GenericApplicationContext application = new GenericApplicationContext();
    private final AtomicInteger computed = new AtomicInteger();
    private final CountDownLatch firstComputing = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private RenderedFragments fragments;

    @BeforeEach
    void setUp() {
        application.refresh();
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(new StringTemplateResolver());
        // figures are never kept: only renders in flight are shared
        fragments = new RenderedFragments(engine, application, new DefaultFormattingConversionService(),
                Clock.systemUTC(), Duration.ZERO);
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        viewers.shutdownNow();
        application.close();
    }

    @Test
    void aViewerAskingDuringTheSameRenderingWaitsForItsResult() throws Exception {
        Future<String> first = view(slowFigures("Rp 5"));
        assertThat(firstComputing.await(10, TimeUnit.SECONDS)).isTrue();
        Future<String> waiting = secondViewerWaiting();
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("<p>Rp 5</p>");
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo("<p>Rp 5</p>");
        assertThat(computed).hasValue(1);
    }

    @Test
    void aViewerAskingAfterAWriteRendersTheNewFiguresItself() throws Exception {
        Future<String> first = view(slowFigures("Rp 5"));
        assertThat(firstComputing.await(10, TimeUnit.SECONDS)).isTrue();
        fragments.afterCommit(write(), null);

        assertThat(render(() -> figures("Rp 6"))).isEqualTo("<p>Rp 6</p>");
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("<p>Rp 5</p>");
        assertThat(computed).hasValue(2);
    }

    @Test
    void theRenderersFailureIsTheWaitingViewersToo() throws Exception {
        Future<String> first = view(() -> {
            computed.incrementAndGet();
            firstComputing.countDown();
            awaitRelease();
            throw new IllegalStateException("connection refused");
        });
        assertThat(firstComputing.await(10, TimeUnit.SECONDS)).isTrue();
        Future<String> waiting = secondViewerWaiting();
        release.countDown();

        assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().hasMessage("connection refused");
        assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().hasMessage("connection refused");
        assertThat(computed).hasValue(1);
    }

    /**
     * A client adding made-up parameters ({@code ?x=1}, {@code ?x=2} …) once made an entry per value and
     * pushed out the figures everyone shares; and the HTML kept for everyone carried its parameters in its
     * links. Entries are now keyed on the parameters the page reads, which are all its links keep.
     */
    @Test
    void parametersThePageDoesNotReadShareOneEntryAndStayOutOfItsLinks() {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(new StringTemplateResolver());
        engine.addDialect(new PageExpressions(new DisplayFormats(Clock.systemUTC()), new PageLinks(), new Viewer()));
        RenderedFragments kept = new RenderedFragments(engine, application, new DefaultFormattingConversionService(),
                Clock.systemUTC(), Duration.ofMinutes(1));
        String template = "<a th:href=\"${#links.page(2)}\" th:text=\"${figures}\">x</a>";

        List<String> pages = new ArrayList<>();
        for (int x = 0; x < 3; x++) {
            int probe = x;
            pages.add(renderWith(kept, template, "year=2026&x=" + probe + "&lang=en", () -> figures("Rp " + probe)));
        }
        String otherYear = renderWith(kept, template, "year=2025&x=9", () -> figures("Rp 9"));

        assertThat(pages).containsOnly("<a href=\"/dasbor?year=2026&amp;page=2\">Rp 0</a>");
        assertThat(otherYear).isEqualTo("<a href=\"/dasbor?year=2025&amp;page=2\">Rp 9</a>");
        assertThat(computed).hasValue(2);
    }

    /**
     * A page whose parameters take values without end (a made-up sort {@code a1}, {@code a2} …) keys its
     * entries on the values it parsed: the request's own make no entry and show in no link.
     */
    @Test
    void parsedValuesKeyTheEntryAndAreWhatItsLinksKeep() {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(new StringTemplateResolver());
        engine.addDialect(new PageExpressions(new DisplayFormats(Clock.systemUTC()), new PageLinks(), new Viewer()));
        RenderedFragments kept = new RenderedFragments(engine, application, new DefaultFormattingConversionService(),
                Clock.systemUTC(), Duration.ofMinutes(1));
        String template = "<a th:href=\"${#links.page(2)}\" th:text=\"${figures}\">x</a>";

        List<String> pages = new ArrayList<>();
        for (int a = 0; a < 50; a++) {
            int probe = a;
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/dasbor/kecamatan/15.01.01");
            request.setQueryString("year=2026&sort=a" + probe);
            request.addParameter("year", "2026");
            request.addParameter("sort", "a" + probe);
            Map<String, String> parsed = new LinkedHashMap<>();
            parsed.put("year", "2026");
            parsed.put("sort", null);
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
            SecurityContextHolder.getContext()
                    .setAuthentication(new TestingAuthenticationToken("ahli", null, "ROLE_EXPERT"));
            try {
                pages.add(kept.render(template, parsed, request, new MockHttpServletResponse(),
                        () -> figures("Rp " + probe)));
            } finally {
                SecurityContextHolder.clearContext();
                RequestContextHolder.resetRequestAttributes();
            }
        }

        assertThat(pages).containsOnly("<a href=\"/dasbor/kecamatan/15.01.01?year=2026&amp;page=2\">Rp 0</a>");
        assertThat(computed).hasValue(1);
    }

    /**
     * Asking for enough different entries (each real: another year, page or sort) no longer empties the
     * cache for everyone: a full cache keeps the figures it holds and does not keep the newcomers.
     */
    @Test
    void aFullCacheKeepsWhatItHoldsInsteadOfBeingFlushed() {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(new StringTemplateResolver());
        RenderedFragments kept = new RenderedFragments(engine, application, new DefaultFormattingConversionService(),
                Clock.systemUTC(), Duration.ofMinutes(1));
        String shared = renderWith(kept, TEMPLATE, "year=2026", () -> figures("Rp 1"));
        for (int year = 3000; year < 5100; year++) {
            renderWith(kept, TEMPLATE, "year=" + year, () -> figures("Rp 2"));
        }
        int rendered = computed.get();

        assertThat(renderWith(kept, TEMPLATE, "year=2026", () -> figures("Rp 3"))).isEqualTo(shared);
        assertThat(computed).hasValue(rendered);
    }

    private String renderWith(RenderedFragments kept, String template, String query,
                              Supplier<Map<String, Object>> model) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/dasbor");
        request.setQueryString(query);
        for (String parameter : query.split("&")) {
            String[] pair = parameter.split("=");
            request.addParameter(pair[0], pair[1]);
        }
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("ahli", null, "ROLE_EXPERT"));
        try {
            return kept.render(template, List.of("year", "page"), request, new MockHttpServletResponse(), model);
        } finally {
            SecurityContextHolder.clearContext();
            RequestContextHolder.resetRequestAttributes();
        }
    }

    /** A second viewer of the same figures, once it waits for the rendering in flight. */
    private Future<String> secondViewerWaiting() throws InterruptedException {
        Future<String> waiting = viewers.submit(() -> {
            Thread.currentThread().setName("second viewer");
            return render(slowFigures("Rp 6"));
        });
        awaitParked("second viewer");
        return waiting;
    }

    private Future<String> view(Supplier<Map<String, Object>> model) {
        return viewers.submit(() -> render(model));
    }

    private String render(Supplier<Map<String, Object>> model) {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("ahli", null, "ROLE_EXPERT"));
        try {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/dasbor");
            request.setQueryString("year=2026");
            return fragments.render(TEMPLATE, List.of("year"), request, new MockHttpServletResponse(), model);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Supplier<Map<String, Object>> slowFigures(String value) {
        return () -> {
            computed.incrementAndGet();
            firstComputing.countDown();
            awaitRelease();
            return Map.of("figures", value);
        };
    }

    private Map<String, Object> figures(String value) {
        computed.incrementAndGet();
        return Map.of("figures", value);
    }

    private void awaitRelease() {
        try {
            assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Until the named thread waits (for the rendering in flight); it never computes, or the count shows it. */
    private static void awaitParked(String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().equals(name) && thread.getState() == Thread.State.WAITING) {
                    return;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError(name + " never waited");
    }

    private static TransactionExecution write() {
        return new TransactionExecution() {
            @Override
            public String getTransactionName() {
                return "id.go.jambiprov.dumisake.allocation.AllocationService.create";
            }

            @Override
            public boolean isReadOnly() {
                return false;
            }
        };
    }
}
