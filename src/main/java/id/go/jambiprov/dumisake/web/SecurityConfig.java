package id.go.jambiprov.dumisake.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Pages use form login and CSRF tokens; the JSON API additionally takes HTTP Basic for scripts and
 * answers 401/403 as problem+json instead of redirecting to the login page. Which role may use what is
 * checked twice: here by URL, and in the services ({@code @PreAuthorize}), which is where it counts.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfig {

    /**
     * Scripts only from our own origin, never inline: an injected {@code <script>} does not run even if
     * some text escaped escaping. Inline {@code style=} attributes stay allowed (Bootstrap components set
     * them); styles cannot run code. {@code data:} images are Bootstrap's SVG icons in its CSS.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static final Customizer<HeadersConfigurer<HttpSecurity>> HEADERS = headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
            .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
            // URLs hold search terms and record ids: other sites learn nothing from them
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemSecurityHandler problems) throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/audit/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("Dumisake").authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(HEADERS)
                // a script sending credentials in every request cannot be tricked by another site; a browser
                // session using the API still needs the CSRF token
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**",
                                "/favicon.ico").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/akun/**", "/audit/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(HEADERS);
        return http.build();
    }
}
