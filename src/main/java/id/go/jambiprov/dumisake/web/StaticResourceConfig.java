package id.go.jambiprov.dumisake.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * webjars-locator-lite switches on Spring's resource chain, and with it Boot registers a
 * {@link ResourceUrlEncodingFilter} that passes every link a page renders through the static resource
 * handlers: for {@code /dasbor/kecamatan/...} the {@code /**} handler probes four classpath locations
 * inside the jar, which cost most of a dashboard page's CPU (a page has over a hundred links). The
 * webjars are resolved to their version when they are served, not when links are written, and no
 * content-hash versioning is configured, so the filter rewrites nothing: registering it disabled keeps
 * Boot from adding it.
 */
@Configuration(proxyBeanMethods = false)
class StaticResourceConfig {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
