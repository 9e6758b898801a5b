package id.go.jambiprov.dumisake.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expert team reads the official poverty figures with their gaps and alternatives; an admin switches the
 * figure that counts to an alternative and back (so that the shared database ends as it began).
 */
class PovertyBrowserTest extends BrowserTestSupport {

    @Test
    void expertReadsGapsAndAlternativesAndAnAdminSwitchesTheFigureThatCounts() {
        loginAsDemo("ahli");
        clickLink("Indikator kemiskinan");
        open("/kemiskinan/indikator?year=2023");
        assertThat(heading()).isEqualTo("Indikator kemiskinan");
        assertThat(waitFor(By.id("figure-15.01-MARET-povertyRate")).getText()).isEqualTo("data belum tersedia");
        WebElement muaroJambi = waitFor(By.id("figure-15.05-MARET-poorPeople"));
        assertThat(muaroJambi.getText()).startsWith("20.830");
        click(muaroJambi.findElement(By.cssSelector("details.poverty-alternative summary")));
        assertThat(muaroJambi.getText()).contains("alternatif", "48.102", "Dinas Sosial Muaro Jambi");
        assertThat(muaroJambi.findElements(By.tagName("button"))).isEmpty();
        screenshot("poverty-expert");
        assertAccessible();

        loginAsDemo("admin");
        open("/kemiskinan/indikator?year=2024");
        WebElement sarolangun = waitFor(By.id("figure-15.03-MARET-povertyRate"));
        assertThat(sarolangun.getText()).startsWith("8,36 %");
        click(sarolangun.findElement(By.cssSelector("details.poverty-alternative summary")));
        submit(By.cssSelector("#figure-15\\.03-MARET-povertyRate details.poverty-alternative button"));
        assertThat(waitFor(By.cssSelector(".alert-success")).getText()).contains("Angka yang berlaku sudah diganti");
        sarolangun = waitFor(By.id("figure-15.03-MARET-povertyRate"));
        assertThat(sarolangun.getText()).startsWith("8,63 %");
        assertAccessible();

        click(sarolangun.findElement(By.cssSelector("details.poverty-alternative summary")));
        submit(By.cssSelector("#figure-15\\.03-MARET-povertyRate details.poverty-alternative button"));
        assertThat(waitFor(By.id("figure-15.03-MARET-povertyRate")).getText()).startsWith("8,36 %");
    }
}
