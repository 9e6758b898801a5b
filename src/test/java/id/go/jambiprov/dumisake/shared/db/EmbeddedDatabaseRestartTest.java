package id.go.jambiprov.dumisake.shared.db;

import id.go.jambiprov.dumisake.DumisakeApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The default run keeps its data: a second start on the same directory finds what the first wrote. */
class EmbeddedDatabaseRestartTest {

    @TempDir
    Path dataDirectory;

    @Test
    void secondStartOnTheSameDirectoryKeepsTheData() {
        try (ConfigurableApplicationContext first = start()) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            jdbc.update("update opd set active = false where code = 'INSPEKTORAT'");
        }
        assertThat(dataDirectory.resolve("PG_VERSION")).exists();
        assertThat(Files.exists(dataDirectory.resolve("postmaster.pid"))).as("server stopped with the app").isFalse();

        try (ConfigurableApplicationContext second = start()) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select active from opd where code = 'INSPEKTORAT'", Boolean.class))
                    .isFalse();
            assertThat(jdbc.queryForObject("select count(*) from desa", Integer.class)).isEqualTo(1585);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(DumisakeApplication.class)
                                .run("--dumisake.embedded-db.dir=" + dataDirectory,
                        "--dumisake.embedded-db.clean-on-first-start=false",
                        "--server.port=0", "--spring.main.banner-mode=off");
    }
}
