package id.go.jambiprov.dumisake.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an outside scanner and a careless client sent, through a real server (Tomcat parses the
 * parameters and uploads, and only the container dispatches error pages): each gets a clear answer of
 * the application and changes nothing, never a 500 or Tomcat's bare page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileInputTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String SCANNER_SORT = URLEncoder.encode(
            "y\"style=\"width:100%;height:100%;position:fixed;top:0;left:0;\"onmouseover=\"alert(1)\"",
            StandardCharsets.UTF_8);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aNulCharacterInAFilterIsRefusedWith400AndItsReason() throws Exception {
        ServerClient client = new ServerClient(port);
        String admin = client.login("admin");

        for (String page : List.of("/alokasi?kecamatan=15%00", "/akun?q=a%00", "/wilayah/kecamatan?q=a%00b")) {
            HttpResponse<String> answer = client.send(client.get(page, admin));
            assertThat(answer.statusCode()).as(page).isEqualTo(400);
            assertThat(answer.body()).as(page).contains("karakter NUL").contains("signed-in-user");
        }
        HttpResponse<String> export = client.send(HttpRequest.newBuilder(client.uri("/audit/ekspor.csv?actor=a%00"))
                .header("Cookie", admin).build());
        assertThat(export.statusCode()).isEqualTo(400);
        assertThat(export.body()).contains("karakter NUL");
        for (String api : List.of("/api/v1/allocations?year=2026&opd=a%00", "/api/v1/beneficiaries?nik=1%00",
                "/api/v1/exports/allocations.csv?year=2026&opd=a%00")) {
            HttpResponse<String> answer = client.send(basic(api, "admin").GET().build());
            assertThat(answer.statusCode()).as(api).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).as(api).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.body()).as(api).contains("karakter NUL").contains("NUL_CHARACTER");
        }
    }

    @Test
    void aNulCharacterInAJsonTextIsRefusedWith400AndNothingIsStored() throws Exception {
        ServerClient client = new ServerClient(port);
        int before = jdbc.queryForObject("select count(*) from beneficiary", Integer.class);

        HttpResponse<String> answer = client.send(basic("/api/v1/beneficiaries", "admin")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"nik\": \"1501014101900007\", \"name\": \"Siti\\u0000\","
                        + " \"sex\": \"P\", \"dateOfBirth\": \"1990-01-01\", \"desaCode\": \"15.01.01.2001\"}"))
                .build());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("karakter NUL").contains("NUL_CHARACTER");
        assertThat(jdbc.queryForObject("select count(*) from beneficiary", Integer.class)).isEqualTo(before);
    }

    /** Every list that sorts, with the probe a scanner sent: the default order, never a 500. */
    @Test
    void anUnknownOrMalformedSortGivesTheDefaultOrder() throws Exception {
        ServerClient client = new ServerClient(port);
        String admin = client.login("admin");
        List<String> lists = List.of("/alokasi?year=2026", "/pencairan?year=2026", "/pencairan/antrean", "/akun",
                "/wilayah/kecamatan", "/wilayah/desa", "/audit", "/tahun-anggaran/2026",
                "/tahun-anggaran/2026/kecamatan/15.01.01", "/dasbor/kecamatan/15.01.01?year=2026",
                "/dasbor/opd/DISDIK?year=2026");
        for (String list : lists) {
            for (String sort : List.of(SCANNER_SORT, "%25", "tidakada,desc", "amount%2Cmiring")) {
                String page = list + (list.contains("?") ? "&" : "?") + "sort=" + sort;
                assertThat(client.send(client.get(page, admin)).statusCode()).as(page).isEqualTo(200);
            }
        }
        for (String api : List.of("/api/v1/allocations?year=2026", "/api/v1/audit")) {
            String call = api + (api.contains("?") ? "&" : "?") + "sort=" + SCANNER_SORT;
            assertThat(client.send(basic(call, "admin").GET().build()).statusCode()).as(call).isEqualTo(200);
        }
    }

    @Test
    void aPageNumberPastTheEndOfAnAllocationTableShowsItsLastPage() throws Exception {
        ServerClient client = new ServerClient(port);
        String ahli = client.login("ahli");
        for (String table : List.of("/alokasi?year=2026", "/tahun-anggaran/2026/kecamatan/15.01.01",
                "/dasbor/opd/DISDIK?year=2026")) {
            String body = client.send(client.get(table + (table.contains("?") ? "&" : "?") + "page=999", ahli)).body();
            assertThat(body).as(table).containsPattern("Menampilkan [0-9.]+–([0-9.]+) dari \\1 data")
                    .doesNotContain("Menampilkan 49.951");
        }
    }

    @Test
    void theRealisationReportOfAYearThatDoesNotExistIs404() throws Exception {
        ServerClient client = new ServerClient(port);

        HttpResponse<String> answer = client.send(basic("/api/v1/reports/realisasi.pdf?year=2099", "ahli").GET()
                .build());

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.headers().firstValue("Content-Disposition")).isEmpty();
        assertThat(answer.body()).contains("Tahun anggaran 2099 tidak ditemukan");

        // the page's button: the error page, not a half-sent download
        String expert = client.login("ahli");
        HttpResponse<String> page = client.send(client.get("/ekspor/laporan-realisasi.pdf?year=2099", expert));
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Disposition")).isEmpty();
        assertThat(page.body()).contains("Tahun anggaran 2099 tidak ditemukan");
    }

    @Test
    void aReturnAddressWithALineBreakSavesNoNote() throws Exception {
        ServerClient client = new ServerClient(port);
        String expert = client.login("ahli");
        String token = csrf(client.send(client.get("/catatan", expert)).body());
        int before = jdbc.queryForObject("select count(*) from review_note", Integer.class);

        for (String returnTo : List.of("/dasbor\r\nSet-Cookie: x=1", "//evil.example/", "/dasbor?{x}")) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(client.uri("/catatan"))
                    .header("Cookie", expert).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("target=KECAMATAN&code=15.01.01&year=2026"
                            + "&text=" + URLEncoder.encode("Catatan uji", StandardCharsets.UTF_8)
                            + "&returnTo=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8)
                            + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8))).build());
            assertThat(answer.statusCode()).as(returnTo).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location")).as(returnTo)
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/catatan"));
            assertThat(client.send(client.get("/catatan", expert)).body()).contains("catatan tidak disimpan");
        }
        assertThat(jdbc.queryForObject("select count(*) from review_note", Integer.class)).isEqualTo(before);
    }

    @Test
    void anUploadOverTheLimitGoesBackToTheFormWithTheReason() throws Exception {
        ServerClient client = new ServerClient(port);
        String admin = client.login("admin");
        String token = csrf(client.send(client.get("/alokasi/impor", admin)).body());
        String form = "http://localhost:" + port + "/alokasi/impor";

        HttpResponse<String> tooLarge = client.send(upload("/alokasi/impor", token, "alokasi.xlsx",
                32 * 1024 * 1024).header("Cookie", admin).header("Referer", form).build());
        assertThat(tooLarge.statusCode()).isEqualTo(302);
        assertThat(tooLarge.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/alokasi/impor"));
        assertThat(client.send(client.get("/alokasi/impor", admin)).body()).contains("Berkas terlalu besar");

        HttpResponse<String> longName = client.send(upload("/alokasi/impor", token, "a".repeat(430) + ".xlsx",
                1024).header("Cookie", admin).header("Referer", form).build());
        assertThat(longName.statusCode()).isEqualTo(302);
        assertThat(client.send(client.get("/alokasi/impor", admin)).body()).contains("nama berkas terlalu panjang");

        HttpResponse<String> withoutReferer = client.send(upload("/alokasi/impor", token, "alokasi.xlsx",
                32 * 1024 * 1024).header("Cookie", admin).build());
        assertThat(withoutReferer.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/"));
        assertThat(client.send(client.get("/", admin)).body()).contains("Berkas terlalu besar");
    }

    @Test
    void anApiUploadOverTheLimitIsA413Problem() throws Exception {
        ServerClient client = new ServerClient(port);

        HttpResponse<String> tooLarge = client.send(upload("/api/v1/beneficiary-imports", null, "penerima.csv",
                32 * 1024 * 1024).header("Authorization", authorization("admin")).build());
        HttpResponse<String> longName = client.send(upload("/api/v1/beneficiary-imports", null,
                "p".repeat(430) + ".csv", 1024).header("Authorization", authorization("admin")).build());

        for (HttpResponse<String> answer : List.of(tooLarge, longName)) {
            assertThat(answer.statusCode()).isEqualTo(413);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(tooLarge.body()).contains("Berkas terlalu besar").contains("UPLOAD_TOO_LARGE");
        assertThat(longName.body()).contains("nama berkas terlalu panjang").contains("REQUEST_UNREADABLE");
    }

    /**
     * An upload from someone not signed in is answered before its body is read: were it parsed, a part
     * header over its limit would answer "nama berkas terlalu panjang" (and a page would keep that message
     * in a new session). The API says 401, a page sends to the login page; no session is created.
     */
    @Test
    void anUploadFromSomeoneNotSignedInIsNotReadAndLeavesNoSession() throws Exception {
        ServerClient client = new ServerClient(port);
        int sessions = jdbc.queryForObject("select count(*) from spring_session", Integer.class);

        HttpResponse<String> api = client.send(upload("/api/v1/beneficiary-imports", null, "p".repeat(430) + ".csv",
                1024).build());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).doesNotContain("REQUEST_UNREADABLE");
        HttpResponse<String> apiTooLarge = client.send(upload("/api/v1/beneficiary-imports", null, "penerima.csv",
                32 * 1024 * 1024).build());
        assertThat(apiTooLarge.statusCode()).isEqualTo(401);

        for (String page : List.of("/alokasi/impor", "/penerima/impor")) {
            HttpResponse<String> refused = client.send(upload(page, "token-lama", "a".repeat(430) + ".xlsx", 1024)
                    .header("Referer", "http://localhost:" + port + page).build());
            assertThat(refused.statusCode()).as(page).isEqualTo(302);
            assertThat(refused.headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
            assertThat(refused.headers().firstValue("Set-Cookie")).as("no session").isEmpty();
        }
        assertThat(jdbc.queryForObject("select count(*) from spring_session", Integer.class))
                .as("expired ones may have gone meanwhile, none came").isLessThanOrEqualTo(sessions);
    }

    private HttpRequest.Builder basic(String path, String username) {
        return HttpRequest.newBuilder(new ServerClient(port).uri(path))
                .header("Authorization", authorization(username));
    }

    private static String authorization(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":dumisake").getBytes(StandardCharsets.UTF_8));
    }

    /** A multipart form with the CSRF token (when given) and a file of {@code size} bytes. */
    private HttpRequest.Builder upload(String path, String csrf, String fileName, int size) {
        String boundary = "----dumisake-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream(size + 1024);
        if (csrf != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[size]);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(new ServerClient(port).uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private static String csrf(String page) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }
}
