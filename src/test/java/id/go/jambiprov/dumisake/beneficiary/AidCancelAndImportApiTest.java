package id.go.jambiprov.dumisake.beneficiary;

import id.go.jambiprov.dumisake.account.SignedIn;
import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.internal.AllocationService;
import id.go.jambiprov.dumisake.beneficiary.internal.AidService;
import id.go.jambiprov.dumisake.beneficiary.internal.BeneficiaryService;
import id.go.jambiprov.dumisake.beneficiary.internal.NewAid;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.ProgrammeService;
import id.go.jambiprov.dumisake.web.StoredSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.allocation;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.as;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.freshNik;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.freshPlace;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.operator;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.person;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.programme;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Cancelling aid, the import jobs and the dashboard's beneficiary section over HTTP, with the real security
 * configuration and the demo accounts. Fiscal year 2099.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AidCancelAndImportApiTest {

    static final int YEAR = 2099;

    @Autowired
    JdbcIndexedSessionRepository sessions;

    @Autowired
    MockMvc mvc;

    @Autowired
    BeneficiaryService beneficiaries;

    @Autowired
    AidService aidService;

    @Autowired
    AllocationService allocations;

    @Autowired
    ProgrammeService programmes;

    @Autowired
    FiscalYearService fiscalYears;

    @Autowired
    JdbcTemplate jdbc;

    String kecamatan;
    String desa;
    AllocationView allocation;

    @BeforeEach
    void anAllocationOf2099() {
        BeneficiaryTestSupport.Place place = freshPlace(fiscalYears, jdbc, YEAR);
        kecamatan = place.kecamatan();
        desa = place.desa();
        allocation = allocation(allocations, YEAR, kecamatan, "DISDIK", programme(programmes, null).code(),
                new BigDecimal("50000000.00"));
    }

    @Test
    void cancelAidOverTheApi() throws Exception {
        AidView aid = recordedAid();
        String url = "/api/v1/aid/{id}/cancel";

        mvc.perform(post(url, aid.id()).with(httpBasic("op-disdik", "dumisake")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"  \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post(url, aid.id()).with(httpBasic("op-disdik", "dumisake")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post(url, aid.id()).with(httpBasic("op-dinkes", "dumisake")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"Bukan milik kami\"}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post(url, aid.id()).with(httpBasic("ahli", "dumisake")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"Tim ahli\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post(url, aid.id()).with(httpBasic("op-disdik", "dumisake")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"Data ganda\", \"version\": " + (aid.version() + 3) + "}"))
                .andExpect(status().isConflict());
        assertThat(jdbc.queryForObject("select status from aid where id = ?", String.class, aid.id())).isEqualTo("RECORDED");

        mvc.perform(post(url, aid.id()).with(httpBasic("op-disdik", "dumisake")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"Data ganda\", \"version\": " + aid.version() + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.cancelReason").value("Data ganda"))
                .andExpect(jsonPath("$.maskedNik").value(aid.maskedNik()));
        mvc.perform(post(url, aid.id()).with(httpBasic("admin", "dumisake")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"Lagi\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("AID_ALREADY_CANCELLED"));
        mvc.perform(get("/api/v1/allocations/{id}/aid", allocation.id()).with(httpBasic("ahli", "dumisake")))
                .andExpect(jsonPath("$[0].status").value("CANCELLED"));
    }

    @Test
    void cancelAidOnThePageWithAndWithoutAReason() throws Exception {
        AidView aid = recordedAid();

        mvc.perform(post("/bantuan/{id}/batal", aid.id()).with(csrf()).with(user(SignedIn.OPERATOR_DISDIK))
                        .param("reason", "").param("version", String.valueOf(aid.version()))
                        .param("from", "alokasi").param("fromId", String.valueOf(allocation.id())))
                .andExpect(redirectedUrl("/alokasi/" + allocation.id() + "/bantuan"))
                .andExpect(flash().attribute("flashError", containsString("lasan")));
        assertThat(jdbc.queryForObject("select status from aid where id = ?", String.class, aid.id())).isEqualTo("RECORDED");

        mvc.perform(post("/bantuan/{id}/batal", aid.id()).with(csrf()).with(user(SignedIn.OPERATOR_DISDIK))
                        .param("reason", "Pindah domisili").param("version", String.valueOf(aid.version()))
                        .param("from", "penerima").param("fromId", String.valueOf(aid.beneficiaryId())))
                .andExpect(redirectedUrl("/penerima/" + aid.beneficiaryId()))
                .andExpect(flash().attributeExists("flashSuccess"));
        mvc.perform(get("/penerima/{id}", aid.beneficiaryId()).with(user(SignedIn.OPERATOR_DISDIK)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Pindah domisili")))
                .andExpect(content().string(not(containsString("cancel-aid-" + aid.id()))));
    }

    @Test
    void importOverTheApiAnswers202WithTheJobToPoll() throws Exception {
        String nik = freshNik();
        String csv = "nik,name,sex,date_of_birth,desa_code,address,phone,welfare_decile,allocation_id,aid_amount,aid_date,"
                + "aid_description\n" + nik + ",Penerima Sintetis Api Impor,F,1990-07-01," + desa + ",Jl. Uji,,2,"
                + allocation.id() + ",250000,2099-02-02,\n";
        MockMultipartFile file = new MockMultipartFile("file", "api.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        MvcResult accepted = mvc.perform(multipart("/api/v1/beneficiary-imports").file(file)
                        .with(httpBasic("op-disdik", "dumisake")))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", containsString("/api/v1/beneficiary-imports/")))
                .andExpect(jsonPath("$.fileName").value("api.csv"))
                .andReturn();
        String location = accepted.getResponse().getHeader("Location");

        String status = "QUEUED";
        for (int i = 0; i < 600 && (status.equals("QUEUED") || status.equals("RUNNING")); i++) {
            Thread.sleep(100);
            status = com.jayway.jsonpath.JsonPath.read(mvc.perform(get(location).with(httpBasic("op-disdik", "dumisake")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.status");
        }
        assertThat(status).isEqualTo("SUCCEEDED");
        mvc.perform(get(location).with(httpBasic("op-disdik", "dumisake")))
                .andExpect(jsonPath("$.beneficiariesCreated").value(1)).andExpect(jsonPath("$.aidCreated").value(1))
                .andExpect(jsonPath("$.percent").value(100));
        mvc.perform(get(location).with(httpBasic("op-dinkes", "dumisake"))).andExpect(status().isNotFound());
        mvc.perform(get(location).with(httpBasic("admin", "dumisake"))).andExpect(status().isOk());
        mvc.perform(get(location).with(httpBasic("ahli", "dumisake"))).andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/beneficiary-imports").file(new MockMultipartFile("file", "kosong.csv", "text/csv",
                        new byte[0])).with(httpBasic("op-disdik", "dumisake")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("IMPORT_EMPTY"));
    }

    @Test
    void theImportPageLeadsToTheJobPageWhichPollsUntilTheEnd() throws Exception {
        String csv = "nik,name,sex,date_of_birth,desa_code,address,phone,welfare_decile\n"
                + freshNik() + ",Penerima Sintetis Halaman,F,1990-07-01," + desa + ",Jl. Uji,,2\n";
        MvcResult upload = mvc.perform(multipart("/penerima/impor").file(new MockMultipartFile("file", "halaman.csv",
                        "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .cookie(StoredSession.signedIn(sessions, SignedIn.OPERATOR_DISDIK).cookie()).with(csrf())
                        .with(user(SignedIn.OPERATOR_DISDIK)))
                .andExpect(status().is3xxRedirection()).andReturn();
        String page = upload.getResponse().getRedirectedUrl();
        assertThat(page).matches("/penerima/impor/[0-9]+");

        mvc.perform(get(page).with(user(SignedIn.OPERATOR_DISDIK))).andExpect(status().isOk())
                .andExpect(content().string(containsString("role=\"progressbar\"")))
                .andExpect(content().string(containsString("aria-valuenow=")))
                .andExpect(content().string(containsString("id=\"import-live\"")));
        String fragment = "";
        for (int i = 0; i < 600 && !fragment.contains("id=\"import-done\""); i++) {
            Thread.sleep(100);
            fragment = mvc.perform(get(page + "/kemajuan").with(user(SignedIn.OPERATOR_DISDIK)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        }
        assertThat(fragment).contains("id=\"import-done\"").contains("aria-valuenow=\"100\"")
                .contains("hx-swap-oob").doesNotContain("every 1s");
        mvc.perform(get(page).with(user(SignedIn.OPERATOR_DINKES))).andExpect(status().isNotFound());
    }

    @Test
    void theDashboardSectionDrillsDownFromTheProvinceToTheDesa() throws Exception {
        recordedAid();
        String kabupatenKota = jdbc.queryForObject("select kabupaten_kota_code from kecamatan where code = ?",
                String.class, kecamatan);

        mvc.perform(get("/penerima/jumlah/ringkasan").param("year", String.valueOf(YEAR)).param("kabupatenKota", "")
                        .with(user(SignedIn.EXPERT)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"beneficiary-summary-table\"")))
                .andExpect(content().string(containsString("kabupatenKota=" + kabupatenKota)));
        mvc.perform(get("/penerima/jumlah/ringkasan").param("year", String.valueOf(YEAR))
                        .param("kabupatenKota", kabupatenKota).with(user(SignedIn.EXPERT)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("kecamatan=" + kecamatan)));
        mvc.perform(get("/penerima/jumlah/ringkasan").param("year", String.valueOf(YEAR))
                        .param("kecamatan", kecamatan).with(user(SignedIn.OPERATOR_DISDIK)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-code=\"" + desa + "\"")))
                .andExpect(content().string(containsString("id=\"beneficiary-summary-up\"")));
        mvc.perform(get("/penerima/jumlah/ringkasan").param("year", String.valueOf(YEAR))
                        .param("kecamatan", "99.99.99").with(user(SignedIn.EXPERT)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/dasbor").param("year", String.valueOf(YEAR)).with(user(SignedIn.EXPERT)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hx-get=\"/penerima/jumlah/ringkasan?year=" + YEAR)));
    }

    private AidView recordedAid() {
        String nik = freshNik();
        as(operator("DISDIK"), () -> beneficiaries.register(person(nik, desa, 2)));
        return as(operator("DISDIK"), () -> aidService.recordAid(allocation.id(),
                new NewAid(nik, new BigDecimal("500000"), LocalDate.of(YEAR, 2, 2), null))).aid();
    }
}
