package id.go.jambiprov.dumisake.account;

import id.go.jambiprov.dumisake.DumisakeApplication;
import id.go.jambiprov.dumisake.shared.db.LocalPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The prod profile on an external database: no demo data, and an admin only from the environment. */
class ProductionProfileTest {

    @TempDir
    Path dataDirectory;

    LocalPostgres externalDatabase;

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
    void refusesToRunAsTheOwnerOfTheSchema() {
        assertThatThrownBy(() -> startAs(externalDatabase.username(), "",
                "--dumisake.admin.password=Rahasia-Jambi-2026").close())
                .hasMessageStartingWith("The application connects to the database as postgres, a superuser:");
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
        return new SpringApplicationBuilder(DumisakeApplication.class).run(args.toArray(String[]::new));
    }
}
