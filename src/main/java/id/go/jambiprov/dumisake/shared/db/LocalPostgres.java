package id.go.jambiprov.dumisake.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real PostgreSQL 17 server run by this JVM, with its files in a directory that survives restarts.
 * <p>
 * Every Spring context of the JVM that asks for the same directory shares one server (the tests start
 * several contexts and must not start several databases); the last context to close stops it.
 * <p>
 * Two roles, as in production: the superuser {@code postgres} owns the schema and is Flyway's; the
 * application connects as {@value #APP_ROLE}, which the migration {@code R__runtime_role_grants} lets read
 * and write its tables but only add to the audit trail. Every start creates that role if it is missing (a
 * data directory from before it existed) and gives it a fresh password.
 */
public final class LocalPostgres {

    /** The runtime role of the application; Flyway's placeholder {@code appRole} names it in the grants. */
    public static final String APP_ROLE = "dumisake_app";

    private static final Map<Path, LocalPostgres> SERVERS = new HashMap<>();

    private final Path dataDirectory;
    private final boolean durable;
    private final String appPassword = randomPassword();
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
                postgres.createAppRole();
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

    /** The owner of the schema, a superuser: Flyway's, and for tests that need its powers. */
    public String username() {
        return "postgres";
    }

    /** The owner's password: none, the server trusts connections from this machine. */
    public String ownerPassword() {
        return "";
    }

    /** The application's own role, without the powers to change what the audit trail holds. */
    public String appUsername() {
        return APP_ROLE;
    }

    public String appPassword() {
        return appPassword;
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
                    // the national scale data writes ~10 GB of WAL: with the default 1 GB between checkpoints it
                    // checkpointed 20 times and a fifth of the WAL was full-page images of pages written again
                    .setServerConfig("max_wal_size", "4GB")
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

    private static String randomPassword() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private void createAppRole() {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            // CREATE ROLE has no IF NOT EXISTS; the password goes in as a literal because utility statements
            // take no parameters (it is hex, so it needs no quoting)
            statement.execute("""
                    DO $$
                    BEGIN
                        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN
                            CREATE ROLE %1$s;
                        END IF;
                    END $$""".formatted(APP_ROLE));
            statement.execute("ALTER ROLE " + APP_ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION"
                    + " NOBYPASSRLS PASSWORD '" + appPassword + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the role " + APP_ROLE + " in " + dataDirectory, e);
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
