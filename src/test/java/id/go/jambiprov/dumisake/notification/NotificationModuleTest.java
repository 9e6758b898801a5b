package id.go.jambiprov.dumisake.notification;

import id.go.jambiprov.dumisake.account.DumisakeUser;
import id.go.jambiprov.dumisake.account.Role;
import id.go.jambiprov.dumisake.account.SignedIn;
import id.go.jambiprov.dumisake.dashboard.ReviewNoteAnswered;
import id.go.jambiprov.dumisake.dashboard.ReviewNoteWritten;
import id.go.jambiprov.dumisake.disbursement.DisbursementRejected;
import id.go.jambiprov.dumisake.disbursement.DisbursementSubmitted;
import id.go.jambiprov.dumisake.notification.internal.NotificationInbox;
import id.go.jambiprov.dumisake.notification.internal.NotificationQueries;
import id.go.jambiprov.dumisake.obstacle.ObstacleCommented;
import id.go.jambiprov.dumisake.obstacle.ObstacleEscalated;
import id.go.jambiprov.dumisake.region.KecamatanSummary;
import id.go.jambiprov.dumisake.region.RegionService;
import id.go.jambiprov.dumisake.shared.NotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

/**
 * The notification module alone, on the embedded database: each event reaches the right people once, however
 * often it is delivered; the month-end reminders; the sentences in both languages; nobody reads another's.
 * Accounts (prefixed {@code uji-n-}) and a fiscal year 2095 with its allocations are written here; each test
 * rolls back. Other accounts of the shared database (the demo's) may also receive, so each test looks at its own.
 */
@ApplicationModuleTest
@DigestMailSettings
@Transactional
class NotificationModuleTest {

    private static final int YEAR = 2095;
    private static final Locale INDONESIAN = Locale.forLanguageTag("id");

    @MockitoBean
    RegionService regions;

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    Notifications notifications;
    @Autowired
    NotificationInbox inbox;
    @Autowired
    NotificationQueries queries;
    @Autowired
    JdbcTemplate jdbc;

    private long disdikAllocation;
    private long disdikAllocationWithReport;

