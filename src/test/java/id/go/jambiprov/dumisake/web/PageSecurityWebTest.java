package id.go.jambiprov.dumisake.web;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.account.Role;
import id.go.jambiprov.dumisake.account.internal.AccountService;
import id.go.jambiprov.dumisake.account.internal.SessionCheck;
import id.go.jambiprov.dumisake.allocation.Allocations;
import id.go.jambiprov.dumisake.allocation.internal.AllocationQueries;
import id.go.jambiprov.dumisake.allocation.internal.AllocationService;
import id.go.jambiprov.dumisake.allocation.internal.EnvelopeQueries;
import id.go.jambiprov.dumisake.allocation.internal.PerDesaAllocations;
import id.go.jambiprov.dumisake.audit.AuditLog;
import id.go.jambiprov.dumisake.audit.AuditSentences;
import id.go.jambiprov.dumisake.beneficiary.internal.AidQueries;
import id.go.jambiprov.dumisake.beneficiary.internal.AidResidenceReconciliation;
import id.go.jambiprov.dumisake.beneficiary.internal.AidService;
import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryImportJobs;
import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryImportService;
import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryQueries;
import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryService;
import id.go.jambiprov.dumisake.dashboard.Figures;
import id.go.jambiprov.dumisake.dashboard.RegionRow;
import id.go.jambiprov.dumisake.dashboard.internal.DashboardService;
import id.go.jambiprov.dumisake.dashboard.internal.EarlyWarningRecord;
import id.go.jambiprov.dumisake.dashboard.internal.ReviewNoteService;
import id.go.jambiprov.dumisake.dashboard.internal.ReviewNoteView;
import id.go.jambiprov.dumisake.dashboard.internal.ReviewTarget;
import id.go.jambiprov.dumisake.dashboard.web.RenderedFragments;
import id.go.jambiprov.dumisake.disbursement.internal.DisbursementQueries;
import id.go.jambiprov.dumisake.disbursement.internal.DisbursementService;
import id.go.jambiprov.dumisake.monev.internal.DeviationService;
import id.go.jambiprov.dumisake.monev.internal.StalledService;
import id.go.jambiprov.dumisake.monev.internal.ThresholdService;
import id.go.jambiprov.dumisake.notification.internal.NotificationInbox;
import id.go.jambiprov.dumisake.notification.internal.NotificationQueries;
import id.go.jambiprov.dumisake.obstacle.Obstacles;
import id.go.jambiprov.dumisake.opd.OpdService;
import id.go.jambiprov.dumisake.opd.OpdSummary;
import id.go.jambiprov.dumisake.photo.FieldPhotos;
import id.go.jambiprov.dumisake.photo.internal.PhotoQueries;
import id.go.jambiprov.dumisake.photo.internal.PhotoUploads;
import id.go.jambiprov.dumisake.poverty.PovertyFigures;
import id.go.jambiprov.dumisake.poverty.internal.PovertyFigureService;
import id.go.jambiprov.dumisake.poverty.internal.PovertyImportService;
import id.go.jambiprov.dumisake.poverty.internal.PovertyTemplate;
import id.go.jambiprov.dumisake.poverty.internal.ViolationMessages;
import id.go.jambiprov.dumisake.poverty.web.FigureFormats;
import id.go.jambiprov.dumisake.programme.FiscalYearChoice;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.FiscalYearStatus;
import id.go.jambiprov.dumisake.programme.FiscalYearView;
import id.go.jambiprov.dumisake.programme.Pillar;
import id.go.jambiprov.dumisake.programme.ProgrammeService;
import id.go.jambiprov.dumisake.programme.ProgrammeView;
import id.go.jambiprov.dumisake.progress.ProgressReports;
import id.go.jambiprov.dumisake.region.KabupatenKotaSummary;
import id.go.jambiprov.dumisake.region.KecamatanFields;
import id.go.jambiprov.dumisake.region.KecamatanSummary;
import id.go.jambiprov.dumisake.region.RegionService;
import id.go.jambiprov.dumisake.report.internal.AllocationImportService;
import id.go.jambiprov.dumisake.report.internal.ExportService;
import id.go.jambiprov.dumisake.report.internal.RealisationReportService;
import id.go.jambiprov.dumisake.report.internal.Sp2dReconciliationService;
import id.go.jambiprov.dumisake.report.internal.TargetingExports;
import id.go.jambiprov.dumisake.shared.Flash;
import id.go.jambiprov.dumisake.shared.StaleVersionException;
import id.go.jambiprov.dumisake.targeting.Targeting;
import id.go.jambiprov.dumisake.targeting.internal.TargetingService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The controllers behind the real security configuration, with a user of each role and none. */
// the progress pages' own page helper is a plain component of that package, so it is let in by name
@WebMvcTest(includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = "id\\.go\\.jambiprov\\.dumisake\\.progress\\.web\\.ProgressPages"))
@Import({SecurityConfig.class, ProblemSecurityHandler.class, PageLinks.class, DisplayFormats.class, Viewer.class,
        SelectOptions.class, NavigationLinks.class, AuditSentences.class, Flash.class, TemplateVariablesConfig.class, KecamatanFields.class,
        PageSecurityWebTest.JambiClock.class})
