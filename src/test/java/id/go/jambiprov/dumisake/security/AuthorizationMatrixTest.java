package id.go.jambiprov.dumisake.security;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.account.SignedIn;
import id.go.jambiprov.dumisake.web.StoredSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Who may use which endpoint, declared once for every endpoint the application maps — pages, API,
 * error and documentation — and checked for anonymous visitors and each role. An endpoint that is
 * mapped but missing from {@link #MATRIX} fails the build: a new controller method needs its rule here.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuthorizationMatrixTest {

    enum Outcome {
        /** served: neither 401 nor 403 nor sent to the login page (a 400, 404 or 422 is still "allowed") */
        ALLOWED,
        /** 403 */
        DENIED,
        /** a page redirects to the login, the API answers 401 */
        LOGIN
    }

    record Rule(Outcome anonymous, Outcome admin, Outcome expert, Outcome operator) {
    }

    static final Rule PUBLIC = new Rule(Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED);
    static final Rule SIGNED_IN = new Rule(Outcome.LOGIN, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED);
    static final Rule ADMIN_ONLY = new Rule(Outcome.LOGIN, Outcome.ALLOWED, Outcome.DENIED, Outcome.DENIED);
    static final Rule ADMIN_EXPERT = new Rule(Outcome.LOGIN, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.DENIED);
    static final Rule ADMIN_OPERATOR = new Rule(Outcome.LOGIN, Outcome.ALLOWED, Outcome.DENIED, Outcome.ALLOWED);
    static final Rule OPERATOR_ONLY = new Rule(Outcome.LOGIN, Outcome.DENIED, Outcome.DENIED, Outcome.ALLOWED);

    /** One line per endpoint, as "METHOD pattern" exactly as the controller maps it. */
    static final Map<String, Rule> MATRIX = Map.ofEntries(
            entry("GET /login", PUBLIC),
            entry("GET /error", PUBLIC),
            entry("GET /", SIGNED_IN),
            entry("GET /wilayah", SIGNED_IN),
            entry("GET /wilayah/kecamatan", SIGNED_IN),
            entry("GET /wilayah/kecamatan/filter", SIGNED_IN),
            entry("GET /wilayah/kecamatan/saran", SIGNED_IN),
            entry("GET /wilayah/desa", SIGNED_IN),
            entry("GET /opd", SIGNED_IN),
            entry("GET /kata-sandi", SIGNED_IN),
            entry("POST /kata-sandi", SIGNED_IN),
            entry("GET /akun", ADMIN_ONLY),
            entry("GET /akun/baru", ADMIN_ONLY),
            entry("POST /akun/baru", ADMIN_ONLY),
            entry("GET /akun/{id}", ADMIN_ONLY),
            entry("POST /akun/{id}/nonaktifkan", ADMIN_ONLY),
            entry("POST /akun/{id}/aktifkan", ADMIN_ONLY),
            entry("POST /akun/{id}/buka-kunci", ADMIN_ONLY),
            entry("POST /akun/{id}/reset-kata-sandi", ADMIN_ONLY),
            entry("GET /audit", ADMIN_ONLY),
            entry("GET /audit/ekspor.csv", ADMIN_ONLY),
            entry("GET /api/v1/audit", ADMIN_ONLY),
            entry("GET /api/v1/allocations/kept-totals/differences", ADMIN_ONLY),
            entry("GET /api/v1/aid/residence-differences", ADMIN_ONLY),
            entry("GET /api/v1/aid/reach-differences", ADMIN_ONLY),
            entry("GET /api/v1/early-warnings", ADMIN_EXPERT),
            entry("GET /api/v1/opd", SIGNED_IN),
            entry("GET /api/v1/regions/kabupaten-kota", SIGNED_IN),
            entry("GET /api/v1/regions/kecamatan", SIGNED_IN),
            entry("GET /api/v1/regions/desa", SIGNED_IN),
            entry("GET /v3/api-docs", SIGNED_IN),
            entry("GET /v3/api-docs.yaml", SIGNED_IN),
            entry("GET /actuator", SIGNED_IN),
            entry("GET /actuator/health", PUBLIC),
            entry("GET /actuator/health/**", PUBLIC),
            entry("GET /actuator/info", SIGNED_IN),
            entry("GET /actuator/prometheus", ADMIN_ONLY),
            entry("GET /tahun-anggaran", ADMIN_EXPERT),
            entry("POST /tahun-anggaran", ADMIN_ONLY),
            entry("GET /tahun-anggaran/{year}", ADMIN_EXPERT),
            entry("POST /tahun-anggaran/{year}/pagu", ADMIN_ONLY),
            entry("POST /tahun-anggaran/{year}/tutup", ADMIN_ONLY),
            entry("GET /tahun-anggaran/{year}/kecamatan/{code}", ADMIN_EXPERT),
            entry("GET /program", SIGNED_IN),
            entry("POST /program", ADMIN_ONLY),
            entry("POST /program/{code}", ADMIN_ONLY),
            entry("GET /alokasi", SIGNED_IN),
            entry("POST /alokasi", ADMIN_ONLY),
            entry("GET /alokasi/baru", ADMIN_ONLY),
            entry("GET /alokasi/konteks", ADMIN_ONLY),
            entry("GET /alokasi/per-desa", ADMIN_ONLY),
            entry("POST /alokasi/per-desa", ADMIN_ONLY),
            entry("GET /alokasi/{allocationId}", SIGNED_IN),
            entry("POST /alokasi/{allocationId}/jumlah", ADMIN_ONLY),
            entry("POST /alokasi/{allocationId}/batal", ADMIN_ONLY),
            entry("GET /alokasi/{allocationId}/pencairan", SIGNED_IN),
            entry("POST /alokasi/{allocationId}/pencairan", OPERATOR_ONLY),
            entry("GET /alokasi/{allocationId}/pencairan/baru", OPERATOR_ONLY),
            entry("GET /pencairan", SIGNED_IN),
            entry("GET /pencairan/antrean", ADMIN_ONLY),
            entry("GET /pencairan/{disbursementId}", SIGNED_IN),
            entry("GET /pencairan/{disbursementId}/bukti", SIGNED_IN),
            entry("GET /pencairan/{disbursementId}/ubah", OPERATOR_ONLY),
            entry("POST /pencairan/{disbursementId}/ubah", OPERATOR_ONLY),
            entry("POST /pencairan/{disbursementId}/ajukan", OPERATOR_ONLY),
            entry("POST /pencairan/{disbursementId}/verifikasi", ADMIN_ONLY),
            entry("POST /pencairan/{disbursementId}/tolak", ADMIN_ONLY),
            entry("GET /dasbor", SIGNED_IN),
            entry("GET /dasbor/kecamatan/{code}", SIGNED_IN),
            entry("GET /dasbor/opd/{code}", SIGNED_IN),
            entry("GET /dasbor/peringatan/{kind}", SIGNED_IN),
            entry("GET /catatan", SIGNED_IN),
            entry("GET /catatan/pada", SIGNED_IN),
            entry("POST /catatan", ADMIN_EXPERT),
            entry("POST /catatan/{noteId}/selesai", ADMIN_OPERATOR),
            entry("GET /api/v1/fiscal-years", SIGNED_IN),
            entry("POST /api/v1/fiscal-years", ADMIN_ONLY),
            entry("GET /api/v1/fiscal-years/{year}/envelopes", ADMIN_EXPERT),
            entry("GET /api/v1/fiscal-years/{year}/envelopes/{kecamatanCode}", ADMIN_EXPERT),
            entry("GET /api/v1/programmes", SIGNED_IN),
            entry("GET /api/v1/allocations", SIGNED_IN),
            entry("POST /api/v1/allocations", ADMIN_ONLY),
            entry("POST /api/v1/allocations/per-desa", ADMIN_ONLY),
            entry("GET /api/v1/allocations/{allocationId}", SIGNED_IN),
            entry("PUT /api/v1/allocations/{allocationId}/amount", ADMIN_ONLY),
            entry("POST /api/v1/allocations/{allocationId}/cancel", ADMIN_ONLY),
            entry("GET /api/v1/allocations/{allocationId}/disbursements", SIGNED_IN),
            entry("POST /api/v1/allocations/{allocationId}/disbursements", OPERATOR_ONLY),
            entry("GET /api/v1/disbursements/{disbursementId}", SIGNED_IN),
            entry("POST /api/v1/disbursements/{disbursementId}/submit", OPERATOR_ONLY),
            entry("POST /api/v1/disbursements/{disbursementId}/verify", ADMIN_ONLY),
            entry("POST /api/v1/disbursements/{disbursementId}/reject", ADMIN_ONLY),
            entry("GET /pemberitahuan", SIGNED_IN),
            entry("GET /pemberitahuan/{notificationId}/buka", SIGNED_IN),
            entry("POST /pemberitahuan/{notificationId}/dibaca", SIGNED_IN),
            entry("POST /pemberitahuan/dibaca-semua", SIGNED_IN),
            entry("GET /api/v1/notifications", SIGNED_IN),
            entry("POST /api/v1/notifications/{notificationId}/read", SIGNED_IN),
            entry("POST /api/v1/notifications/read-all", SIGNED_IN),
            entry("GET /api/v1/dashboard/summary", SIGNED_IN),
            entry("GET /api/v1/dashboard/kabupaten-kota", SIGNED_IN),
            entry("GET /api/v1/dashboard/kecamatan", SIGNED_IN),
            entry("GET /api/v1/dashboard/opd", SIGNED_IN),
            entry("GET /api/v1/dashboard/monthly", SIGNED_IN),
            entry("POST /program/{code}/desil", ADMIN_ONLY),
            entry("GET /penerima", SIGNED_IN),
            entry("GET /penerima/baru", ADMIN_OPERATOR),
            entry("POST /penerima", ADMIN_OPERATOR),
            entry("GET /penerima/{beneficiaryId}", SIGNED_IN),
            entry("GET /penerima/ganda", ADMIN_EXPERT),
            entry("GET /penerima/jumlah", SIGNED_IN),
            entry("GET /penerima/impor", ADMIN_OPERATOR),
            entry("POST /penerima/impor", ADMIN_OPERATOR),
            entry("GET /penerima/impor/templat.csv", ADMIN_OPERATOR),
            entry("GET /penerima/impor/{importId}/galat.csv", ADMIN_OPERATOR),
            entry("GET /penerima/impor/{importId}", ADMIN_OPERATOR),
            entry("GET /penerima/impor/{importId}/kemajuan", ADMIN_OPERATOR),
            entry("GET /penerima/jumlah/ringkasan", SIGNED_IN),
            entry("POST /bantuan/{aidId}/batal", ADMIN_OPERATOR),
            entry("POST /api/v1/aid/{aidId}/cancel", ADMIN_OPERATOR),
            entry("POST /api/v1/beneficiary-imports", ADMIN_OPERATOR),
            entry("GET /api/v1/beneficiary-imports/{importId}", ADMIN_OPERATOR),
            entry("GET /alokasi/{allocationId}/bantuan", SIGNED_IN),
            entry("POST /alokasi/{allocationId}/bantuan", OPERATOR_ONLY),
            entry("POST /api/v1/beneficiaries", ADMIN_OPERATOR),
            entry("GET /api/v1/beneficiaries", ADMIN_OPERATOR),
            entry("POST /api/v1/allocations/{allocationId}/aid", OPERATOR_ONLY),
            entry("GET /api/v1/allocations/{allocationId}/aid", SIGNED_IN),
            entry("GET /api/v1/exports/envelopes.xlsx", ADMIN_EXPERT),
            entry("GET /api/v1/exports/envelopes.csv", ADMIN_EXPERT),
            entry("GET /api/v1/exports/allocations.xlsx", SIGNED_IN),
            entry("GET /api/v1/exports/allocations.csv", SIGNED_IN),
            entry("GET /api/v1/exports/disbursements.xlsx", SIGNED_IN),
            entry("GET /api/v1/exports/disbursements.csv", SIGNED_IN),
            entry("GET /api/v1/exports/aid.xlsx", SIGNED_IN),
            entry("GET /api/v1/exports/aid.csv", SIGNED_IN),
            entry("GET /api/v1/exports/dashboard/{table}.xlsx", SIGNED_IN),
            entry("GET /api/v1/exports/dashboard/{table}.csv", SIGNED_IN),
            entry("GET /api/v1/reports/realisasi.pdf", SIGNED_IN),
            entry("GET /kemiskinan/indikator", SIGNED_IN),
            entry("POST /kemiskinan/indikator/pilih/{figureId}", ADMIN_ONLY),
            entry("GET /kemiskinan/indikator/{year}/{code}", ADMIN_ONLY),
            entry("POST /kemiskinan/indikator/{year}/{code}", ADMIN_ONLY),
            entry("GET /kemiskinan/indikator/impor", ADMIN_ONLY),
            entry("POST /kemiskinan/indikator/impor", ADMIN_ONLY),
            entry("GET /kemiskinan/indikator/templat.xlsx", SIGNED_IN),
            entry("GET /kemiskinan/indikator/templat.csv", SIGNED_IN),
            entry("GET /api/v1/poverty-indicators", SIGNED_IN),
            entry("PUT /api/v1/poverty-indicators/{year}/{kabupatenKotaCode}", ADMIN_ONLY),
            entry("POST /api/v1/poverty-indicators/figures/{figureId}/choose", ADMIN_ONLY),
            entry("POST /api/v1/poverty-indicators/import", ADMIN_ONLY),
            entry("GET /ekspor/pagu.xlsx", ADMIN_EXPERT),
            entry("GET /ekspor/pagu.csv", ADMIN_EXPERT),
            entry("GET /ekspor/alokasi.xlsx", SIGNED_IN),
            entry("GET /ekspor/alokasi.csv", SIGNED_IN),
            entry("GET /ekspor/pencairan.xlsx", SIGNED_IN),
            entry("GET /ekspor/pencairan.csv", SIGNED_IN),
            entry("GET /ekspor/bantuan.xlsx", SIGNED_IN),
            entry("GET /ekspor/bantuan.csv", SIGNED_IN),
            entry("GET /ekspor/dasbor/{table}.xlsx", SIGNED_IN),
            entry("GET /ekspor/dasbor/{table}.csv", SIGNED_IN),
            entry("GET /ekspor/laporan-realisasi.pdf", SIGNED_IN),
            entry("GET /alokasi/impor", ADMIN_ONLY),
            entry("POST /alokasi/impor", ADMIN_ONLY),
            entry("GET /alokasi/impor/templat.xlsx", ADMIN_ONLY),
            entry("POST /alokasi/impor/simpan", ADMIN_ONLY),
            entry("GET /alokasi/impor/galat.csv", ADMIN_ONLY),
            entry("GET /pencairan/rekonsiliasi", ADMIN_ONLY),
            entry("POST /pencairan/rekonsiliasi", ADMIN_ONLY),
            entry("GET /pencairan/rekonsiliasi/hasil.xlsx", ADMIN_ONLY),
            entry("GET /pencairan/rekonsiliasi/hasil.csv", ADMIN_ONLY),
            entry("GET /alokasi/{allocationId}/keluaran", SIGNED_IN),
            entry("POST /alokasi/{allocationId}/keluaran", ADMIN_OPERATOR),
            entry("GET /alokasi/{allocationId}/kemajuan", SIGNED_IN),
            entry("GET /alokasi/{allocationId}/kemajuan/ringkasan", SIGNED_IN),
            entry("GET /alokasi/{allocationId}/kemajuan/laporan", OPERATOR_ONLY),
            entry("POST /alokasi/{allocationId}/kemajuan/laporan", OPERATOR_ONLY),
            entry("GET /laporan-kemajuan/{reportId}", SIGNED_IN),
            entry("POST /program/{code}/kemajuan-minimal", ADMIN_ONLY),
            entry("GET /api/v1/allocations/{allocationId}/outputs", SIGNED_IN),
            entry("PUT /api/v1/allocations/{allocationId}/outputs", ADMIN_OPERATOR),
            entry("GET /api/v1/allocations/{allocationId}/progress-reports", SIGNED_IN),
            entry("GET /api/v1/allocations/{allocationId}/progress-reports/{reportId}", SIGNED_IN),
            entry("POST /api/v1/allocations/{allocationId}/progress-reports", OPERATOR_ONLY),
            entry("GET /api/v1/allocations/{allocationId}/progress-reports/{reportId}/photos", SIGNED_IN),
            entry("GET /api/v1/dashboard/deviation", SIGNED_IN),
            entry("GET /api/v1/dashboard/targeting", SIGNED_IN),
            entry("GET /api/v1/dashboard/targeting/trend", SIGNED_IN),
            entry("GET /api/v1/exports/targeting/{table}.csv", SIGNED_IN),
            entry("GET /api/v1/exports/targeting/{table}.xlsx", SIGNED_IN),
            entry("GET /api/v1/kecamatan/{kecamatanCode}/photos", SIGNED_IN),
            entry("GET /api/v1/obstacles", SIGNED_IN),
            entry("GET /api/v1/obstacles/{obstacleId}", SIGNED_IN),
            entry("GET /ekspor/sasaran-kemiskinan/{table}.csv", SIGNED_IN),
            entry("GET /ekspor/sasaran-kemiskinan/{table}.xlsx", SIGNED_IN),
            entry("GET /foto-lapangan/kecamatan/{kecamatanCode}", SIGNED_IN),
            entry("GET /foto-lapangan/{photoId}/{variant:original|tampilan|mini}", SIGNED_IN),
            entry("GET /kendala", SIGNED_IN),
            entry("GET /kendala/alokasi/{allocationId}", SIGNED_IN),
            entry("GET /kendala/baru", OPERATOR_ONLY),
            entry("GET /kendala/{obstacleId}", SIGNED_IN),
            entry("GET /laporan-kemajuan/{reportId}/foto", SIGNED_IN),
            entry("GET /monev", SIGNED_IN),
            entry("GET /monev/ambang", ADMIN_ONLY),
            entry("GET /monev/belum-jalan", SIGNED_IN),
            entry("GET /sasaran-kemiskinan", SIGNED_IN),
            entry("POST /api/v1/allocations/{allocationId}/progress-reports/{reportId}/photos", ADMIN_OPERATOR),
            entry("POST /api/v1/obstacles", OPERATOR_ONLY),
            entry("POST /api/v1/obstacles/{obstacleId}/comments", SIGNED_IN),
            entry("POST /api/v1/obstacles/{obstacleId}/escalate", OPERATOR_ONLY),
            entry("POST /api/v1/obstacles/{obstacleId}/follow-ups", OPERATOR_ONLY),
            entry("POST /api/v1/obstacles/{obstacleId}/resolve", ADMIN_OPERATOR),
            entry("POST /kendala/baru", OPERATOR_ONLY),
            entry("POST /kendala/{obstacleId}/eskalasi", OPERATOR_ONLY),
            entry("POST /kendala/{obstacleId}/komentar", SIGNED_IN),
            entry("POST /kendala/{obstacleId}/selesai", ADMIN_OPERATOR),
            entry("POST /kendala/{obstacleId}/tindak-lanjut", OPERATOR_ONLY),
            entry("POST /laporan-kemajuan/{reportId}/foto", ADMIN_OPERATOR),
            entry("POST /monev/ambang", ADMIN_ONLY));

    /** What to put for a path variable: a fresh record the request may change without harming the others. */
    final Map<String, Function<AuthorizationMatrixTest, Object>> pathSamples = Map.ofEntries(
            entry("id", AuthorizationMatrixTest::throwawayAccount),
            // records that do not exist: the role decides before the record is looked up (404 counts as allowed)
            entry("allocationId", test -> 999999999L),
            entry("disbursementId", test -> 999999999L),
            entry("beneficiaryId", test -> 999999999L),
            entry("importId", test -> 999999999L),
            entry("aidId", test -> 999999999L),
            entry("noteId", test -> 999999999L),
            entry("reportId", test -> 999999999L),
            entry("figureId", test -> 999999999L),
            entry("year", test -> 2026),
            entry("code", test -> "15.01.01"),
            entry("kecamatanCode", test -> "15.01.01"));

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JdbcIndexedSessionRepository sessions;

    @Autowired
    PasswordEncoder passwordEncoder;

    private String throwawayHash;

    @BeforeEach
    void hashOnce() {
        if (throwawayHash == null) {
            throwawayHash = passwordEncoder.encode("Sekali-Pakai-2026");
        }
    }

    @Test
    void everyMappedEndpointHasARule() {
        Set<String> undeclared = new TreeSet<>(endpoints());
        undeclared.removeAll(MATRIX.keySet());
        assertThat(undeclared).as("endpoints without a rule in AuthorizationMatrixTest.MATRIX").isEmpty();
        Set<String> stale = new TreeSet<>(MATRIX.keySet());
        stale.removeAll(endpoints());
        assertThat(stale).as("rules for endpoints that no longer exist").isEmpty();
    }

    @Test
    void everyRoleGetsWhatTheMatrixDeclares() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String endpoint : new TreeSet<>(MATRIX.keySet())) {
            Rule rule = MATRIX.get(endpoint);
            check(wrong, endpoint, null, rule.anonymous());
            check(wrong, endpoint, SignedIn.ADMIN, rule.admin());
            check(wrong, endpoint, SignedIn.EXPERT, rule.expert());
            check(wrong, endpoint, SignedIn.OPERATOR_DISDIK, rule.operator());
        }
        assertThat(wrong).isEmpty();
    }

    /** A page's state-changing request without the CSRF token is refused, whoever sends it, and changes nothing. */
    @Test
    void everyStateChangingRequestWithoutTheCsrfTokenIsRefused() throws Exception {
        List<String> accepted = new ArrayList<>();
        for (String endpoint : new TreeSet<>(MATRIX.keySet())) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            if (!STATE_CHANGING.contains(method)) {
                continue;
            }
            long account = throwawayAccount();
            int eventsBefore = jdbc.queryForObject("select count(*) from audit_event", Integer.class);
            String url = url(endpoint.substring(endpoint.indexOf(' ') + 1), account);
            // a signed-in browser: its session cookie names a stored session (the API takes a request without
            // any session, which carries no ambient login, without the token)
            MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.request(HttpMethod.valueOf(method), url)
                    .cookie(StoredSession.create(sessions).cookie()).with(user(SignedIn.ADMIN))).andReturn().getResponse();
            if (response.getStatus() != 403) {
                accepted.add(endpoint + " answered " + response.getStatus());
            }
            assertThat(jdbc.queryForObject("select count(*) from audit_event", Integer.class)).isEqualTo(eventsBefore);
            assertThat(jdbc.queryForObject("select enabled from user_account where id = ?", Boolean.class, account))
                    .isTrue();
        }
        assertThat(accepted).isEmpty();
    }

    private void check(List<String> wrong, String endpoint, DumisakeUser user, Outcome expected) throws Exception {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), url(pattern, null));
        if (STATE_CHANGING.contains(method)) {
            request.with(csrf());
        }
        if (user != null) {
            request.with(user(user));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        Outcome actual = outcome(response);
        // the error page called directly answers 500: there is no error for it to show
        boolean failed = response.getStatus() >= 500 && !pattern.equals("/error");
        if (actual != expected || failed) {
            wrong.add(endpoint + " as " + (user == null ? "anonymous" : user.getUsername()) + ": expected " + expected
                    + " but was " + response.getStatus() + " " + response.getRedirectedUrl());
        }
    }

    private static Outcome outcome(MockHttpServletResponse response) {
        if (response.getStatus() == 401 || "/login".equals(response.getRedirectedUrl())) {
            return Outcome.LOGIN;
        }
        return response.getStatus() == 403 ? Outcome.DENIED : Outcome.ALLOWED;
    }

    private String url(String pattern, Long account) {
        String concrete = pattern.replace("/**", "/liveness");
        Matcher matcher = PATH_VARIABLE.matcher(concrete);
        StringBuilder url = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            Object value = "id".equals(name) && account != null ? account
                    : pathSamples.getOrDefault(name, test -> "x").apply(this);
            matcher.appendReplacement(url, String.valueOf(value));
        }
        matcher.appendTail(url);
        return url.toString();
    }

    private Set<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                // a mapping for every method (the error page) is checked with GET
                Set<String> names = methods.isEmpty() ? Set.of("GET")
                        : methods.stream().map(Enum::name).collect(Collectors.toSet());
                for (String pattern : info.getPatternValues()) {
                    names.forEach(name -> endpoints.add(name + " " + pattern));
                }
            }
        }
        return endpoints;
    }

    private long throwawayAccount() {
        String username = "matrix-" + System.nanoTime();
        jdbc.update("insert into user_account (username, full_name, password_hash, role, opd_code) "
                + "values (?, 'Akun Uji Matriks', ?, 'OPD_OPERATOR', 'DISDIK')", username, throwawayHash);
        return jdbc.queryForObject("select id from user_account where username = ?", Long.class, username);
    }
}
