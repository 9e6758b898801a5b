package id.go.jambiprov.dumisake;

import id.go.jambiprov.dumisake.shared.db.LocalPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.Driver;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two production instances started at the same moment on an empty database, as after a first deployment
 * with two replicas: Flyway's advisory lock lets one migrate while the other waits, and exactly one
 * {@code admin} is created. The database is a fresh one of this test's own, with the two roles of production:
 * Flyway migrates as the owner, the application connects as its runtime role.
 */
class ConcurrentStartTest {

    @TempDir
    Path dataDirectory;

    LocalPostgres database;

    @BeforeEach
    void emptyDatabase() {
        database = LocalPostgres.acquire(dataDirectory, true, false);
    }

    @AfterEach
    void stopDatabase() {
        database.release();
    }

    @Test
    void twoInstancesStartingTogetherMigrateOnceAndCreateOneAdmin() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<ConfigurableApplicationContext>> instances = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            for (int i = 0; i < 2; i++) {
                SpringApplication instance = new SpringApplication(DumisakeApplication.class);
                // Two real instances are two JVMs; here they share this JVM's one Logback context, which two
                // start-ups must not configure at the same moment. The test JVM's logging stays as it is.
                instance.setListeners(instance.getListeners().stream()
                        .filter(listener -> !(listener instanceof LoggingApplicationListener)).toList());
                instances.add(pool.submit(() -> {
                    go.await();
                    return instance.run(
                            "--spring.profiles.active=prod",
                            "--spring.datasource.url=" + database.jdbcUrl(),
                            "--spring.datasource.username=" + database.appUsername(),
                            "--spring.datasource.password=" + database.appPassword(),
                            "--spring.flyway.user=" + database.username(),
                            "--dumisake.admin.password=Rahasia-Jambi-2026",
                            "--server.port=0",
                            "--spring.main.banner-mode=off");
                }));
            }
            go.countDown();
            List<ConfigurableApplicationContext> started = new ArrayList<>();
            for (Future<ConfigurableApplicationContext> instance : instances) {
                started.add(instance.get(300, TimeUnit.SECONDS));
            }

            // Flyway's record is the owner's: the application's role may not read it
            JdbcTemplate owner = new JdbcTemplate(new SimpleDriverDataSource(new Driver(), database.jdbcUrl(),
                    database.username(), ""));
            assertThat(owner.queryForObject("select count(*) from flyway_schema_history where not success",
                    Integer.class)).isZero();
            assertThat(owner.queryForObject("""
                            select count(*) = count(distinct version) from flyway_schema_history
                            where version is not null""", Boolean.class))
                    .as("every migration applied once").isTrue();
            JdbcTemplate jdbc = started.get(0).getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("select username from user_account", String.class)).containsExactly("admin");
            assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'ACCOUNT_CREATED'",
                    Integer.class)).isEqualTo(1);
        } finally {
            for (Future<ConfigurableApplicationContext> instance : instances) {
                closeIfStarted(instance);
            }
            pool.shutdownNow();
        }
    }

    private static void closeIfStarted(Future<ConfigurableApplicationContext> instance) {
        try {
            instance.get(300, TimeUnit.SECONDS).close();
        } catch (Exception notStarted) {
            // the assertions above report it
        }
    }
}