class PageSecurityWebTest {

    static final DumisakeUser ADMIN = new DumisakeUser("admin", "Administrator Dumisake", Role.ADMIN, null, true, "x");
    static final DumisakeUser EXPERT = new DumisakeUser("ahli", "Tim Tenaga Ahli", Role.EXPERT, null, true, "x");
    static final DumisakeUser OPERATOR = new DumisakeUser("op-disdik", "Operator Disdik", Role.OPD_OPERATOR,
            "DISDIK", true, "x");

    /** The pages' "this year" and the controllers' today come from the application's clock. */
    @TestConfiguration(proxyBeanMethods = false)
    static class JambiClock {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RegionService regions;

    @MockitoBean
    RenderedFragments renderedFragments;

    @MockitoBean
    OpdService opds;

    @MockitoBean
    FiscalYearService fiscalYears;

    @MockitoBean
    EnvelopeQueries envelopes;

    @MockitoBean
    ProgrammeService programmes;

    @MockitoBean
    AllocationService allocations;

    @MockitoBean
    PerDesaAllocations perDesaAllocations;

    @MockitoBean
    AllocationQueries allocationQueries;

    @MockitoBean
    Allocations allocationsApi;

    @MockitoBean
    DisbursementService disbursements;

    @MockitoBean
    DisbursementQueries disbursementQueries;

    @MockitoBean
    DashboardService dashboard;

    @MockitoBean
    ReviewNoteService reviewNotes;

    @MockitoBean
    NotificationInbox notificationInbox;

    @MockitoBean
    NotificationQueries notificationQueries;

    @MockitoBean
    EarlyWarningRecord earlyWarnings;

    @MockitoBean
    AccountService accounts;

    @MockitoBean
    AuditLog auditLog;

    @MockitoBean
    SessionCheck sessionCheck;

    @MockitoBean
    BeneficiaryService beneficiaries;

    @MockitoBean
    BeneficiaryQueries beneficiaryQueries;

    @MockitoBean
    AidService aidService;

    @MockitoBean
    AidResidenceReconciliation aidResidence;

    @MockitoBean
    AidQueries aidQueries;

    @MockitoBean
    BeneficiaryImportService beneficiaryImports;

    @MockitoBean
    BeneficiaryImportJobs beneficiaryImportJobs;

    @MockitoBean
    ExportService exports;

    @MockitoBean
    RealisationReportService realisationReports;

    @MockitoBean
    AllocationImportService allocationImports;

