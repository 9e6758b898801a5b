package id.go.jambiprov.dumisake.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat hands a response to the socket in pieces of its application write buffer, 8 KB by default: the whole
 * deviation by kecamatan at national scale (1.6 MB of JSON) took 200 write calls, and any page over 8 KB more than
 * one, each a system call that wakes the client. With 64 KB pieces the same answer takes 26. The buffer belongs to a connection
 * (and to the few Tomcat keeps for reuse), not to a request: 56 KB more per open connection.
 */
@Configuration(proxyBeanMethods = false)
class SocketWriteConfig {

    static final int WRITE_BUFFER_BYTES = 64 * 1024;

    @Bean
    TomcatConnectorCustomizer socketWriteBuffer() {
        return connector -> {
            // Tomcat only logs a property it does not know; the start fails instead, so the setting cannot be lost
            if (!connector.setProperty("socket.appWriteBufSize", String.valueOf(WRITE_BUFFER_BYTES))) {
                throw new IllegalStateException("Tomcat does not accept socket.appWriteBufSize");
            }
        };
    }
}
