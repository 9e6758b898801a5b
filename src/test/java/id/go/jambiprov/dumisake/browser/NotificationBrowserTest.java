package id.go.jambiprov.dumisake.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator's inbox in a real browser: the bell names the unread count, the inbox lists the demo's rejected
 * disbursements and reminders as sentences, marking one read lowers the count, marking all read empties it.
 */
class NotificationBrowserTest extends BrowserTestSupport {

    @Test
    void anOperatorReadsTheInboxAndMarksItRead() {
        loginAsDemo("op-disdik");
        int unread = unread();
        assertThat(unread).as("the demo's rejections and reminders").isPositive();
        assertAccessible();

        navigateTo(waitFor(By.id("notification-bell")));
        assertThat(heading()).isEqualTo("Pemberitahuan");
        List<WebElement> items = browser.findElements(By.cssSelector("#notification-list .notification-unread"));
        assertThat(items).isNotEmpty();
        assertThat(items.get(0).getText()).containsAnyOf("ditolak oleh", "belum diisi").contains("WIB");
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