    @MockitoBean
    Sp2dReconciliationService sp2dReconciliations;
    @MockitoBean
    PovertyTemplate povertyTemplate;
    @MockitoBean
    FigureFormats figureFormats;
    @MockitoBean
    ViolationMessages violationMessages;
    @MockitoBean
    PovertyImportService povertyImportService;
    @MockitoBean
    PovertyFigureService povertyFigureService;
    @MockitoBean
    PovertyFigures povertyFigures;
    @MockitoBean
    TargetingService targetingService;
    @MockitoBean
    Targeting targeting;
    @MockitoBean
    TargetingExports targetingExports;
    @MockitoBean
    ProgressReports progressReports;
    @MockitoBean
    PhotoQueries photoQueries;
    @MockitoBean
    FieldPhotos fieldPhotos;
    @MockitoBean
    PhotoUploads photoUploads;
    @MockitoBean
    Obstacles obstacles;
    @MockitoBean
    ThresholdService thresholdService;
    @MockitoBean
    StalledService stalledService;
    @MockitoBean
    DeviationService deviationService;

    @BeforeEach
    void masterData() {
        when(sessionCheck.mayContinue(anyString())).thenReturn(true);
        when(regions.kabupatenKota()).thenReturn(List.of(
                new KabupatenKotaSummary("15.01", "Kabupaten Kerinci", "KABUPATEN", 18, 287)));
        OpdSummary disdik = new OpdSummary("DISDIK", "Dinas Pendidikan Provinsi Jambi", "Dinas",
                "Dumisake Pendidikan", true);
        when(opds.get("DISDIK")).thenReturn(disdik);
        when(opds.all()).thenReturn(List.of(disdik));
    }