    @BeforeEach
    void accountsAndAYearOfAllocations() {
        account("uji-n-disdik", Role.OPD_OPERATOR, "DISDIK");
        account("uji-n-disdik2", Role.OPD_OPERATOR, "DISDIK");
        account("uji-n-dinkes", Role.OPD_OPERATOR, "DINKES");
        account("uji-n-ahli", Role.EXPERT, null);
        account("uji-n-admin", Role.ADMIN, null);
        jdbc.update("insert into fiscal_year (year, pagu_per_kecamatan, status, opened_by) values (?, 2000000000, 'OPEN', 'uji')",
                YEAR);
        jdbc.update("insert into envelope (fiscal_year, kecamatan_code, pagu) values (?, '15.01.01', 2000000000), (?, '15.01.02', 2000000000)",
                YEAR, YEAR);
        disdikAllocation = allocation("15.01.01", "DISDIK", "Beasiswa siswa miskin");
        disdikAllocationWithReport = allocation("15.01.01", "DISDIK", "Seragam sekolah");
        allocation("15.01.02", "DINKES", "Makanan tambahan balita");
        jdbc.update("""
                insert into progress_report (allocation_id, fiscal_year, month, physical_percent, created_by, updated_by)
                values (?, ?, 3, 40, 'uji', 'uji')""", disdikAllocationWithReport, YEAR);
        when(regions.kecamatan("15.01.01")).thenReturn(new KecamatanSummary("15.01.01", "Gunung Raya", "15.01",
                "Kabupaten Kerinci", 10));
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void aNoteOnAnAllocationReachesTheOperatorsOfItsOpdOnceHoweverOftenItIsDelivered() {
        ReviewNoteWritten note = new ReviewNoteWritten(9001, "ALLOCATION", String.valueOf(disdikAllocation),
                "Beasiswa siswa miskin (Gunung Raya)", YEAR, "DISDIK", "Mohon percepat penyaluran.", "uji-n-ahli");
        events.publishEvent(note);
        events.publishEvent(note);

        assertThat(recipientsOf("review-note:9001:written")).containsExactly("uji-n-disdik", "uji-n-disdik2");
        assertThat(sentence("uji-n-disdik", "review-note:9001:written")).isEqualTo(
                "uji-n-ahli menulis catatan tentang alokasi Beasiswa siswa miskin (Gunung Raya): “Mohon percepat penyaluran.”");
        assertThat(link("uji-n-disdik", "review-note:9001:written")).isEqualTo("/alokasi/" + disdikAllocation);
    }

    @Test
    void aKecamatanNoteReachesEveryOpdWithAnActiveAllocationThereThatYear() {
        events.publishEvent(new ReviewNoteWritten(9002, "KECAMATAN", "15.01.01", "Gunung Raya, Kabupaten Kerinci",
                YEAR, null, "Banyak kegiatan belum jalan.", "uji-n-ahli"));

        assertThat(recipientsOf("review-note:9002:written")).containsExactly("uji-n-disdik", "uji-n-disdik2");
        assertThat(link("uji-n-disdik", "review-note:9002:written")).isEqualTo("/dasbor/kecamatan/15.01.01?year=" + YEAR);
    }

    @Test
    void aNoteOnAnOpdReachesItsOperators() {
        events.publishEvent(new ReviewNoteWritten(9003, "OPD", "DINKES", "Dinas Kesehatan", YEAR, "DINKES",
                "Realisasi rendah.", "uji-n-ahli"));

        assertThat(recipientsOf("review-note:9003:written")).containsExactly("uji-n-dinkes");
    }

    @Test
    void aReplyReachesTheNotesAuthorButNotWhenTheyAnsweredThemselves() {
        events.publishEvent(new ReviewNoteAnswered(9004, "OPD", "DISDIK", "Dinas Pendidikan", YEAR,
                "Sudah ditindaklanjuti.", "uji-n-disdik", "uji-n-ahli"));
        events.publishEvent(new ReviewNoteAnswered(9005, "OPD", "DISDIK", "Dinas Pendidikan", YEAR,
                "Selesai.", "uji-n-admin", "uji-n-admin"));

        assertThat(recipientsOf("review-note:9004:answered")).containsExactly("uji-n-ahli");
        assertThat(recipientsOf("review-note:9005:answered")).isEmpty();
    }

    @Test
    void aSubmittedDisbursementReachesTheAdminsOncePerSubmission() {
        DisbursementSubmitted first = new DisbursementSubmitted(9006, disdikAllocation, "Beasiswa siswa miskin",
                "DISDIK", "Gunung Raya", 2, new BigDecimal("150000000.00"), "uji-n-disdik", 1);
        events.publishEvent(first);
        events.publishEvent(first);
        events.publishEvent(new DisbursementSubmitted(9006, disdikAllocation, "Beasiswa siswa miskin", "DISDIK",
                "Gunung Raya", 2, new BigDecimal("150000000.00"), "uji-n-disdik", 4));

        assertThat(jdbc.queryForList("select dedup_key from notification where recipient = 'uji-n-admin' order by id",
                String.class)).containsExactly("disbursement:9006:submitted:v1", "disbursement:9006:submitted:v4");
        assertThat(recipientsOf("disbursement:9006:submitted:v1")).containsExactly("uji-n-admin");
        assertThat(sentence("uji-n-admin", "disbursement:9006:submitted:v1")).isEqualTo(
                "DISDIK mengajukan pencairan tahap 2 sebesar Rp 150.000.000 untuk Beasiswa siswa miskin (Gunung Raya); menunggu verifikasi.");
    }

    @Test
    void aRejectedDisbursementReachesTheOperatorsOfItsOpd() {
        events.publishEvent(new DisbursementRejected(9007, disdikAllocation, "Beasiswa siswa miskin", "DISDIK",
                "Gunung Raya", 1, "SPJ belum lengkap", "uji-n-admin", 2));

        assertThat(recipientsOf("disbursement:9007:rejected:v2")).containsExactly("uji-n-disdik", "uji-n-disdik2");
        assertThat(link("uji-n-disdik", "disbursement:9007:rejected:v2")).isEqualTo("/pencairan/9007");
    }

    @Test
    void anEscalatedObstacleReachesTheExpertTeam() {
        ObstacleEscalated escalated = new ObstacleEscalated(9008, disdikAllocation, YEAR, "DISDIK", "15.01.01",
                "SK penerima belum ditetapkan", "uji-n-disdik");
        events.publishEvent(escalated);
        events.publishEvent(escalated);

        assertThat(recipientsOf("obstacle:9008:escalated")).containsExactly("uji-n-ahli");
        assertThat(sentence("uji-n-ahli", "obstacle:9008:escalated")).isEqualTo(
                "DISDIK meminta dukungan pimpinan untuk kendala di Kecamatan Gunung Raya, Kabupaten Kerinci: “SK penerima belum ditetapkan”");
    }

    @Test
    void eachCommentOnAnObstacleReachesItsOpdOnce() {
        long obstacle = jdbc.queryForObject("""
                insert into obstacle (allocation_id, fiscal_year, opd_code, kecamatan_code, category, description, since,
                                      status, created_by)
                values (?, ?, 'DISDIK', '15.01.01', 'PENGADAAN', 'Gagal lelang', ?, 'OPEN', 'uji-n-disdik') returning id""",
                Long.class, disdikAllocation, YEAR, LocalDate.of(YEAR, 2, 1));
        ObstacleCommented commented = new ObstacleCommented(obstacle, disdikAllocation, "DISDIK", "Gagal lelang",
                "uji-n-ahli");
        comment(obstacle, "Ulangi lelang segera.");
        events.publishEvent(commented);
        events.publishEvent(commented);
        comment(obstacle, "Koordinasi dengan UKPBJ.");
        events.publishEvent(commented);

        assertThat(jdbc.queryForObject("select count(*) from notification where recipient = 'uji-n-disdik' and kind = 'OBSTACLE_COMMENTED'",
                Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from notification where recipient = 'uji-n-dinkes'",
                Integer.class)).isZero();
    }

    @Test
    void monthEndRemindersStartOnThe25thAndComeOncePerAllocationAndMonth() {
        assertThat(notifications.remindMissingReports(LocalDate.of(YEAR, 3, 24))).isZero();

        notifications.remindMissingReports(LocalDate.of(YEAR, 3, 25));
        notifications.remindMissingReports(LocalDate.of(YEAR, 3, 31));

        assertThat(jdbc.queryForList("select dedup_key from notification where recipient = 'uji-n-disdik'", String.class))
                .containsExactly("report-due:" + disdikAllocation + ":" + YEAR + "-03");
        assertThat(jdbc.queryForObject("select count(*) from notification where recipient = 'uji-n-dinkes'",
                Integer.class)).isEqualTo(1);
        assertThat(sentence("uji-n-disdik", "report-due:" + disdikAllocation + ":" + YEAR + "-03")).isEqualTo(
                "Laporan kemajuan Maret 2095 untuk Beasiswa siswa miskin (Gunung Raya) belum diisi.");

        notifications.remindMissingReports(LocalDate.of(YEAR, 4, 25));
        assertThat(jdbc.queryForObject("select count(*) from notification where recipient = 'uji-n-disdik'",
                Integer.class)).as("April: both allocations lack a report").isEqualTo(3);
    }

    @Test
    void theSentenceIsMadeInTheReadersLanguage() {
        notifications.remindMissingReports(LocalDate.of(YEAR, 3, 25));
        SignedIn.as(user("uji-n-disdik", Role.OPD_OPERATOR, "DISDIK"));

        assertThat(queries.page("uji-n-disdik", false, PageRequest.of(0, 10), Locale.ENGLISH).getContent())
                .singleElement().satisfies(n -> {
                    assertThat(n.text()).isEqualTo(
                            "The progress report of March 2095 for Beasiswa siswa miskin (Gunung Raya) has not been filed yet.");
                    assertThat(n.kind()).isEqualTo(NotificationKind.REPORT_DUE);
                    assertThat(n.read()).isFalse();
                });
    }

    @Test
    void aPersonReadsAndMarksOnlyTheirOwn() {
        notifications.remindMissingReports(LocalDate.of(YEAR, 3, 25));
        long disdiks = jdbc.queryForObject("select id from notification where recipient = 'uji-n-disdik'", Long.class);
        long dinkess = jdbc.queryForObject("select id from notification where recipient = 'uji-n-dinkes'", Long.class);
        SignedIn.as(user("uji-n-disdik", Role.OPD_OPERATOR, "DISDIK"));

        assertThatThrownBy(() -> inbox.markRead(dinkess)).isInstanceOf(NotFoundException.class);
        assertThat(inbox.unreadCount()).isEqualTo(1);
        assertThat(inbox.markRead(disdiks).read()).isTrue();
        assertThat(inbox.unreadCount()).isZero();
        assertThat(notifications.unreadCount("uji-n-dinkes")).isEqualTo(1);
        assertThat(inbox.markAllRead()).isZero();
    }

    private void account(String username, Role role, String opdCode) {
        jdbc.update("insert into user_account (username, full_name, password_hash, role, opd_code) values (?, ?, 'x', ?, ?)",
                username, "Uji " + username, role.name(), opdCode);
    }

    private static DumisakeUser user(String username, Role role, String opdCode) {
        return new DumisakeUser(username, "Uji", role, opdCode, true, "x");
    }

    private long allocation(String kecamatan, String opd, String title) {
        return jdbc.queryForObject("""
                insert into allocation (fiscal_year, kecamatan_code, opd_code, programme_code, mechanism, title, amount,
                                        planned_month, status, created_by, updated_by)
                values (?, ?, ?, 'BANTUAN-PENDIDIKAN', 'BELANJA_OPD', ?, 100000000, 3, 'ACTIVE', 'uji', 'uji')
                returning id""", Long.class, YEAR, kecamatan, opd, title);
    }

    private void comment(long obstacle, String text) {
        jdbc.update("insert into obstacle_comment (obstacle_id, text, created_by) values (?, ?, 'uji-n-ahli')", obstacle, text);
    }

    private List<String> recipientsOf(String dedupKey) {
        return jdbc.queryForList("select recipient from notification where dedup_key = ? and recipient like 'uji-n-%' order by recipient",
                String.class, dedupKey);
    }

    private String link(String recipient, String dedupKey) {
        return jdbc.queryForObject("select link from notification where recipient = ? and dedup_key = ?", String.class,
                recipient, dedupKey);
    }

    private String sentence(String recipient, String dedupKey) {
        long id = jdbc.queryForObject("select id from notification where recipient = ? and dedup_key = ?", Long.class,
                recipient, dedupKey);
        return queries.get(id, recipient, INDONESIAN).orElseThrow().text();
    }
}
