package id.go.jambiprov.dumisake.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real PostgreSQL 17 server run by this JVM, with its files in a directory that survives restarts.
 * <p>
 * Every Spring context of the JVM that asks for the same directory shares one server (the tests start
 * several contexts and must not start several databases); the last context to close stops it.
 */
public final class LocalPostgres {

    private static final Map<Path, LocalPostgres> SERVERS = new HashMap<>();

    private final Path dataDirectory;
    private final boolean durable;
    private EmbeddedPostgres server;
    private int port;
    private int users;

    private LocalPostgres(Path dataDirectory, boolean durable) {
        this.dataDirectory = dataDirectory;
        this.durable = durable;
    }

    /**
     * Starts the server on {@code dataDirectory}, or joins the one this JVM already runs there.
     *
     * @param cleanOnFirstStart wipe the directory before the first start in this JVM (tests)
     * @param durable           flush every commit to disk, as data kept across restarts needs; tests that
     *                          throw the data away anyway may skip it for speed
     */
    public static LocalPostgres acquire(Path dataDirectory, boolean cleanOnFirstStart, boolean durable) {
        synchronized (SERVERS) {
            Path key = dataDirectory.toAbsolutePath().normalize();
            LocalPostgres postgres = SERVERS.get(key);
            if (postgres == null) {
                postgres = new LocalPostgres(key, durable);
                if (cleanOnFirstStart) {
                    deleteRecursively(key);
                }
                postgres.start();
                SERVERS.put(key, postgres);
            }
            postgres.users++;
            return postgres;
        }
    }

    /** Gives the server back; the last user stops it. */
    public void release() {
        synchronized (SERVERS) {
            users--;
            if (users == 0) {
                stop();
                SERVERS.remove(dataDirectory);
            }
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public String username() {
        return "postgres";
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Starts the server again on the same port and files, e.g. after an outage drill. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "200")
                    // the library's defaults are for throw-away test data; a kept database must survive a crash
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off");
            if (port != 0) {
                builder.setPort(port);
            }
            server = builder.start();
            port = server.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** Stops the server and keeps its files. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop the embedded PostgreSQL in " + dataDirectory, e);
        } finally {
            server = null;
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
