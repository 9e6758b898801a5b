package id.go.jambiprov.dumisake.account;

import id.go.jambiprov.dumisake.DumisakeApplication;
import id.go.jambiprov.dumisake.shared.db.LocalPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The prod profile on an external database: no demo data, and an admin only from the environment. */
class ProductionProfileTest {

    @TempDir
    Path dataDirectory;

    LocalPostgres externalDatabase;

    /** The ports the application opened: a refused start must not have served anything first. */
    final List<Integer> webServersStarted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startExternalDatabase() {
        externalDatabase = LocalPostgres.acquire(dataDirectory, true, false);
    }

    @AfterEach
    void stopExternalDatabase() {
        externalDatabase.release();
    }

    @Test
    void refusesToStartOnAnEmptyDatabaseWithoutAnAdminPassword() {
        assertThatThrownBy(() -> start().close())
                .hasMessage("The database has no admin account: set DUMISAKE_ADMIN_PASSWORD for the first start");
    }

    @Test
    void refusesToRunAsTheOwnerOfTheSchemaBeforeItOpensItsPort() {
        assertThatThrownBy(() -> startAs(externalDatabase.username(), "",
                "--dumisake.admin.password=Rahasia-Jambi-2026").close())
                .rootCause()
                .hasMessageStartingWith("The application connects to the database as postgres, a superuser:");
        assertThat(webServersStarted).as("no port was opened").isEmpty();
    }

    /**
     * The migration takes TEMPORARY from the runtime role and from PUBLIC; a role that has it anyway (given
     * by hand, or the database's owner is not Flyway's and could not revoke it) could hide the audit trail
     * from its own connection behind a temporary table, and is refused before the port opens.
     */
    @Test
    void refusesARuntimeRoleThatMayCreateTemporaryTablesBeforeItOpensItsPort() throws SQLException {
        start("--dumisake.admin.password=Rahasia-Jambi-2026").close();
        webServersStarted.clear();
        try (Connection owner = DriverManager.getConnection(externalDatabase.jdbcUrl(), externalDatabase.username(),
                ""); Statement statement = owner.createStatement()) {
            try (ResultSet granted = statement.executeQuery(
                    "select has_database_privilege('%s', current_database(), 'TEMPORARY')"
                            .formatted(externalDatabase.appUsername()))) {
                assertThat(granted.next()).isTrue();
                assertThat(granted.getBoolean(1)).as("the migration revoked it, PUBLIC's too").isFalse();
            }
            statement.execute("grant temporary on database postgres to " + externalDatabase.appUsername());
        }
        assertThatThrownBy(() -> start().close())
                .rootCause()
                .hasMessageStartingWith("The application connects to the database as dumisake_app, who may create "
                        + "temporary tables")
                .hasMessageContaining("REVOKE TEMPORARY ON DATABASE postgres FROM PUBLIC, dumisake_app")
                .hasMessageContaining("docs/operations.md");
        assertThat(webServersStarted).as("no port was opened").isEmpty();
    }

    @Test
    void createsOnlyTheAdminFromTheEnvironment() throws Exception {
        try (ConfigurableApplicationContext app = start("--dumisake.admin.password=Rahasia-Jambi-2026")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("select username from user_account", String.class)).containsExactly("admin");
            assertThat(jdbc.queryForList("select action from audit_event where entity_type = 'UserAccount'",
                    String.class)).containsExactly("ACCOUNT_CREATED");
            assertThat(app.getEnvironment().getProperty("server.servlet.session.cookie.secure", Boolean.class))
                    .as("the session cookie travels over HTTPS only").isTrue();
            assertThat(loginPageCookies(app)).as("Spring Session's cookie keeps every protection")
                    .anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=")
                            .contains("Secure", "HttpOnly", "SameSite=Lax"));
        }
        try (ConfigurableApplicationContext restart = start()) {
            assertThat(restart.getBean(JdbcTemplate.class)
                    .queryForObject("select count(*) from user_account", Integer.class)).isEqualTo(1);
        }
    }

    private static List<String> loginPageCookies(ConfigurableApplicationContext app) throws Exception {
        URI login = URI.create("http://localhost:" + app.getEnvironment().getProperty("local.server.port") + "/login");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(login).build(),
                HttpResponse.BodyHandlers.discarding()).headers().allValues("Set-Cookie");
    }

    /** As production runs: Flyway as the owner of the schema, the application as its runtime role. */
    private ConfigurableApplicationContext start(String... extra) {
        List<String> args = new ArrayList<>(List.of("--spring.flyway.user=" + externalDatabase.username()));
        args.addAll(List.of(extra));
        return startAs(externalDatabase.appUsername(), externalDatabase.appPassword(), args.toArray(String[]::new));
    }

    private ConfigurableApplicationContext startAs(String username, String password, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=prod",
                "--spring.datasource.url=" + externalDatabase.jdbcUrl(),
                "--spring.datasource.username=" + username,
                "--spring.datasource.password=" + password,
                "--server.port=0",
                "--spring.main.banner-mode=off"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(DumisakeApplication.class)
                .listeners((ApplicationListener<WebServerInitializedEvent>) started ->
                        webServersStarted.add(started.getWebServer().getPort()))
                .run(args.toArray(String[]::new));
    }
}
