package id.go.jambiprov.dumisake.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * The services' own role checks ({@code @PreAuthorize}): here rather than in the web shell, because they are
 * the capabilities' rules and hold on every path — page, API, import, job — and in every module test.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class MethodSecurityConfiguration {
}
