package id.go.jambiprov.dumisake.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

import java.time.Duration;

/**
 * Spring Session JDBC writes a session's last-access time on every request, so every page view — a
 * dashboard included — was also a committed write, with its WAL flush on a production server. The
 * session row is now written only when its id, principal or timeout changed, or its stored last access
 * is older than {@code dumisake.session.last-access-write-interval} (one minute): an idle session may end
 * up to that much before its 30 minutes are over. The parameters are the ones Spring Session binds to its
 * own update, in its order.
 * <p>
 * A new attribute is inserted with PostgreSQL's upsert ({@code ON CONFLICT … DO UPDATE}): requests of one
 * session run in parallel (the dashboard's htmx parts, a second tab) and each may add the same attribute,
 * e.g. the CSRF token of a fresh login; with a plain insert all but the first failed on the primary key.
 */
@Configuration(proxyBeanMethods = false)
class SessionWriteConfig {

    /**
     * How long a session's stored last access may lag behind ({@code dumisake.session.last-access-write-interval},
     * one minute unless set), for this update and for {@link SessionReadOnceFilter}'s saves.
     */
    static Duration lastAccessWriteInterval(Environment environment) {
        return environment.getProperty("dumisake.session.last-access-write-interval", Duration.class,
                Duration.ofMinutes(1));
    }

    static final String UPDATE_SESSION_WHEN_CHANGED = """
            UPDATE %TABLE_NAME% s
            SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access_time,
                MAX_INACTIVE_INTERVAL = v.max_inactive_interval, EXPIRY_TIME = v.expiry_time,
                PRINCIPAL_NAME = v.principal_name
            FROM (SELECT CAST(? AS VARCHAR) AS session_id, CAST(? AS BIGINT) AS last_access_time,
                         CAST(? AS INTEGER) AS max_inactive_interval, CAST(? AS BIGINT) AS expiry_time,
                         CAST(? AS VARCHAR) AS principal_name, CAST(? AS CHAR(36)) AS primary_id) v
            WHERE s.PRIMARY_ID = v.primary_id
              AND (s.SESSION_ID <> v.session_id OR s.MAX_INACTIVE_INTERVAL <> v.max_inactive_interval
                   OR s.PRINCIPAL_NAME IS DISTINCT FROM v.principal_name
                   OR s.LAST_ACCESS_TIME < v.last_access_time - %INTERVAL_MILLIS%)
            """;

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionWrittenWhenChanged(Environment environment) {
        Duration interval = lastAccessWriteInterval(environment);
        return repository -> repository.setUpdateSessionQuery(
                UPDATE_SESSION_WHEN_CHANGED.replace("%INTERVAL_MILLIS%", String.valueOf(interval.toMillis())));
    }

    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpserted() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
