package id.go.jambiprov.dumisake.shared.db;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * Where the embedded PostgreSQL of the default profile keeps its files.
 *
 * @param dir               data directory; survives restarts of the application
 * @param cleanOnFirstStart wipe the directory when the JVM first starts the server (used by the tests)
 * @param durable           flush every commit to disk (off only for the tests' throw-away databases)
 */
@ConfigurationProperties("dumisake.embedded-db")
public record EmbeddedDatabaseProperties(
        @DefaultValue("./data/pg") Path dir,
        @DefaultValue("false") boolean cleanOnFirstStart,
        @DefaultValue("true") boolean durable) {
}
