package id.go.jambiprov.dumisake.web;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SocketWriteConfigTest {

    @Test
    void tomcatWritesTheSocketIn64KbPieces() {
        Connector connector = new Connector("HTTP/1.1");

        new SocketWriteConfig().socketWriteBuffer().customize(connector);

        assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString("65536");
    }
}
