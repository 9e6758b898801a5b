package id.go.jambiprov.dumisake.report.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A file download as the API and the pages send it: the file is written straight into the response. The
 * headers that make it a download go out with the first byte, so that a refusal before it (an unknown year)
 * is still answered with the ordinary error page or problem.
 */
public final class Downloads {

    private Downloads() {
    }

    public static OutputStream attachment(HttpServletResponse response, String contentType, String fileName) {
        return new OutputStream() {

            private OutputStream out;

            private OutputStream out() throws IOException {
                if (out == null) {
                    response.setContentType(contentType);
                    response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment().filename(fileName).build().toString());
                    out = response.getOutputStream();
                }
                return out;
            }

            @Override
            public void write(int b) throws IOException {
                out().write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out().write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                if (out != null) {
                    out.flush();
                }
            }

            @Override
            public void close() throws IOException {
                out().close();
            }
        };
    }
}
