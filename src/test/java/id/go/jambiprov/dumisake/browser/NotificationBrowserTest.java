package id.go.jambiprov.dumisake.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator's inbox in a real browser: the bell names the unread count, the inbox lists the notifications as
 * sentences, newest first; marking one read lowers the count, marking all read empties it.
 */
class NotificationBrowserTest extends BrowserTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    private List<Long> unreadBefore;

    @BeforeEach
    void twoMoreToRead() {
        unreadBefore = jdbc.queryForList("select id from notification where recipient = 'op-disdik' and read_at is null",
                Long.class);
        for (int i = 1; i <= 2; i++) {
            jdbc.update("""
                    insert into notification (recipient, kind, params, link, dedup_key)
                    values ('op-disdik', 'DISBURSEMENT_REJECTED', '{1,Beasiswa,Gunung Raya,SPJ belum lengkap,admin}',
                            '/pencairan', ?)""", "uji-browser:" + i);
        }
    }

    /** What the demo had unread stays unread for whoever comes next. */
    @AfterEach
    void restore() {
        jdbc.update("delete from notification where dedup_key like 'uji-browser:%'");
        unreadBefore.forEach(id -> jdbc.update("update notification set read_at = null where id = ?", id));
    }

    @Test
    void anOperatorReadsTheInboxAndMarksItRead() {
        loginAsDemo("op-disdik");
        int unread = unread();
        assertThat(unread).isEqualTo(unreadBefore.size() + 2);
        assertAccessible();

        navigateTo(waitFor(By.id("notification-bell")));
        assertThat(heading()).isEqualTo("Pemberitahuan");
        List<WebElement> items = browser.findElements(By.cssSelector("#notification-list .notification-unread"));
        assertThat(items).isNotEmpty();
        assertThat(items.get(0).getText())
                .contains("Pencairan tahap 1 untuk Beasiswa (Gunung Raya) ditolak oleh admin: SPJ belum lengkap", "WIB");
        assertAccessible();
        screenshot("notification-inbox");

        submit(By.cssSelector("#notification-list .notification-unread button[type=submit]"));
        assertThat(unread()).isEqualTo(unread - 1);

        submit(By.id("mark-all-read"));
        assertThat(waitFor(By.id("notification-bell")).getAttribute("aria-label"))
                .isEqualTo("Pemberitahuan, tidak ada yang belum dibaca");
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
                .isEqualTo((unread - 1) + " pemberitahuan ditandai dibaca.");
        assertThat(browser.findElements(By.cssSelector("#notification-list .notification-unread"))).isEmpty();
        assertAccessible();
    }

    private int unread() {
        String label = waitFor(By.id("notification-bell")).getAttribute("aria-label");
        assertThat(label).matches("[0-9.]+ pemberitahuan belum dibaca");
        return Integer.parseInt(label.substring(0, label.indexOf(' ')).replace(".", ""));
    }

    private void navigateTo(WebElement link) {
        browser.get(link.getAttribute("href"));
    }
}
