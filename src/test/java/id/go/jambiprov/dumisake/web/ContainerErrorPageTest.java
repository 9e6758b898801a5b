package id.go.jambiprov.dumisake.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

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
}
