package id.go.jambiprov.dumisake.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;


import static org.assertj.core.api.Assertions.assertThat;

/** An admin opens a year, overspends an envelope and is refused with what is left, then allocates within it. */
class AllocationBrowserTest extends BrowserTestSupport {

    @Test
    void adminIsRefusedBeyondTheEnvelopeAndAllocatesWithinIt() {
        loginAsDemo("admin");
        clickLink("Tahun Anggaran");
        assertAccessible();
        type(By.id("year"), "2039");
        WebElement pagu = browser.findElement(By.id("pagu"));
        pagu.clear();
        pagu.sendKeys("Rp 1.000.000.000");
        submit(By.cssSelector("#open-year-form button[type=submit]"));
        assertThat(heading()).isEqualTo("Pagu kecamatan tahun 2039");
        assertThat(rows("envelope-table")).hasSize(144);
        assertAccessible();

        new Select(browser.findElement(By.id("kabupatenKota"))).selectByVisibleText("Kabupaten Kerinci");
        submit(By.cssSelector("#envelope-filter button[type=submit]"));
        assertThat(rows("envelope-table")).hasSize(18);
        clickLink("Gunung Raya");
        assertThat(heading()).isEqualTo("Kecamatan Gunung Raya · 2039");
        assertThat(text("envelope-remaining")).isEqualTo("Rp 1.000.000.000");
        assertAccessible();

        clickLink("Alokasi baru");
        waitFor(By.id("envelope-remaining-info"));
        assertThat(text("envelope-remaining-info")).contains("Rp 1.000.000.000");
        fillAllocation("Bantuan perlengkapan sekolah siswa miskin", "Rp 1.500.000.000");
        // the refusal stands under the amount, which is marked invalid, not in a banner
        assertThat(waitFor(By.id("amount-error")).getText())
                .isEqualTo("Sisa pagu Kecamatan Gunung Raya tahun 2039 hanya Rp 1.000.000.000; "
                        + "alokasi Rp 1.500.000.000 melebihi sisa tersebut.");
        assertThat(browser.findElement(By.id("amount")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("amount")).getAttribute("aria-describedby")).isEqualTo("amount-error");
        assertThat(browser.findElements(By.id("form-errors"))).isEmpty();
        assertAccessible();
        // the envelope box and the desa select keep the width of their column after the kecamatan is chosen
        assertThat(browser.findElement(By.id("desaCode")).getSize().getWidth())
                .isGreaterThan(browser.findElement(By.id("kecamatanCode")).getSize().getWidth() * 3 / 4);

        WebElement amount = browser.findElement(By.id("amount"));
        amount.clear();
        amount.sendKeys("Rp 400.000.000");
        submit(By.cssSelector("#allocation-form button[type=submit]"));
        assertThat(heading()).isEqualTo("Kecamatan Gunung Raya · 2039");
        assertThat(text("envelope-remaining")).isEqualTo("Rp 600.000.000");
        assertThat(rows("allocation-table")).hasSize(1);

        clickLink("2039");
        assertThat(browser.findElement(By.cssSelector("#envelope-15\\.01\\.01 .envelope-remaining")).getText())
                .isEqualTo("Rp 600.000.000");
    }

    @Test
    void adminAllocatesToEveryDesaOfAKecamatanAllOrNothing() {
        loginAsDemo("admin");
        open("/tahun-anggaran");
        if (browser.findElements(By.id("year-2038")).isEmpty()) {
            type(By.id("year"), "2038");
            WebElement pagu = browser.findElement(By.id("pagu"));
            pagu.clear();
            pagu.sendKeys("Rp 1.000.000.000");
            submit(By.cssSelector("#open-year-form button[type=submit]"));
        }
        open("/alokasi/per-desa");
        assertAccessible();
        new Select(browser.findElement(By.id("year"))).selectByValue("2038");
        new Select(browser.findElement(By.id("scope"))).selectByValue("kec:15.01.02");
        perDesaAmount("Rp 100.000.000");
        assertThat(waitFor(By.id("form-errors")).getText()).contains("pagu 1 kecamatan tidak mencukupi");
        assertThat(rows("shortfall-table")).hasSize(1);
        assertThat(rows("shortfall-table").get(0).getText()).contains("Danau Kerinci", "Rp 1.000.000.000");
        assertAccessible();

        new Select(browser.findElement(By.id("scope"))).selectByValue("kec:15.01.02");
        perDesaAmount("Rp 50.000.000");
        assertThat(waitFor(By.id("per-desa-result")).getText()).contains("alokasi di 1 kecamatan disimpan");
        assertThat(rows("per-desa-written")).singleElement()
                .satisfies(row -> assertThat(row.getText()).contains("Danau Kerinci"));
        assertAccessible();
        clickLink("Lihat alokasi ini di daftar alokasi");
        assertThat(browser.getCurrentUrl()).contains("year=2038", "kecamatan=15.01.02", "programme=BKBK-DESA");
        open("/tahun-anggaran/2038/kecamatan/15.01.02");
        assertThat(rows("allocation-table")).isNotEmpty()
                .allSatisfy(row -> assertThat(row.getText()).contains("Rp 50.000.000", "Bantuan keuangan desa"));

        // sen are refused at the field
        open("/alokasi/per-desa");
        new Select(browser.findElement(By.id("year"))).selectByValue("2038");
        new Select(browser.findElement(By.id("scope"))).selectByValue("kec:15.01.04");
        perDesaAmount("10.000.000,50");
        assertThat(waitFor(By.id("amountPerDesa-error")).getText()).contains("rupiah penuh");
        assertThat(browser.findElement(By.id("amountPerDesa")).getAttribute("aria-invalid")).isEqualTo("true");

        // the whole province, only what fits: Danau Kerinci's desa are skipped, the short kecamatan listed
        new Select(browser.findElement(By.id("scope"))).selectByValue("prov");
        browser.findElement(By.id("fitOnly1")).click();
        perDesaAmount("Rp 100.000.000");
        WebElement result = waitFor(By.id("per-desa-result"));
        assertThat(result.getText()).contains("alokasi di", "kecamatan disimpan");
        assertThat(rows("per-desa-not-fitting")).isNotEmpty();
        assertThat(rows("per-desa-written")).noneSatisfy(row -> assertThat(row.getText()).contains("Danau Kerinci"));
        assertThat(browser.findElement(By.id("per-desa-skipped")).getText()).contains("desa dilewati");
        assertAccessible();
    }

    private void perDesaAmount(String amount) {
        WebElement field = browser.findElement(By.id("amountPerDesa"));
        field.clear();
        field.sendKeys(amount);
        submit(By.cssSelector("#per-desa-form button[type=submit]"));
    }

    private void fillAllocation(String title, String amount) {
        new Select(browser.findElement(By.id("opdCode"))).selectByValue("DISDIK");
        new Select(browser.findElement(By.id("programmeCode"))).selectByValue("BANTUAN-PENDIDIKAN");
        new Select(browser.findElement(By.id("plannedMonth"))).selectByValue("7");
        type(By.id("title"), title);
        type(By.id("amount"), amount);
        submit(By.cssSelector("#allocation-form button[type=submit]"));
    }

    private void type(By field, String text) {
        WebElement element = waitFor(field);
        element.clear();
        element.sendKeys(text);
    }

    private String text(String id) {
        return waitFor(By.id(id)).getText();
    }
}
