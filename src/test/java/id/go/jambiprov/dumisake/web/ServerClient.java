package id.go.jambiprov.dumisake.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser-like client of a test's real server: signs in through the form, keeps the SESSION cookie. */
final class ServerClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    ServerClient(int port) {
        this.port = port;
    }

    /** Signs in as {@code username} (demo password) and returns the {@code SESSION=...} cookie. */
    String login(String username) throws Exception {
        HttpResponse<String> loginPage = send(get("/login", null));
        Matcher token = CSRF.matcher(loginPage.body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login"))
                .header("Cookie", cookie(loginPage))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=dumisake&_csrf="
                        + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))).build());
        assertThat(login.statusCode()).isEqualTo(302);
        return cookie(login);
    }

    /** As a browser asks: for HTML first. */
    HttpRequest get(String path, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,*/*;q=0.8");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return request.build();
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }
}
