package id.go.jambiprov.dumisake.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages of the container's error dispatch (an address nobody serves) keep the signed-in layout: the user's
 * name, the menu, the way out. Through a real server, since only the container dispatches errors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContainerErrorPageTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anUnknownAddressShowsTheNotFoundPageWithTheSignedInUser() throws Exception {
        ServerClient client = new ServerClient(port);
        String session = client.login("ahli");

        HttpResponse<String> page = client.send(client.get("/tidak-ada-halaman-ini", session));

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Tidak ditemukan").contains("signed-in-user")
                .contains("Tim Tenaga Ahli Gubernur")
                .contains("/logout");
    }

    @Test
    void anAnonymousNotFoundStoresNoSession() throws Exception {
        ServerClient client = new ServerClient(port);
        int sessionsBefore = jdbc.queryForObject("select count(*) from spring_session", Integer.class);

        HttpResponse<String> page = client.send(client.get("/css/tidak-ada.css", null));

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("SESSION="));
        assertThat(jdbc.queryForObject("select count(*) from spring_session", Integer.class)).isEqualTo(sessionsBefore);
    }
}
