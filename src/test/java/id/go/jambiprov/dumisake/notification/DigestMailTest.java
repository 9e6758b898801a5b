package id.go.jambiprov.dumisake.notification;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import id.go.jambiprov.dumisake.notification.internal.DigestJob;
import id.go.jambiprov.dumisake.region.RegionService;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily digest through a real SMTP server (GreenMail, in-process): one plain-text mail in Indonesian per
 * person with an address, listing what they have not read and no digest has listed, with full links. Commits
 * (the digest runs its own transactions), so it removes its accounts afterwards.
 */
@ApplicationModuleTest
@DigestMailSettings
class DigestMailTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    @MockitoBean
    RegionService regions;

    @Autowired
    DigestJob digest;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void twoPeopleOneWithAnAddress() {
        jdbc.update("""
                insert into user_account (username, full_name, password_hash, role, opd_code, email)
                values ('uji-m-disdik', 'Rina Operator', 'x', 'OPD_OPERATOR', 'DISDIK', 'rina@uji.test'),
                       ('uji-m-dinkes', 'Tanpa Surel', 'x', 'OPD_OPERATOR', 'DINKES', null)""");
        notification("uji-m-disdik", "DISBURSEMENT_REJECTED", "{1,Beasiswa siswa miskin,Gunung Raya,SPJ belum lengkap,admin}",
                "/pencairan/77", "a", false);
        notification("uji-m-disdik", "REPORT_DUE", "{Seragam sekolah,Gunung Raya,2026-11}", "/alokasi/5/kemajuan", "b", false);
        notification("uji-m-disdik", "REPORT_DUE", "{Sudah dibaca,Gunung Raya,2026-10}", "/alokasi/6/kemajuan", "c", true);
        notification("uji-m-dinkes", "REPORT_DUE", "{Makanan tambahan,Siulak,2026-11}", "/alokasi/7/kemajuan", "d", false);
    }

    @AfterEach
    void removeTheAccounts() {
        nextDay();
        jdbc.update("delete from notification where recipient like 'uji-m-%'");
        jdbc.update("delete from user_account where username like 'uji-m-%'");
    }

    @Test
    void eachPersonWithAnAddressGetsOneMailListingWhatTheyHaveNotReadOnce() throws Exception {
        digest.run();

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("rina@uji.test");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("dumisake@uji.test");
        assertThat(mail.getSubject()).isEqualTo("Dumisake: 2 pemberitahuan belum dibaca");
        String body = ((String) mail.getContent()).replace("\r\n", "\n");
        assertThat(body)
                .startsWith("Yth. Rina Operator,")
                .contains("Pencairan tahap 1 untuk Beasiswa siswa miskin (Gunung Raya) ditolak oleh admin: SPJ belum lengkap\n"
                        + "  https://dumisake.uji/pencairan/77")
                .contains("Laporan kemajuan November 2026 untuk Seragam sekolah (Gunung Raya) belum diisi.\n"
                        + "  https://dumisake.uji/alokasi/5/kemajuan")
                .contains("WIB")
                .contains("https://dumisake.uji/pemberitahuan")
                .doesNotContain("Sudah dibaca");

        notification("uji-m-disdik", "REPORT_DUE", "{Seragam sekolah,Gunung Raya,2026-12}", "/alokasi/5/kemajuan", "e", false);
        digest.run();
        assertThat(SMTP.getReceivedMessages()).as("once a day: the cluster lock is still held").hasSize(1);

        nextDay();
        digest.run();
        assertThat(SMTP.getReceivedMessages()).hasSize(2);
        assertThat(SMTP.getReceivedMessages()[1].getSubject()).isEqualTo("Dumisake: 1 pemberitahuan belum dibaca");
        assertThat((String) SMTP.getReceivedMessages()[1].getContent()).contains("Desember 2026")
                .doesNotContain("November 2026");

        nextDay();
        digest.run();
        assertThat(SMTP.getReceivedMessages()).as("nothing new since the last digest").hasSize(2);
    }

    /** The lock of the day's run released, as it is by the next day. */
    private void nextDay() {
        jdbc.update("update shedlock set lock_until = now() - interval '1 second' where name = 'notification-digest'");
    }

    private void notification(String recipient, String kind, String params, String link, String key, boolean read) {
        jdbc.update("""
                insert into notification (recipient, kind, params, link, dedup_key, read_at)
                values (?, ?, cast(? as text[]), ?, ?, case when ? then now() end)""",
                recipient, kind, params, link, "uji:" + key, read);
    }
}
