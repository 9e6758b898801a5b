package id.go.jambiprov.dumisake.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** An administrator creates an operator; the operator signs in with the one-time password and replaces it. */
class AccountBrowserTest extends BrowserTestSupport {

    private static final String OWN_PASSWORD = "Kopi Kerinci Pagi Hari";

    @Test
    void adminCreatesAnOperatorWhoReplacesTheOneTimePasswordAndSeesOnlyTheirOpd() {
        String username = "op-dinkes-" + System.currentTimeMillis() % 100_000;

        loginAsDemo("admin");
        clickLink("Akun");
        waitForHeading("Akun pengguna");
        assertThat(rows("account-table")).isNotEmpty();
        assertAccessible();

        clickLink("Akun baru");
        waitForHeading("Akun baru");
        assertAccessible();
        browser.findElement(By.id("username")).sendKeys("Nama Salah!");
        click(browser.findElement(By.cssSelector("main form button[type=submit]")));
        assertThat(waitFor(By.id("username-error")).getText()).startsWith("Nama pengguna harus 3–50 karakter");
        assertAccessible();

        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("fullName")).sendKeys("Nur Aisyah");
        browser.findElement(By.id("nip")).sendKeys("199001012015032001");
        browser.findElement(By.id("email")).sendKeys("nur.aisyah@dinkes.jambiprov.go.id");
        new Select(browser.findElement(By.id("role"))).selectByValue("OPD_OPERATOR");
        new Select(browser.findElement(By.id("opdCode"))).selectByValue("DINKES");
        click(browser.findElement(By.cssSelector("main form button[type=submit]")));

        waitForHeading("Akun " + username);
        String oneTimePassword = waitFor(By.id("one-time-password")).getText();
        assertThat(oneTimePassword).hasSize(14);
        assertThat(browser.findElement(By.id("history-table")).getText()).contains("admin membuat akun " + username);
        screenshot("account-created");
        assertAccessible();

        login(username, oneTimePassword);
        assertThat(waitFor(By.id("must-change-notice")).getText()).contains("kata sandi sekali pakai");
        assertThat(browser.getCurrentUrl()).endsWith("/kata-sandi");
        assertAccessible();
        browser.findElement(By.id("currentPassword")).sendKeys(oneTimePassword);
        browser.findElement(By.id("newPassword")).sendKeys("password123");
        browser.findElement(By.id("confirmation")).sendKeys("password123");
        click(browser.findElement(By.cssSelector("main form button[type=submit]")));
        assertThat(waitFor(By.id("newPassword-error")).getText()).contains("paling sering dipakai");
        assertAccessible();

        browser.findElement(By.id("currentPassword")).sendKeys(oneTimePassword);
        browser.findElement(By.id("newPassword")).sendKeys(OWN_PASSWORD);
        browser.findElement(By.id("confirmation")).sendKeys(OWN_PASSWORD);
        click(browser.findElement(By.cssSelector("main form button[type=submit]")));

        waitForHeading("Beranda Operator Dinas Kesehatan Provinsi Jambi");
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
                .isEqualTo("Kata sandi Anda telah diganti.");
        assertThat(browser.findElement(By.cssSelector(".signed-in-user")).getText()).contains("Nur Aisyah", "DINKES");
        assertThat(browser.findElements(By.linkText("Akun"))).isEmpty();
        assertThat(browser.findElements(By.linkText("Audit"))).isEmpty();
        assertAccessible();

        open("/akun");
        waitForHeading("Akses ditolak");

        login(username, OWN_PASSWORD);
        waitForHeading("Beranda Operator Dinas Kesehatan Provinsi Jambi");

        loginAsDemo("admin");
        clickLink("Audit");
        waitForHeading("Jejak audit");
        browser.findElement(By.id("user")).sendKeys(username);
        click(browser.findElement(By.cssSelector("form[role=search] button")));
        assertThat(waitFor(By.id("audit-table")).getText())
                .contains(username + " mengganti kata sandi akun " + username, username + " masuk ke aplikasi");
        screenshot("audit-trail");
        assertAccessible();
    }

    /** Waits for the next page: a click that submits a form returns before the browser has left the old one. */
    private void waitForHeading(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBe(By.tagName("h1"), text));
    }
}
