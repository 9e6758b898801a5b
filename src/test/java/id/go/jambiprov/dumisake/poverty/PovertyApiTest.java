package id.go.jambiprov.dumisake.poverty;

import id.go.jambiprov.dumisake.account.SignedIn;
import id.go.jambiprov.dumisake.web.StoredSession;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The poverty indicators through the API and the pages, with the real security configuration: the seed as it
 * is read (gaps null, disagreements as alternatives), PUT and import all or nothing, admins only. Years 2017
 * to 2019, which the seed has no figures for, belong to this class for writing; each test rolls back.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class PovertyApiTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "dumisake");
    private static final RequestPostProcessor EXPERT = httpBasic("ahli", "dumisake");
    private static final RequestPostProcessor OPERATOR = httpBasic("op-disdik", "dumisake");
    private static final String CSV_HEADING = "kode,wilayah,tahun,periode,persen_miskin,jumlah_miskin,penduduk,"
            + "garis_kemiskinan,p1,p2,miskin_ekstrem,persen_ekstrem,sumber,badan_sumber,catatan\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JdbcIndexedSessionRepository sessions;

    @Test
    void aMissingFigureIsNullNeverZero() throws Exception {
        mvc.perform(get("/api/v1/poverty-indicators").param("year", "2023").with(EXPERT))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(12)))
                .andExpect(jsonPath("$[0].kabupatenKotaCode").value("15.01"))
                .andExpect(jsonPath("$[0]", hasKey("povertyRate")))
                .andExpect(jsonPath("$[0].povertyRate").value(nullValue()))
                .andExpect(jsonPath("$[0].poorPeople").value(nullValue()))
                .andExpect(jsonPath("$[0].source").value(nullValue()))
                .andExpect(jsonPath("$[4].kabupatenKotaCode").value("15.05"))
                .andExpect(jsonPath("$[4].poorPeople").value(20830))
                .andExpect(jsonPath("$[4].alternatives[?(@.field == 'poorPeople')].value", hasItem(48102)))
                .andExpect(jsonPath("$[11].kabupatenKotaCode").value("15"))
                .andExpect(jsonPath("$[11].name").value("Provinsi Jambi"))
                .andExpect(jsonPath("$[11].september.povertyRate").value(nullValue()));
        mvc.perform(get("/api/v1/poverty-indicators").param("year", "2021").with(OPERATOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].poorPeople").value(18450))
                .andExpect(jsonPath("$[0].povertyRate").value(nullValue()))
                .andExpect(jsonPath("$[0].source").value(containsString("sekato.id")));
        mvc.perform(get("/api/v1/poverty-indicators").param("year", "2024").with(EXPERT))
                .andExpect(jsonPath("$[2].povertyRate").value(8.36))
                .andExpect(jsonPath("$[2].alternatives[0].value").value(8.63))
                .andExpect(jsonPath("$[11].september.poorPeople").value(272700))
                .andExpect(jsonPath("$[11].september.alternatives[0].value").value(272200));
    }

    @Test
    void anAdminSetsFiguresAndThePreviousOneStaysAsAnAlternative() throws Exception {
        long audited = audited("POVERTY_FIGURE_SET");
        mvc.perform(json(put("/api/v1/poverty-indicators/2019/15.01"),
                        "{\"povertyRate\": 7.5, \"poorPeople\": 18000, \"source\": \"https://jambi.bps.go.id/brs\"}")
                        .with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.povertyRate").value(7.5))
                .andExpect(jsonPath("$.poorPeople").value(18000))
                .andExpect(jsonPath("$.population").value(nullValue()));
        mvc.perform(json(put("/api/v1/poverty-indicators/2019/15.01"),
                        "{\"povertyRate\": 7.6, \"source\": \"https://jambi.bps.go.id/brs-revisi\"}").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.povertyRate").value(7.6))
                .andExpect(jsonPath("$.poorPeople").value(18000))
                .andExpect(jsonPath("$.alternatives[0].field").value("povertyRate"))
                .andExpect(jsonPath("$.alternatives[0].value").value(7.5));
        assertThat(audited("POVERTY_FIGURE_SET")).isEqualTo(audited + 3);

        mvc.perform(json(put("/api/v1/poverty-indicators/2019/15.01"), "{\"withdraw\": [\"povertyRate\"]}").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.povertyRate").value(nullValue()))
                .andExpect(jsonPath("$.alternatives[*].value", containsInAnyOrder(7.5, 7.6)));
    }

    @Test
    void aRefusedPutWritesNothingAndSaysWhyPerField() throws Exception {
        long before = figures();
        mvc.perform(json(put("/api/v1/poverty-indicators/2019/15.02"),
                        "{\"povertyRate\": 120, \"poorPeople\": -1, \"population\": 1000}").with(ADMIN))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("POVERTY_FIGURES_INVALID"))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("povertyRate", "poorPeople", "source")))
                .andExpect(jsonPath("$.errors[?(@.field == 'povertyRate')].message",
                        hasItem("Persentase harus antara 0 dan 100.")));
        mvc.perform(json(put("/api/v1/poverty-indicators/2019/15.99"), "{\"povertyRate\": 5, \"source\": \"s\"}")
                        .with(ADMIN))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        assertThat(figures()).isEqualTo(before);
    }

    @Test
    void onlyAdminsWrite() throws Exception {
        long before = figures();
        String body = "{\"povertyRate\": 5, \"source\": \"s\"}";
        mvc.perform(json(put("/api/v1/poverty-indicators/2019/15.01"), body).with(EXPERT))
                .andExpect(status().isForbidden());
        mvc.perform(json(put("/api/v1/poverty-indicators/2019/15.01"), body).with(OPERATOR))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/poverty-indicators/import").file(csv(CSV_HEADING
                        + "15.01,,2019,MARET,5,,,,,,,,s,,\n")).with(EXPERT))
                .andExpect(status().isForbidden());
        mvc.perform(get("/kemiskinan/indikator/2019/15.01").with(user(SignedIn.EXPERT))).andExpect(status().isForbidden());
        mvc.perform(get("/kemiskinan/indikator/impor").with(user(SignedIn.OPERATOR_DISDIK)))
                .andExpect(status().isForbidden());
        assertThat(figures()).isEqualTo(before);
    }

    @Test
    void anImportIsWrittenWholeOrRefusedWithEveryRowsErrors() throws Exception {
        long before = figures();
        String rows = "15.03,Sarolangun,2018,MARET,8.1,26000,310000,,,,,,https://bps.go.id/a,BPS,\n"
                + "15.99,Entah,2018,MARET,5,,,,,,,,https://bps.go.id/a,,\n"
                + "15.04,Batang Hari,2018,MARET,101,banyak,,,,,,,,,\n"
                + "15.03,Sarolangun,2018,MARET,8.2,,,,,,,,https://bps.go.id/b,,\n";
        mvc.perform(multipart("/api/v1/poverty-indicators/import").file(csv(CSV_HEADING + rows)).with(ADMIN))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("POVERTY_FIGURES_INVALID"))
                .andExpect(jsonPath("$.errors[*].row", containsInAnyOrder(3, 4, 4, 4, 5)))
                .andExpect(jsonPath("$.errors[?(@.row == 4)].column",
                        containsInAnyOrder("persen_miskin", "jumlah_miskin", "sumber")))
                .andExpect(jsonPath("$.errors[?(@.row == 5)].message",
                        hasItem("Wilayah, tahun dan periode ini sudah ada di baris 2.")));
        assertThat(figures()).isEqualTo(before);

        mvc.perform(multipart("/api/v1/poverty-indicators/import").file(csv(CSV_HEADING
                        + "15.03,Sarolangun,2018,MARET,\"8,1\",26.000,310000,,,,,,https://bps.go.id/a,BPS,\n"
                        + "15,Provinsi Jambi,2018,SEPTEMBER,7.5,,,,,,,,https://bps.go.id/b,,\n")).with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.figures").value(4));
        mvc.perform(get("/api/v1/poverty-indicators").param("year", "2018").with(EXPERT))
                .andExpect(jsonPath("$[2].povertyRate").value(8.1))
                .andExpect(jsonPath("$[2].poorPeople").value(26000))
                .andExpect(jsonPath("$[2].sources.povertyRate.sourceBody").value("BPS"))
                .andExpect(jsonPath("$[11].povertyRate").value(nullValue()))
                .andExpect(jsonPath("$[11].september.povertyRate").value(7.5));
        assertThat(audited("POVERTY_FIGURES_IMPORTED")).isPositive();
    }

    @Test
    void theImportPageOffersBothTemplatesAndReportsEveryRowError() throws Exception {
        String csvTemplate = mvc.perform(get("/kemiskinan/indikator/templat.csv").param("year", "2017")
                        .with(user(SignedIn.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csvTemplate.lines()).hasSize(14).first().isEqualTo(CSV_HEADING.strip());
        assertThat(csvTemplate.lines().skip(1)).allMatch(line -> line.matches("15(\\.\\d\\d)?,[^,]+,2017,(MARET|SEPTEMBER),+"));

        long before = figures();
        String page = mvc.perform(multipart("/kemiskinan/indikator/impor").file(csv(CSV_HEADING
                        + "15.01,Kerinci,2017,MARET,7,,,,,,,,,,\n"
                        + "15.02,Merangin,2017,MARET,-2,,,,,,,,https://bps.go.id,,\n"))
                        .cookie(StoredSession.signedIn(sessions, SignedIn.ADMIN).cookie())
                        .with(user(SignedIn.ADMIN)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Berkas ditolak, tidak ada yang disimpan: 2 kesalahan", "Sumber wajib diisi",
                "Tidak boleh negatif.", "persen_miskin", "templat.xlsx?year=", "templat.csv?year=");
        assertThat(figures()).isEqualTo(before);
    }

    @Test
    void anXlsxImportIsReadLikeTheTemplate() throws Exception {
        byte[] template = mvc.perform(get("/kemiskinan/indikator/templat.xlsx").param("year", "2017")
                        .with(user(SignedIn.ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        ByteArrayOutputStream filled = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(template))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            Row kerinci = sheet.getRow(1);
            assertThat(kerinci.getCell(0).getStringCellValue()).isEqualTo("15.01");
            kerinci.createCell(4).setCellValue(7.25);
            kerinci.createCell(5).setCellValue(17500);
            kerinci.createCell(12).setCellValue("https://jambi.bps.go.id/xlsx");
            workbook.write(filled);
        }
        mvc.perform(multipart("/api/v1/poverty-indicators/import").file(new MockMultipartFile("file", "angka.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filled.toByteArray()))
                        .with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.figures").value(2));
        mvc.perform(get("/api/v1/poverty-indicators").param("year", "2017").with(EXPERT))
                .andExpect(jsonPath("$[0].povertyRate").value(7.25))
                .andExpect(jsonPath("$[0].poorPeople").value(17500))
                .andExpect(jsonPath("$[1].povertyRate").value(nullValue()));
    }

    @Test
    void theTablePageShowsGapsSourcesAndAlternatives() throws Exception {
        String page = mvc.perform(get("/kemiskinan/indikator").param("year", "2023").with(user(SignedIn.EXPERT)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data belum tersedia", "alternatif", "20.830", "48.102", "Dinas Sosial Muaro Jambi",
                "https://databoks.katadata.co.id");
        assertThat(page).doesNotContain("Pilih sebagai yang berlaku", "POOR_PEOPLE");
        String kerinci = page.substring(page.indexOf("id=\"region-15.01\""), page.indexOf("id=\"region-15.02\""));
        assertThat(kerinci).contains("data belum tersedia").doesNotContain(">0<");

        String admin = mvc.perform(get("/kemiskinan/indikator").param("year", "2024").with(user(SignedIn.ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(admin).contains("Pilih sebagai yang berlaku", "8,36 %", "Rp 617.948");
    }

    @Test
    void theFormShowsErrorsAtTheFieldAndSavesOnlyWhatChanged() throws Exception {
        long before = figures();
        mvc.perform(post("/kemiskinan/indikator/2019/15.05").with(user(SignedIn.ADMIN)).with(csrf())
                        .param("povertyRate", "empat").param("source", "https://bps.go.id"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bukan angka: &quot;empat&quot;")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
        assertThat(figures()).isEqualTo(before);

        mvc.perform(post("/kemiskinan/indikator/2024/15.05").with(user(SignedIn.ADMIN)).with(csrf())
                        .param("povertyRate", "3,65").param("poorPeople", "17480").param("population", "449751")
                        .param("povertyLine", "617948").param("p1", "0,48").param("p2", "0,1")
                        .param("extremeRate", "0,30").param("source", "https://bps.go.id/ekstrem"))
                .andExpect(redirectedUrl("/kemiskinan/indikator?year=2024"));
        assertThat(figures()).isEqualTo(before + 1);
        mvc.perform(get("/api/v1/poverty-indicators").param("year", "2024").with(EXPERT))
                .andExpect(jsonPath("$[4].extremeRate").value(0.3))
                .andExpect(jsonPath("$[4].povertyLine").value(617948))
                .andExpect(jsonPath("$[4].alternatives[*].value", hasItem(0.27)))
                .andExpect(jsonPath("$[4].alternatives[*].value", not(hasItem(3.65))));
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder json(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockMultipartFile csv(String content) {
        return new MockMultipartFile("file", "angka.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    private long figures() {
        return jdbc.queryForObject("select count(*) from poverty_figure", Long.class);
    }

    private long audited(String action) {
        return jdbc.queryForObject("select count(*) from audit_event where action = ?", Long.class, action);
    }
}
