package id.go.jambiprov.dumisake.report;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

import java.io.IOException;
import java.io.OutputStream;

/** A file download as the API and the pages send it: the file is written straight into the response. */
public final class Downloads {

    private Downloads() {
    }

    public static OutputStream attachment(HttpServletResponse response, String contentType, String fileName)
            throws IOException {
        response.setContentType(contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName).build().toString());
        return response.getOutputStream();
    }
}
