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
 * A page (or a fragment) rendered into memory and written to the response in one piece when it is no longer than
 * {@value #WHOLE_PAGE_CHARS} chars, as Thymeleaf's own view does when it is told not to produce partial output, but
 * into a buffer as large as this view's page was the last time, written out from that buffer: Thymeleaf's buffer
 * starts at 1 KB, doubles as the page grows, and is then copied into a string, together some three times a page's
 * size in garbage per request, a quarter of a list page's allocation (docs/benchmarks.md). Written as it renders,
 * every small piece would pass through the session and security filters' response wrappers; and an error half-way
 * through such a page still gives the error page, not half a page.
 * <p>
 * A longer page (a list of fifty rows, the targeting table of every kabupaten/kota of the country) is written out in
 * pieces of {@value #WHOLE_PAGE_CHARS} chars as it renders. Held whole, each national targeting page in flight was
 * half a megabyte alive through the young collections, which moved it to the old generation and collected the whole
 * heap every second (docs/benchmarks.md). Such a page that fails after its first piece has been written is cut off
 * there, and the servlet container appends the error page to what was written. The pages are rendered from models
 * read before the view, so only an error of a template itself can do that.
 */
final class PageView extends ThymeleafView {

    private static final int FIRST_GUESS = 16 * 1024;
    static final int WHOLE_PAGE_CHARS = 32 * 1024;

    /** The length of this view's last page, in chars; a view is cached per name and locale. */
    private volatile int lastLength = FIRST_GUESS;

    /** Thymeleaf writes straight into this view's buffer, which holds the page until it is complete or a piece full. */
    @Override
    public boolean getProducePartialOutputWhileProcessing() {
        return true;
    }

    @Override
    public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        int last = lastLength;
        PageBuffer page = new PageBuffer(Math.min(last + last / 8, WHOLE_PAGE_CHARS), response);
        PrintWriter pageWriter = new PrintWriter(page, false);
        super.render(model, request, new HttpServletResponseWrapper(response) {
            @Override
            public PrintWriter getWriter() {
                return pageWriter;
            }
        });
        page.finish();
        lastLength = page.length();
    }

    /**
     * A writer into memory, written out from its own array when the page is complete, or whenever it holds
     * {@value #WHOLE_PAGE_CHARS} chars.
     */
    private static final class PageBuffer extends Writer {

        private final TextBuffer text;
        private final HttpServletResponse response;
        private int written;

        PageBuffer(int capacity, HttpServletResponse response) {
            this.text = new TextBuffer(capacity, WHOLE_PAGE_CHARS);
            this.response = response;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            if (makeRoom(length)) {
                text.append(chars, offset, length);
            } else {
                response.getWriter().write(chars, offset, length);
                written += length;
            }
        }

        @Override
        public void write(String string, int offset, int length) throws IOException {
            if (makeRoom(length)) {
                text.append(string, offset, length);
            } else {
                response.getWriter().write(string, offset, length);
                written += length;
            }
        }

        @Override
        public void write(int c) throws IOException {
            makeRoom(1);
            text.append((char) c);
        }

        /** The page's length so far, in chars. */
        int length() {
            return written + text.length();
        }

        void finish() throws IOException {
            PrintWriter out = response.getWriter();
            writeOut(out);
            out.flush();
        }

        /**
         * Writes out what the buffer holds when {@code length} more chars would overfill it; false when they are
         * more than it may hold at all, to be written straight through (a table's rows in one string).
         */
        private boolean makeRoom(int length) throws IOException {
            if (text.length() + length > WHOLE_PAGE_CHARS && text.length() > 0) {
                writeOut(response.getWriter());
            }
            return length <= WHOLE_PAGE_CHARS;
        }

        private void writeOut(Writer out) throws IOException {
            text.writeTo(out);
            written += text.length();
            text.clear();
        }

        @Override
        public void flush() {
            // the page is written when it is complete, or a piece when the buffer is full
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
