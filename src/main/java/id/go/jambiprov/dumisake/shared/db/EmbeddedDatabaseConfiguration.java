package id.go.jambiprov.dumisake.shared.db;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import java.util.HashMap;
import java.util.Map;

/**
 * Starts the embedded PostgreSQL when no database is configured, so that {@code ./mvnw spring-boot:run}
 * and the tests need nothing but Java. Production ({@code prod}) always uses the external server.
 * <p>
 * Flyway migrates as the owner of the schema; the application's connections use the runtime role, which
 * cannot change the audit trail ({@link LocalPostgres}), as in production (docs/operations.md).
 */
@Configuration(proxyBeanMethods = false)
@Profile("!prod")
@Conditional(EmbeddedDatabaseConfiguration.NoDataSourceUrl.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "release")
    LocalPostgres localPostgres(EmbeddedDatabaseProperties properties) {
        return LocalPostgres.acquire(properties.dir(), properties.cleanOnFirstStart(), properties.durable());
    }

    @Bean
    JdbcConnectionDetails embeddedPostgresConnectionDetails(LocalPostgres postgres) {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return postgres.appUsername();
            }

            @Override
            public String getPassword() {
                return postgres.appPassword();
            }

            @Override
            public String getJdbcUrl() {
                return postgres.jdbcUrl();
            }
        };
    }

    @Bean
    FlywayConnectionDetails embeddedPostgresOwnerConnectionDetails(LocalPostgres postgres) {
        return new FlywayConnectionDetails() {
            @Override
            public String getUsername() {
                return postgres.username();
            }

            @Override
            public String getPassword() {
                return postgres.ownerPassword();
            }

            @Override
            public String getJdbcUrl() {
                return postgres.jdbcUrl();
            }
        };
    }

    /** The grants of R__runtime_role_grants go to the role the application connects as. */
    @Bean
    FlywayConfigurationCustomizer embeddedPostgresAppRole(LocalPostgres postgres) {
        return configuration -> {
            Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
            placeholders.put("appRole", postgres.appUsername());
            configuration.placeholders(placeholders);
        };
    }

    static class NoDataSourceUrl extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return StringUtils.hasText(url)
                    ? ConditionOutcome.noMatch("spring.datasource.url is set")
                    : ConditionOutcome.match("no spring.datasource.url");
        }
    }
}
