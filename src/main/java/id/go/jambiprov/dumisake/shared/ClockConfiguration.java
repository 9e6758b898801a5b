package id.go.jambiprov.dumisake.shared;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** Jambi's time (WIB): "today" for SP2D dates and reports is the province's today, not the server's. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(JambiTime.ZONE);
    }
}
