package id.go.jambiprov.dumisake.beneficiary;

import id.go.jambiprov.dumisake.allocation.AllocationView;
import id.go.jambiprov.dumisake.allocation.internal.AllocationService;
import id.go.jambiprov.dumisake.beneficiary.internal.Nik;
import id.go.jambiprov.dumisake.programme.FiscalYearService;
import id.go.jambiprov.dumisake.programme.ProgrammeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;

import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.allocation;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.desaOf;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.freshKecamatan;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.freshNik;
import static id.go.jambiprov.dumisake.beneficiary.BeneficiaryTestSupport.programme;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The beneficiary API over HTTP Basic with the real security configuration and the demo accounts. */
@SpringBootTest
@AutoConfigureMockMvc
class BeneficiaryApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AllocationService allocations;

    @Autowired
    ProgrammeService programmes;

    @Autowired
    FiscalYearService fiscalYears;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void registerRecordAidAndBeRefusedADoubleReceiptWithItsCode() throws Exception {
        BeneficiaryTestSupport.ensureOpen(fiscalYears);
        String kecamatan = freshKecamatan(jdbc);
        AllocationView allocation = allocation(allocations, kecamatan, "DISDIK", programme(programmes, null).code(),
                new BigDecimal("5000000.00"));
        String nik = freshNik();
        String person = """
                {"nik": "%s", "name": "Penerima Sintetis Api", "sex": "F", "dateOfBirth": "1990-07-01",
                 "desaCode": "%s", "address": "Jl. Uji", "phone": null, "welfareDecile": 2}"""
                .formatted(nik, desaOf(jdbc, kecamatan));

        mvc.perform(post("/api/v1/beneficiaries").with(httpBasic("op-disdik", "dumisake"))
                        .contentType(MediaType.APPLICATION_JSON).content(person))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.nik").value(nik));
        mvc.perform(post("/api/v1/beneficiaries").with(httpBasic("op-disdik", "dumisake"))
                        .contentType(MediaType.APPLICATION_JSON).content(person.replace("\"F\"", "\"M\"")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("NIK_SEX_MISMATCH"));

        String aid = """
                {"nik": "%s", "amount": 1000000, "date": "2048-03-10", "description": "Seragam"}""".formatted(nik);
        mvc.perform(post("/api/v1/allocations/{id}/aid", allocation.id()).with(httpBasic("op-disdik", "dumisake"))
                        .contentType(MediaType.APPLICATION_JSON).content(aid))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.aid.maskedNik").value(Nik.mask(nik)));
        mvc.perform(post("/api/v1/allocations/{id}/aid", allocation.id()).with(httpBasic("op-disdik", "dumisake"))
                        .contentType(MediaType.APPLICATION_JSON).content(aid))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("DOUBLE_RECEIPT"));
        mvc.perform(post("/api/v1/allocations/{id}/aid", allocation.id()).with(httpBasic("op-dinkes", "dumisake"))
                        .contentType(MediaType.APPLICATION_JSON).content(aid))
                .andExpect(status().isNotFound());

        mvc.perform(get("/api/v1/beneficiaries").param("nik", nik).with(httpBasic("ahli", "dumisake")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/beneficiaries").param("nik", nik).with(httpBasic("op-disdik", "dumisake")))
                .andExpect(jsonPath("$.registered").value(true)).andExpect(jsonPath("$.beneficiary.nik").value(nik));
        mvc.perform(get("/api/v1/beneficiaries").param("nik", "1501").with(httpBasic("op-disdik", "dumisake")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("NIK_INVALID"));
        mvc.perform(get("/api/v1/allocations/{id}/aid", allocation.id()).with(httpBasic("ahli", "dumisake")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].maskedNik").value(Nik.mask(nik)));
    }
}
