package id.go.jambiprov.dumisake.photo;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.account.Role;
import id.go.jambiprov.dumisake.demo.ExifJpeg;
import id.go.jambiprov.dumisake.web.StoredSession;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Upload → stored → served over HTTP with the real security configuration. The progress reports are written
 * here by SQL (their capability is built alongside): a DISDIK allocation in Siulak in fiscal year 2057, and one
 * in 2058, a year closed after its report was written. The report month is May.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PhotoApiTest {

    private static final String PASSWORD = "dumisake";
    private static final String PHOTOS = "/api/v1/allocations/{a}/progress-reports/{r}/photos";
    private static final LocalDateTime IN_MAY = LocalDateTime.of(2057, 5, 14, 9, 30);
    private static final DumisakeUser DISDIK = new DumisakeUser("op-disdik", "Operator DISDIK", Role.OPD_OPERATOR,
            "DISDIK", true, "x");
    private static final DumisakeUser DINKES = new DumisakeUser("op-dinkes", "Operator DINKES", Role.OPD_OPERATOR,
            "DINKES", true, "x");
    private static final DumisakeUser EXPERT = new DumisakeUser("ahli", "Tim Ahli", Role.EXPERT, null, true, "x");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcIndexedSessionRepository sessions;

    long allocationId;
    long reportId;
    long closedAllocationId;
    long closedReportId;

    @BeforeEach
    void reportsOfMay() {
        allocationId = allocation(2057);
        reportId = report(allocationId, 2057);
        if (jdbc.queryForObject("select count(*) from fiscal_year where year = 2058", Integer.class) == 0) {
            closedAllocationId = allocation(2058);
            closedReportId = report(closedAllocationId, 2058);
            jdbc.update("update fiscal_year set status = 'CLOSED', closed_at = now(), closed_by = 'uji' where year = 2058");
        }
        closedAllocationId = jdbc.queryForObject("select id from allocation where fiscal_year = 2058", Long.class);
        closedReportId = jdbc.queryForObject("select id from progress_report where allocation_id = ?", Long.class,
                closedAllocationId);
    }

    @Test
    void theOperatorUploadsAndEveryoneWhoMaySeeItIsServedItsSizes() throws Exception {
        byte[] file = ExifJpeg.withExif(TestImages.jpeg(2000, 1500), IN_MAY, TestImages.SIULAK.latitude(),
                TestImages.SIULAK.longitude());

        MvcResult result = mvc.perform(upload(allocationId, reportId, "IMG_0001.jpg", file).with(api("op-disdik")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.fileName").value("IMG_0001.jpg"))
                .andExpect(jsonPath("$.latitude").value(-1.978673))
                .andExpect(jsonPath("$.longitude").value(101.293313))
                .andExpect(jsonPath("$.withoutGps").value(false))
                .andExpect(jsonPath("$.outsideKecamatan").value(false))
                .andExpect(jsonPath("$.outsideMonth").value(false))
                .andExpect(jsonPath("$.flagged").value(false))
                .andExpect(jsonPath("$.width").value(2000))
                .andReturn();
        JsonNode photo = json.readTree(result.getResponse().getContentAsString());
        long id = photo.get("id").asLong();
        assertThat(OffsetDateTime.parse(photo.get("takenAt").asString()))
                .isEqualTo(OffsetDateTime.parse("2057-05-14T09:30:00+07:00"));
        assertThat(photo.get("urls").get("thumbnail").asString()).isEqualTo("/foto-lapangan/" + id + "/mini");
        assertThat(result.getResponse().getHeader(HttpHeaders.LOCATION)).endsWith("/foto-lapangan/" + id + "/original");

        mvc.perform(get(PHOTOS, allocationId, reportId).with(api("ahli"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")].fileName").value("IMG_0001.jpg"));
        byte[] original = mvc.perform(get("/foto-lapangan/{id}/original", id).with(user(EXPERT)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/jpeg"))
                .andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("private")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(original).isEqualTo(file);
        byte[] thumbnail = mvc.perform(get("/foto-lapangan/{id}/mini", id).with(user(DISDIK)))
                .andExpect(status().isOk()).andExpect(content().contentType("image/jpeg"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(ImageIO.read(new ByteArrayInputStream(thumbnail)).getWidth()).isEqualTo(320);
        byte[] display = mvc.perform(get("/foto-lapangan/{id}/tampilan", id).with(user(DISDIK)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(ImageIO.read(new ByteArrayInputStream(display)).getWidth()).isEqualTo(1600);

        assertThat(jdbc.queryForObject("""
                select count(*) from audit_event
                where action = 'PHOTO_UPLOADED' and entity_type = 'ProgressPhoto' and entity_id = ?
                  and username = 'op-disdik' and after_state ->> 'photoFile' = 'IMG_0001.jpg'""",
                Integer.class, String.valueOf(id))).isEqualTo(1);
    }

    @Test
    void aPhotoOutsideTheKecamatanOrWithoutGpsIsKeptButFlagged() throws Exception {
        byte[] elsewhere = ExifJpeg.withExif(TestImages.jpeg(320, 240), IN_MAY, TestImages.TELANAIPURA.latitude(),
                TestImages.TELANAIPURA.longitude());
        mvc.perform(upload(allocationId, reportId, "jauh.jpg", elsewhere).with(api("admin")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.outsideKecamatan").value(true))
                .andExpect(jsonPath("$.flagged").value(true));
        mvc.perform(upload(allocationId, reportId, "layar.png", TestImages.png(320, 240)).with(api("op-disdik")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.withoutGps").value(true))
                .andExpect(jsonPath("$.latitude").isEmpty())
                .andExpect(jsonPath("$.outsideMonth").value(true));
    }

    @Test
    void anotherOpdFindsNothingAndTheExpertTeamMayNotUpload() throws Exception {
        long id = uploaded("milik-disdik.jpg");
        byte[] file = TestImages.jpeg(64, 48);
        mvc.perform(upload(allocationId, reportId, "x.jpg", file).with(api("op-dinkes"))).andExpect(status().isNotFound());
        mvc.perform(get(PHOTOS, allocationId, reportId).with(api("op-dinkes"))).andExpect(status().isNotFound());
        mvc.perform(get("/foto-lapangan/{id}/mini", id).with(user(DINKES))).andExpect(status().isNotFound());
        mvc.perform(get("/laporan-kemajuan/{r}/foto", reportId).with(user(DINKES))).andExpect(status().isNotFound());
        mvc.perform(upload(allocationId, reportId, "x.jpg", file).with(api("ahli"))).andExpect(status().isForbidden());
        mvc.perform(upload(closedAllocationId, reportId, "x.jpg", file).with(api("op-disdik")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aNonImageAHugeImageAndAClosedYearAreRefusedWritingNothing() throws Exception {
        int before = photosOfReport();
        mvc.perform(multipart(PHOTOS, allocationId, reportId).with(api("op-disdik"))).andExpect(status().isBadRequest());
        mvc.perform(upload(allocationId, reportId, "foto.jpg", "%PDF-1.7 bukan foto".getBytes()).with(api("op-disdik")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("PHOTO_TYPE"))
                .andExpect(jsonPath("$.detail").value(containsString("bukan foto JPEG atau PNG")));
        mvc.perform(upload(allocationId, reportId, "besar.jpg", TestImages.jpegClaiming(8000, 7500)).with(api("op-disdik")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("PHOTO_TOO_MANY_PIXELS"))
                .andExpect(jsonPath("$.width").value(8000));
        mvc.perform(upload(allocationId, reportId, "berat.jpg", new byte[10 * 1024 * 1024 + 1]).with(api("op-disdik")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("PHOTO_TOO_LARGE"));
        mvc.perform(upload(closedAllocationId, closedReportId, "tutup.jpg", TestImages.jpeg(64, 48)).with(api("admin")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("FISCAL_YEAR_CLOSED"));
        assertThat(photosOfReport()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from progress_photo where report_id = ?", Integer.class,
                closedReportId)).isZero();
    }

    @Test
    void thePageShowsARefusalAtTheFieldAndSavesAGoodPhoto() throws Exception {
        mvc.perform(get("/laporan-kemajuan/{r}/foto", reportId).with(user(DISDIK)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"photo-upload-form\"")));
        Cookie session = StoredSession.signedIn(sessions, DISDIK).cookie();
        mvc.perform(pagePost("bukan.jpg", "teks biasa".getBytes()).cookie(session).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("aria-invalid=\"true\"")))
                .andExpect(content().string(containsString("bukan foto JPEG atau PNG")));
        mvc.perform(pagePost("baik.jpg", ExifJpeg.withExif(TestImages.jpeg(640, 480), IN_MAY,
                        TestImages.SIULAK.latitude(), TestImages.SIULAK.longitude())).cookie(session).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/laporan-kemajuan/{r}/foto", reportId).with(user(EXPERT)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("baik.jpg")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"photo-upload-form\""))));
    }

    @Test
    void theKecamatanShowsItsPhotosToWhoeverMaySeeThem() throws Exception {
        uploaded("siulak.jpg");
        mvc.perform(get("/api/v1/kecamatan/15.01.16/photos").param("year", "2057").with(api("ahli")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].photo.urls.thumbnail").exists())
                .andExpect(jsonPath("$[0].allocationTitle").value("Uji foto lapangan 2057"));
        mvc.perform(get("/api/v1/kecamatan/15.01.16/photos").param("year", "2057").with(api("op-dinkes")))
                .andExpect(status().isOk()).andExpect(jsonPath("$").isEmpty());
        mvc.perform(get("/foto-lapangan/kecamatan/15.01.16").param("year", "2057").with(user(EXPERT)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"kecamatan-photo-list\"")))
                .andExpect(content().string(containsString("data-photo-map")));
    }

    private long uploaded(String name) throws Exception {
        byte[] file = ExifJpeg.withExif(TestImages.jpeg(64, 48), IN_MAY, TestImages.SIULAK.latitude(),
                TestImages.SIULAK.longitude());
        MvcResult result = mvc.perform(upload(allocationId, reportId, name, file).with(api("op-disdik")))
                .andExpect(status().isCreated()).andReturn();
        return json.readTree(result.getResponse().getContentAsString()).get("id").asLong();
    }

    private int photosOfReport() {
        return jdbc.queryForObject("select count(*) from progress_photo where report_id = ?", Integer.class, reportId);
    }

    private static MockMultipartHttpServletRequestBuilder upload(long allocation, long report, String name, byte[] file) {
        return multipart(PHOTOS, allocation, report).file(new MockMultipartFile("file", name, "image/jpeg", file));
    }

    private MockMultipartHttpServletRequestBuilder pagePost(String name, byte[] file) {
        return multipart("/laporan-kemajuan/{r}/foto", reportId).file(new MockMultipartFile("file", name, "image/jpeg", file));
    }

    private static RequestPostProcessor api(String username) {
        return httpBasic(username, PASSWORD);
    }

    private long allocation(int year) {
        jdbc.update("insert into fiscal_year (year, pagu_per_kecamatan, status, opened_by) values (?, 2000000000, 'OPEN', 'uji') "
                + "on conflict do nothing", year);
        if (jdbc.queryForObject("select count(*) from envelope where fiscal_year = ? and kecamatan_code = '15.01.16'",
                Integer.class, year) == 0) {
            jdbc.update("insert into envelope (fiscal_year, kecamatan_code, pagu) values (?, '15.01.16', 2000000000)", year);
        }
        return jdbc.query("select id from allocation where fiscal_year = ? and title = ?",
                (rs, row) -> rs.getLong(1), year, "Uji foto lapangan " + year).stream().findFirst()
                .orElseGet(() -> jdbc.queryForObject("""
                        insert into allocation (fiscal_year, kecamatan_code, opd_code, programme_code, mechanism, title,
                                                amount, planned_month, status, created_by, updated_by)
                        values (?, '15.01.16', 'DISDIK', 'BANTUAN-PENDIDIKAN', 'BELANJA_OPD', ?, 100000000, 5, 'ACTIVE',
                                'uji', 'uji') returning id""", Long.class, year, "Uji foto lapangan " + year));
    }

    private long report(long allocation, int year) {
        jdbc.update("""
                insert into progress_report (allocation_id, fiscal_year, month, physical_percent, created_by, updated_by)
                values (?, ?, 5, 40, 'op-disdik', 'op-disdik') on conflict do nothing""", allocation, year);
        return jdbc.queryForObject("select id from progress_report where allocation_id = ? and month = 5", Long.class,
                allocation);
    }
}