    @Test
    void anonymousVisitorsOfPagesAreSentToTheLoginPage() throws Exception {
        for (String page : List.of("/", "/wilayah", "/wilayah/kecamatan", "/wilayah/desa", "/opd")) {
            mvc.perform(get(page)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }
    }

    @Test
    void anonymousApiCallsGet401AsProblemJson() throws Exception {
        mvc.perform(get("/api/v1/opd"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("WWW-Authenticate"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").value(containsString("autentikasi")));
    }

    @Test
    void theLoginPageIsOpenAndInIndonesian() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nama pengguna")))
                .andExpect(content().string(containsString("Kata sandi")));
    }

    @Test
    void eachRoleSeesItsOwnHome() throws Exception {
        mvc.perform(get("/").with(user(ADMIN)))
                .andExpect(view().name("home/admin"))
                .andExpect(content().string(containsString("Beranda Administrator")));
        mvc.perform(get("/").with(user(EXPERT)))
                .andExpect(view().name("home/expert"))
                .andExpect(content().string(containsString("Tim Tenaga Ahli Gubernur")));
        mvc.perform(get("/").with(user(OPERATOR)))
                .andExpect(view().name("home/operator"))
                .andExpect(content().string(containsString("Dinas Pendidikan Provinsi Jambi")))
                .andExpect(content().string(containsString("Operator OPD · DISDIK")));
    }

    @Test
    void theLayoutSwitchesToEnglishOnRequest() throws Exception {
        mvc.perform(get("/").param("lang", "en").with(user(ADMIN)))
                .andExpect(content().string(containsString("Administrator home")))
                .andExpect(content().string(containsString("lang=\"en\"")))
                .andExpect(content().string(not(containsString("Beranda Administrator"))));
    }

    @Test
    void signedInUsersReadTheApiWithTheirSession() throws Exception {
        mvc.perform(get("/api/v1/opd").with(user(EXPERT)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("DISDIK"));
    }

    @Test
    void anEarlyWarningListsAllOfItAPageAtATimeAndAnUnknownOneIsNotFound() throws Exception {
        when(fiscalYears.choices()).thenReturn(List.of(new FiscalYearChoice(2026, FiscalYearStatus.OPEN)));
        when(dashboard.overdue(eq(2026), any(), any())).thenReturn(Page.empty(PageRequest.of(0, 50)));
        mvc.perform(get("/dasbor/peringatan/lewat-rencana").with(user(OPERATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Alokasi lewat rencana tanpa pengajuan")))
                .andExpect(content().string(containsString("Tidak ada data yang cocok.")));
        mvc.perform(get("/dasbor/peringatan/entah").with(user(EXPERT))).andExpect(status().isNotFound());
    }

    @Test
    void theLowestKecamatanAndOpdsListAllOfThemAPageAtATime() throws Exception {
        when(fiscalYears.choices()).thenReturn(List.of(new FiscalYearChoice(2026, FiscalYearStatus.OPEN)));
        Figures figures = new Figures(new BigDecimal("2000000000"), new BigDecimal("500000000"), BigDecimal.ZERO);
        when(dashboard.lowestKecamatan(eq(2026), any(), eq(PageRequest.of(1, 50)))).thenReturn(new PageImpl<>(
                List.of(new RegionRow("15.01.01", "Gunung Raya", "15.01", "Kabupaten Kerinci", figures, 3)),
                PageRequest.of(1, 50), 144));
        when(dashboard.lowestOpd(eq(2026), any(), any())).thenReturn(new PageImpl<>(
                List.of(new RegionRow("DISDIK", "Dinas Pendidikan Provinsi Jambi", null, null, figures, 9)),
                PageRequest.of(0, 50), 1));
        mvc.perform(get("/dasbor/peringatan/kecamatan-terendah").param("page", "1").with(user(EXPERT)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kecamatan dengan realisasi terendah")))
                .andExpect(content().string(containsString("Gunung Raya")))
                .andExpect(content().string(containsString("Menampilkan 51–51 dari 144 data")));
        // an operator reads its kecamatan against its OPD's allocations there, not against their pagu
        when(dashboard.lowestKecamatan(eq(2026), any(), eq(PageRequest.of(0, 50)))).thenReturn(new PageImpl<>(
                List.of(new RegionRow("15.01.01", "Gunung Raya", "15.01", "Kabupaten Kerinci", figures, 3)),
                PageRequest.of(0, 50), 1));
        mvc.perform(get("/dasbor/peringatan/kecamatan-terendah").with(user(OPERATOR)))
                .andExpect(content().string(containsString("% realisasi")))
                .andExpect(content().string(not(containsString("% pagu"))));
        mvc.perform(get("/dasbor/peringatan/opd-terendah").with(user(OPERATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("OPD dengan realisasi terendah")))
                .andExpect(content().string(containsString("Dinas Pendidikan Provinsi Jambi")));
    }

    @Test
    void theOpenNotesComeAPageAtATimeWithTheirNumber() throws Exception {
        ReviewNoteView note = new ReviewNoteView(7, ReviewTarget.KECAMATAN, "15.01.01", "Gunung Raya", 2026, null,
                "Realisasi lambat", true, null, OffsetDateTime.parse("2026-03-01T02:00:00Z"), "ahli", null, null, 0);
        when(reviewNotes.open(any(), eq(PageRequest.of(2, 50)))).thenReturn(
                new PageImpl<>(List.of(note), PageRequest.of(2, 50), 101));
        mvc.perform(get("/catatan").param("page", "2").with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Realisasi lambat")))
                .andExpect(content().string(containsString("Menampilkan 101–101 dari 101 data")))
                .andExpect(content().string(containsString("aria-current=\"page\"")));
    }

    /** web.LocalVariablesEngineContext: the model stays out of the request, the filters' attributes reach the page. */
    @Test
    void aPagesVariablesStayOutOfTheRequestAndTheSecurityFiltersAttributesReachIt() throws Exception {
        when(reviewNotes.open(any(), any())).thenReturn(Page.empty(PageRequest.of(0, 50)));
        mvc.perform(get("/catatan").with(user(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(matchesPattern("(?s).*<meta name=\"_csrf\" content=\"[^\"]+\">.*")))
                .andExpect(request().attribute("page", nullValue()))
                .andExpect(request().attribute("_csrf", notNullValue()));
    }

    @Test
    void aRefusedProgrammeChangeIsSaidInItsRowsFormAndAFiscalYearsAtItsButton() throws Exception {
        when(programmes.all()).thenReturn(List.of(new ProgrammeView("BEASISWA", "Beasiswa", Pillar.CERDAS, "DISDIK",
                true, null, null, 3)));
        when(programmes.change(eq("BEASISWA"), any(), any(), any(), anyBoolean(), anyLong()))
                .thenThrow(new StaleVersionException("Programme", "BEASISWA"));
        MvcResult refused = mvc.perform(post("/program/BEASISWA").with(user(ADMIN)).with(csrf())
                        .param("name", "Beasiswa").param("pillar", "CERDAS").param("leadOpdCode", "DISDIK")
                        .param("version", "2"))
                .andExpect(redirectedUrl("/program")).andReturn();
        mvc.perform(get("/program").with(user(ADMIN)).flashAttrs(refused.getFlashMap()))
                .andExpect(content().string(containsString("id=\"form-BEASISWA-error\"")))
                .andExpect(content().string(containsString("telah diubah oleh pengguna lain")))
                .andExpect(content().string(not(containsString("class=\"alert alert-danger\" role=\"alert\""))));

        when(fiscalYears.all()).thenReturn(List.of(new FiscalYearView(2026, new BigDecimal("2000000000"),
                FiscalYearStatus.OPEN, 144, new BigDecimal("288000000000"), BigDecimal.ZERO, BigDecimal.ZERO, 5)));
        when(fiscalYears.close(2026, 4)).thenThrow(new StaleVersionException("FiscalYear", 2026));
        MvcResult notClosed = mvc.perform(post("/tahun-anggaran/2026/tutup").with(user(ADMIN)).with(csrf())
                        .param("version", "4"))
                .andExpect(redirectedUrl("/tahun-anggaran")).andReturn();
        mvc.perform(get("/tahun-anggaran").with(user(ADMIN)).flashAttrs(notClosed.getFlashMap()))
                .andExpect(content().string(containsString("aria-describedby=\"close-2026-error\"")))
                .andExpect(content().string(containsString("id=\"close-2026-error\"")))
                .andExpect(content().string(containsString("telah diubah oleh pengguna lain")));
    }

    @Test
    void theObstacleListFiltersWithTheSharedFieldsAndKeepsWhatWasChosen() throws Exception {
        when(fiscalYears.choices()).thenReturn(List.of(new FiscalYearChoice(2026, FiscalYearStatus.OPEN)));
        when(obstacles.search(any(), any())).thenReturn(Page.empty(PageRequest.of(0, 50)));
        mvc.perform(get("/kendala").param("escalated", "false").param("category", "PENGADAAN").with(user(EXPERT)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "<option value=\"false\" selected=\"selected\">Tidak dieskalasi</option>")))
                .andExpect(content().string(containsString("<option value=\"true\">Perlu dukungan pimpinan</option>")))
                .andExpect(content().string(containsString("<option value=\"PENGADAAN\" selected=\"selected\">")))
                .andExpect(content().string(containsString("Tidak ada data yang cocok.")));
    }

    /**
     * At national scale the list's kecamatan filter is a text field, not a select of thousands: a kecamatan's name
     * filters by its code; a name that is no kecamatan's leaves the list whole, with the reason at the field.
     */
    @Test
    void theObstacleListTakesAKecamatanByNameAtNationalScale() throws Exception {
        List<KecamatanSummary> country = IntStream.range(0, KecamatanFields.MAX_OPTIONS + 1)
                .mapToObj(i -> new KecamatanSummary("%02d.01.%03d".formatted(11 + i / 500, i % 500),
                        i == 7 ? "Batang Asai" : "Kecamatan " + i, "15.01", "Kabupaten Sarolangun", 10))
                .toList();
        when(regions.kecamatanChoices(null)).thenReturn(country);
        when(fiscalYears.choices()).thenReturn(List.of(new FiscalYearChoice(2026, FiscalYearStatus.OPEN)));
        when(obstacles.search(any(), any())).thenReturn(Page.empty(PageRequest.of(0, 50)));

        mvc.perform(get("/kendala").param("kecamatan", "batang asai").with(user(EXPERT)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<input type=\"text\" class=\"form-control\" id=\"kecamatan\"")))
                .andExpect(content().string(containsString("value=\"Batang Asai (11.01.007)\"")))
                .andExpect(content().string(containsString("title=\"Kabupaten Sarolangun\"")))
                .andExpect(content().string(not(containsString("<option value=\"11.01.008\""))));
        verify(obstacles).search(argThat(filter -> "11.01.007".equals(filter.kecamatanCode())), any());

        mvc.perform(get("/kendala").param("kecamatan", "Atlantis").with(user(EXPERT)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"form-control is-invalid\"")))
                .andExpect(content().string(containsString("aria-describedby=\"kecamatan-hint kecamatan-problem\"")))
                .andExpect(content().string(containsString("Kecamatan &quot;Atlantis&quot; tidak ditemukan.")));
        verify(obstacles).search(argThat(filter -> filter.kecamatanCode() == null), any());
    }

    /** The kecamatan field's suggestions: signed in only, at most twenty, escaped, "name (code)" as the value. */
    @Test
    void theKecamatanFieldSuggestsAFewKecamatanToWhoeverIsSignedIn() throws Exception {
        List<KecamatanSummary> country = IntStream.range(0, 500)
                .mapToObj(i -> new KecamatanSummary("%02d.01.%03d".formatted(11 + i / 100, i % 100),
                        i == 3 ? "Batang <b>Asai</b>" : "Batang " + i, "15.03", "Kabupaten Sarolangun", 10))
                .toList();
        when(regions.kecamatanChoices(null)).thenReturn(country);

        mvc.perform(get("/wilayah/kecamatan/saran").param("kecamatan", "batang"))
                .andExpect(status().is3xxRedirection());
        String options = mvc.perform(get("/wilayah/kecamatan/saran").param("kecamatan", "batang")
                        .with(user(OPERATOR)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(options.split("<option", -1)).hasSize(KecamatanFields.SUGGESTIONS + 1);
        mvc.perform(get("/wilayah/kecamatan/saran").param("kecamatan", "asai").with(user(OPERATOR)))
                .andExpect(content().string(containsString(
                        "<option value=\"Batang &lt;b&gt;Asai&lt;/b&gt; (11.01.003)\">Kabupaten Sarolangun</option>")));
        mvc.perform(get("/wilayah/kecamatan/saran").param("kecamatan", "").with(user(OPERATOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<option"))));
    }

    /** Choosing a kabupaten/kota on the allocation list swaps in a select of its kecamatan. */
    @Test
    void theKecamatanFieldOfAKabupatenKotaIsASelect() throws Exception {
        when(regions.kecamatanChoices("15.03")).thenReturn(List.of(
                new KecamatanSummary("15.03.01", "Batang Asai", "15.03", "Kabupaten Sarolangun", 12)));

        mvc.perform(get("/wilayah/kecamatan/filter").param("kabupatenKota", "15.03").with(user(EXPERT)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<select class=\"form-select\" id=\"kecamatan\" name=\"kecamatan\"")))
                .andExpect(content().string(containsString("<option value=\"15.03.01\">Batang Asai</option>")));
    }

    @Test
    void logoutWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/logout").with(user(ADMIN))).andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(user(ADMIN)).with(csrf()))
                .andExpect(redirectedUrl("/login?logout"));
    }
}
