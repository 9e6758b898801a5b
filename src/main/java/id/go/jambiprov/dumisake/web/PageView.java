package id.go.jambiprov.dumisake.web;

import id.go.jambiprov.dumisake.shared.TextBuffer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.view.ThymeleafView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Map;

/**
 * A page (or a fragment) rendered into memory and written to the response in one piece, as Thymeleaf's own view
 * does when it is told not to produce partial output, but into a buffer as large as this view's page was the
 * last time, written out from that buffer: Thymeleaf's buffer starts at 1 KB, doubles as the page grows, and is
 * then copied into a string, together some three times a page's size in garbage per request, a quarter of a list
 * page's allocation (docs/benchmarks.md). Written as it renders, every small piece would pass through the session
 * and security filters' response wrappers; and an error half-way through a page still gives the error page, not
 * half a page.
 */
final class PageView extends ThymeleafView {

    private static final int FIRST_GUESS = 16 * 1024;

    /** The length of this view's last page, in chars; a view is cached per name and locale. */
    private volatile int lastLength = FIRST_GUESS;

    /** Thymeleaf writes straight into this view's buffer, which holds the page until it is complete. */
    @Override
    public boolean getProducePartialOutputWhileProcessing() {
        return true;
    }

    @Override
    public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        int last = lastLength;
        PageBuffer page = new PageBuffer(last + last / 8);
        PrintWriter pageWriter = new PrintWriter(page, false);
        super.render(model, request, new HttpServletResponseWrapper(response) {
            @Override
            public PrintWriter getWriter() {
                return pageWriter;
            }
        });
        lastLength = page.length();
        PrintWriter out = response.getWriter();
        page.writeTo(out);
        out.flush();
    }

    /** A writer into memory, written out from its own array when the page is complete. */
    private static final class PageBuffer extends Writer {

        private final TextBuffer text;

        PageBuffer(int capacity) {
            this.text = new TextBuffer(capacity);
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(String string, int offset, int length) {
            text.append(string, offset, length);
        }

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        int length() {
            return text.length();
        }

        void writeTo(Writer out) throws IOException {
            text.writeTo(out);
        }

        @Override
        public void flush() {
            // the page is written when it is complete
        }

        @Override
        public void close() {
            // nothing held but memory
        }
    }

    /** Spring Boot's view resolver makes its views of this class; it offers no customizer for that. */
    @Component
    static final class Installer implements BeanPostProcessor {

        @Override
        public Object postProcessBeforeInitialization(Object bean, String beanName) {
            if (bean instanceof ThymeleafViewResolver resolver) {
                resolver.setViewClass(PageView.class);
            }
            return bean;
        }
    }
}
