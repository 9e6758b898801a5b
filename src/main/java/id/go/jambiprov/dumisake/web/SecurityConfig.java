package id.go.jambiprov.dumisake.web;

import id.go.jambiprov.dumisake.account.HttpBasicLoginDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Who may reach which URL is decided here, before any request is read; the services check the same
 * roles again and scope every record to the caller's OPD.
 * <p>
 * Pages use form login and CSRF tokens; the JSON API additionally takes HTTP Basic for scripts and
 * answers 401/403 as problem+json instead of redirecting to the login page. Browsers are kept away from
 * HTTP Basic altogether (no challenge, downloads under page URLs), so that no Basic credential a browser
 * cached can be used by another site. Which role may use what is checked twice: here by URL, and in the
 * services ({@code @PreAuthorize}, shared.MethodSecurityConfiguration), which is where it counts.
 */
@Configuration(proxyBeanMethods = false)
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

    private static final String ADMIN = "ADMIN";
    private static final String EXPERT = "EXPERT";
    private static final String OPERATOR = "OPD_OPERATOR";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemSecurityHandler problems) throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs/**", "/actuator/prometheus")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/audit/**", "/api/v1/allocations/kept-totals/**",
                                "/api/v1/aid/residence-differences", "/api/v1/aid/reach-differences",
                                "/actuator/prometheus")
                                .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/allocations/*/disbursements",
                                "/api/v1/allocations/*/aid", "/api/v1/disbursements/*/submit").hasRole(OPERATOR)
                        .requestMatchers(HttpMethod.POST, "/api/v1/allocations/*/progress-reports").hasRole(OPERATOR)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/allocations/*/outputs").hasAnyRole(ADMIN, OPERATOR)
                        .requestMatchers(HttpMethod.POST, "/api/v1/beneficiaries", "/api/v1/aid/*/cancel")
                                .hasAnyRole(ADMIN, OPERATOR)
                        .requestMatchers("/api/v1/beneficiary-imports", "/api/v1/beneficiary-imports/**")
                                .hasAnyRole(ADMIN, OPERATOR)
                        // exact NIK search: not for the expert team, whose work needs no NIK (the service checks too)
                        .requestMatchers(HttpMethod.GET, "/api/v1/beneficiaries").hasAnyRole(ADMIN, OPERATOR)
                        .requestMatchers(HttpMethod.POST, "/api/v1/allocations/*/progress-reports/*/photos")
                                .hasAnyRole(ADMIN, OPERATOR)
                        // obstacles: their OPD raises, follows up and escalates them, the OPD or an admin resolves,
                        // everyone comments (the service decides whose OPD)
                        .requestMatchers(HttpMethod.POST, "/api/v1/obstacles", "/api/v1/obstacles/*/follow-ups",
                                "/api/v1/obstacles/*/escalate").hasRole(OPERATOR)
                        .requestMatchers(HttpMethod.POST, "/api/v1/obstacles/*/resolve").hasAnyRole(ADMIN, OPERATOR)
                        .requestMatchers(HttpMethod.POST, "/api/v1/fiscal-years", "/api/v1/allocations",
                                "/api/v1/allocations/**", "/api/v1/disbursements/*/verify",
                                "/api/v1/disbursements/*/reject").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/allocations/**").hasRole(ADMIN)
                        .requestMatchers("/api/v1/fiscal-years/*/envelopes/**", "/api/v1/exports/envelopes.*",
                                "/api/v1/early-warnings").hasAnyRole(ADMIN, EXPERT)
                        .anyRequest().authenticated())
                // Basic is checked on every request and never stored (the request-scoped context is Spring
                // Security's default for Basic, stated because it matters here), and a 401 saves no request to
                // go back to: without that, each call of a client that waits to be asked for its credentials
                // left a session row. A browser session's own login still works on the API.
                .httpBasic(basic -> basic.authenticationEntryPoint(problems)
                        .authenticationDetailsSource(HttpBasicLoginDetails::new)
                        .securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(HEADERS)
                .addFilterBefore(new ApiForgeryFilter(problems, new OrRequestMatcher(
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/beneficiary-imports"),
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST,
                                "/api/v1/allocations/*/progress-reports/*/photos"),
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST,
                                "/api/v1/poverty-indicators/import"))), CsrfFilter.class)
                // A script sending its credentials with every request has no token to send; ApiForgeryFilter
                // has already refused such a request when another site or an HTML form could have made it. A
                // request without a session has no ambient login to abuse (it gets its 401). A browser session
                // using the API still needs the CSRF token.
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        request -> ApiForgeryFilter.isHttpBasic(request) || request.getSession(false) == null));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**",
                                "/favicon.ico").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/geo/**").permitAll()
                        .requestMatchers("/akun/**", "/audit/**").hasRole("ADMIN")
                        .requestMatchers("/alokasi/impor", "/alokasi/impor/**", "/pencairan/rekonsiliasi",
                                "/pencairan/rekonsiliasi/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/alokasi/*/pencairan/baru", "/pencairan/*/ubah").hasRole(OPERATOR)
                        .requestMatchers(HttpMethod.POST, "/alokasi/*/pencairan", "/pencairan/*/ubah",
                                "/pencairan/*/ajukan", "/alokasi/*/bantuan").hasRole(OPERATOR)
                        .requestMatchers("/penerima/baru", "/penerima/impor", "/penerima/impor/**")
                                .hasAnyRole(ADMIN, OPERATOR)
                        .requestMatchers(HttpMethod.POST, "/penerima", "/bantuan/*/batal").hasAnyRole(ADMIN, OPERATOR)
                        .requestMatchers(HttpMethod.POST, "/alokasi/*/keluaran").hasAnyRole(ADMIN, OPERATOR)
                        .requestMatchers("/alokasi/*/kemajuan/laporan").hasRole(OPERATOR)
                        .requestMatchers("/kendala/baru").hasRole(OPERATOR)
                        .requestMatchers(HttpMethod.POST, "/kendala/*/tindak-lanjut", "/kendala/*/eskalasi")
                                .hasRole(OPERATOR)
                        .requestMatchers(HttpMethod.POST, "/kendala/*/selesai", "/laporan-kemajuan/*/foto")
                                .hasAnyRole(ADMIN, OPERATOR)
                        .requestMatchers("/penerima/ganda", "/ekspor/pagu.*").hasAnyRole(ADMIN, EXPERT)
                        .requestMatchers("/alokasi/baru", "/alokasi/konteks", "/alokasi/per-desa", "/pencairan/antrean")
                                .hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/tahun-anggaran", "/tahun-anggaran/**", "/program",
                                "/program/**", "/alokasi", "/alokasi/*/jumlah", "/alokasi/*/batal",
                                "/pencairan/*/verifikasi", "/pencairan/*/tolak").hasRole(ADMIN)
                        .requestMatchers("/tahun-anggaran", "/tahun-anggaran/**").hasAnyRole(ADMIN, EXPERT)
                        .requestMatchers(HttpMethod.POST, "/catatan").hasAnyRole(ADMIN, EXPERT)
                        .requestMatchers(HttpMethod.POST, "/catatan/*/selesai").hasAnyRole(ADMIN, OPERATOR)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(HEADERS);
        return http.build();
    }
}
