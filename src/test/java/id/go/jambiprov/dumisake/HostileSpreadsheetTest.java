package id.go.jambiprov.dumisake;

import id.go.jambiprov.dumisake.shared.tabular.Workbooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attack of the hardening review: workbooks of a few MB whose sheet inflates to 60–95 MB (about 1:17,
 * under POI's zip-bomb ratio), uploaded six at once — two beneficiary imports as two operators, two
 * allocation imports and two SP2D reconciliations as the admin — against the application as shipped, in a
 * JVM of its own with the shipped JVM options (pom.xml's {@code dumisake.run.jvm-options}: the production heap,
 * exit on OutOfMemoryError). Before the streaming reader one such upload took the whole heap. The application
 * must answer every upload with its message, keep answering its health check throughout, and be alive
 * afterwards; the peak heap is printed for docs/benchmarks.md.
 */
class HostileSpreadsheetTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern JOB_STATUS = Pattern.compile("data-status=\"([A-Z]+)\"");
    private static final Pattern SHIPPED_JVM_OPTIONS =
            Pattern.compile("<dumisake.run.jvm-options>([^<]+)</dumisake.run.jvm-options>");
    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final String[] WORDS = {"Jalan", "Lintas", "Sumatera", "Desa", "Sungai", "Rengas", "Dusun",
            "Talang", "Bukit", "Tanjung", "Muara", "Simpang", "Pasar", "Baru", "Lama", "Ilir", "Ulu", "Kampung",
            "Tengah", "Parit", "Kebun", "Sawit", "Karet", "Lorong", "Gang", "Mawar", "Melati", "Kenanga"};

    @TempDir
    Path work;

    private Process application;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private int port;

    @AfterEach
    void stop() throws InterruptedException, IOException {
        if (application != null) {
            application.destroy();
            if (!application.waitFor(30, TimeUnit.SECONDS)) {
                application.destroyForcibly();
            }
            // kept for whoever looks into a failure: the temporary directory goes with the test
            Files.copy(work.resolve("application.log"), Path.of("target", "hostile-spreadsheet-application.log"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void sixInflatingWorkbooksAtOnceLeaveTheApplicationHealthy() throws Exception {
        byte[] beneficiaries = beneficiaryBomb();
        byte[] allocations = wideBomb(List.of("tahun", "kode_kecamatan", "kode_opd", "kode_program", "mekanisme",
                "kode_desa", "kegiatan", "jumlah", "bulan_rencana"),
                List.of("2026", "15.01.01", "DISDIK", "CERDAS", "BELANJA_OPD", "", "", "1.000.000", "3"), 6);
        byte[] treasury = wideBomb(List.of("nomor_sp2d", "tanggal", "jumlah", "kode_opd", "keterangan"),
                List.of("", "2026-03-31", "1500000.00", "DISDIK", ""), 4);
        assertThat(beneficiaries.length).isBetween(2_000_000, 8_000_000);

        start();
        List<String> operators = List.of(login("op-disdik"), login("op-dinkes"));
        List<String> admins = List.of(login("admin"), login("admin"), login("admin"), login("admin"));

        AtomicBoolean uploading = new AtomicBoolean(true);
        AtomicInteger healthChecks = new AtomicInteger();
        CompletableFuture<Void> health = CompletableFuture.runAsync(() -> {
            while (uploading.get()) {
                assertThat(healthy()).as("health during the uploads").isTrue();
                healthChecks.incrementAndGet();
                sleep(500);
            }
        });
        List<CompletableFuture<HttpResponse<String>>> uploads = new ArrayList<>();
        uploads.add(upload("/penerima/impor", operators.get(0), "penerima.xlsx", beneficiaries, null));
        uploads.add(upload("/penerima/impor", operators.get(1), "penerima.xlsx", beneficiaries, null));
        uploads.add(upload("/alokasi/impor", admins.get(0), "alokasi.xlsx", allocations, null));
        uploads.add(upload("/alokasi/impor", admins.get(1), "alokasi.xlsx", allocations, null));
        uploads.add(upload("/pencairan/rekonsiliasi", admins.get(2), "sp2d.xlsx", treasury, "2026"));
        uploads.add(upload("/pencairan/rekonsiliasi", admins.get(3), "sp2d.xlsx", treasury, "2026"));
        List<String> jobs = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> upload : uploads) {
            HttpResponse<String> response = upload.get(180, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(302);
            jobs.add(response.headers().firstValue("Location").orElseThrow());
        }
        // the beneficiary imports go on in the background, and end refused
        for (int i = 0; i < operators.size(); i++) {
            assertThat(endOfImport(jobs.get(i), operators.get(i))).isEqualTo("REFUSED");
        }
        uploading.set(false);
        health.get(10, TimeUnit.SECONDS);

        assertThat(application.isAlive()).isTrue();
        assertThat(healthy()).isTrue();
        assertThat(healthChecks.get()).isPositive();
        // every file holds more text than an import may keep: each page says so
        List<String> sessions = new ArrayList<>(operators);
        sessions.addAll(admins);
        for (int i = 0; i < sessions.size(); i++) {
            assertThat(page(URI.create(jobs.get(i)).getPath(), sessions.get(i))).contains("setelah dibuka lebih besar");
        }
        long[] heap = heapMegabytes();
        System.out.printf("HostileSpreadsheetTest: heap at most %d MB before a collection and %d MB after a full"
                + " one, of %d MB (%d health checks answered)%n", heap[0], heap[1], heap[2], healthChecks.get());
        assertThat(heap[1]).isLessThan(heap[2]);
    }

    /** 36,000 rows of the beneficiary template with addresses of 1,900 characters: ~90 MB of sheet XML. */
    private static byte[] beneficiaryBomb() {
        Random random = new Random(19);
        return Workbooks.inlineStrings(List.of("nik", "name", "sex", "date_of_birth", "desa_code", "address", "phone",
                "welfare_decile", "allocation_id", "aid_amount", "aid_date", "aid_description"), 36_000, r -> List.of(
                String.valueOf(1_501_000_000_000_000L + random.nextInt(1_000_000_000)), words(random, 3), "F",
                "1990-01-01", "15.01.01.2001", longText(random), "0812" + random.nextInt(10_000_000), "1", "", "", "",
                ""));
    }

    /**
     * 45,000 well-formed rows of a template, each with one column of 1,900 characters (~95 MB of sheet XML):
     * refused by the text limit part-way, whatever the rows say.
     */
    private static byte[] wideBomb(List<String> heading, List<String> values, int wide) {
        Random random = new Random(17);
        return Workbooks.inlineStrings(heading, 45_000, r -> {
            List<String> cells = new ArrayList<>(values);
            cells.set(0, values.get(0).isEmpty() ? "SP2D/" + r : values.get(0));
            cells.set(wide, longText(random));
            return cells;
        });
    }

    /** Partly random, partly repeated, as real addresses are: the sheet compresses about 1:18. */
    private static String address(Random random) {
        return words(random, 8) + "Jalan Lintas Sumatera Kilometer Dua Puluh Lima Desa Sungai Rengas ".repeat(6);
    }

    private static String longText(Random random) {
        return (address(random) + address(random) + address(random) + address(random) + address(random))
                .substring(0, 1_900);
    }

    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(' ').append(random.nextInt(100)).append(' ');
        }
        return text.toString();
    }

    private void start() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(shippedJvmOptions());
        command.addAll(List.of("-Xlog:gc:file=" + work.resolve("gc.log"),
                "-cp", System.getProperty("java.class.path"), DumisakeApplication.class.getName(),
                "--server.port=" + port, "--dumisake.embedded-db.dir=" + work.resolve("pg"),
                "--dumisake.embedded-db.clean-on-first-start=true", "--logging.level.root=WARN",
                // a throw-away database, as every test's: no flush to disk on each commit of the start's migrations
                "--dumisake.embedded-db.durable=false",
                // every upload gets its turn here, so that each one is really read
                "--dumisake.import.wait=PT3M"));
        application = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("application.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        // ready, not only alive: the demo data (whose people come as imports of their OPDs) is all in by then
        while (!up("/actuator/health/readiness")) {
            assertThat(application.isAlive()).as(Files.readString(work.resolve("application.log"))).isTrue();
            assertThat(System.nanoTime()).as("started within 180 s").isLessThan(deadline);
            sleep(100);
        }
    }

    private boolean healthy() {
        return up("/actuator/health/liveness");
    }

    private boolean up(String probe) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(probe))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("UP");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String login(String username) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(uri("/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Cookie", cookie(form)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=dumisake&_csrf="
                        + URLEncoder.encode(csrf(form.body()), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        return cookie(login);
    }

    private CompletableFuture<HttpResponse<String>> upload(String path, String session, String fileName,
                                                           byte[] content, String year) throws Exception {
        String token = csrf(page(path, session));
        String boundary = "----dumisake" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (year != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"year\"\r\n\r\n" + year
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.sendAsync(HttpRequest.newBuilder(uri(path)).header("Cookie", session)
                .header("X-CSRF-TOKEN", token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** @return the status the beneficiary import job at {@code location} ended with */
    private String endOfImport(String location, String session) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (true) {
            Matcher status = JOB_STATUS.matcher(page(URI.create(location).getPath(), session));
            assertThat(status.find()).isTrue();
            if (!status.group(1).equals("QUEUED") && !status.group(1).equals("RUNNING")) {
                return status.group(1);
            }
            assertThat(System.nanoTime()).as("import ended within 180 s").isLessThan(deadline);
            sleep(200);
        }
    }

    private String page(String path, String session) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).header("Cookie", session).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    /** The options the application ships with (pom.xml, as bench/lib.sh reads them), heap included. */
    private static List<String> shippedJvmOptions() throws IOException {
        Matcher options = SHIPPED_JVM_OPTIONS.matcher(Files.readString(Path.of("pom.xml")));
        assertThat(options.find()).as("dumisake.run.jvm-options in pom.xml").isTrue();
        return List.of(options.group(1).trim().split("\\s+"));
    }

    /**
     * From the GC log: the largest heap occupancy before a collection (what the heap held at most, garbage
     * included) and after a full one (what was still in use: the imports' rows and the rest of the application;
     * after a young collection the old generation's garbage still counts), and the largest capacity of the heap.
     */
    private long[] heapMegabytes() throws IOException {
        long[] peak = new long[3];
        for (String line : Files.readAllLines(work.resolve("gc.log"))) {
            Matcher heap = GC_HEAP.matcher(line);
            if (heap.find()) {
                peak[0] = Math.max(peak[0], Long.parseLong(heap.group(1)));
                if (line.contains("Pause Full")) {
                    peak[1] = Math.max(peak[1], Long.parseLong(heap.group(2)));
                }
                peak[2] = Math.max(peak[2], Long.parseLong(heap.group(3)));
            }
        }
        return peak;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String csrf(String html) {
        Matcher token = CSRF.matcher(html);
        assertThat(token.find()).as("CSRF token on the page").isTrue();
        return token.group(1);
    }

    private static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
