package id.go.jambiprov.dumisake.browser;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Chromium (Debian's {@code chromium} and {@code chromedriver}) driving the running application.
 * Locally the tests skip when Chromium is absent; with {@code CI=true} a missing browser fails them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class BrowserTestSupport {

    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** The window size of an office desk, which every class starts with. */
    private static final Dimension DESK = new Dimension(1366, 900);

    protected static WebDriver browser;

    @LocalServerPort
    protected int port;

    /**
     * One Chromium for every browser test class of the JVM: starting it costs each class a second or two. Each class
     * still begins as on a fresh browser: no cookies, a blank page, the desk window.
     */
    @BeforeAll
    static void startBrowser() throws IOException {
        if (browser == null) {
            browser = newBrowser();
            Runtime.getRuntime().addShutdownHook(new Thread(browser::quit));
        }
        browser.manage().deleteAllCookies();
        browser.get("about:blank");
        browser.manage().window().setSize(DESK);
    }

    private static WebDriver newBrowser() throws IOException {
        Optional<Path> chromium = onPath("chromium");
        Optional<Path> chromedriver = onPath("chromedriver");
        if (chromium.isEmpty() || chromedriver.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but chromium/chromedriver are not installed");
            }
            Assumptions.abort("chromium and chromedriver are not installed");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=" + DESK.getWidth() + "," + DESK.getHeight(),
                "--user-data-dir=" + Files.createTempDirectory("dumisake-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.get().toFile())
                .usingAnyFreePort()
                .build();
        WebDriver started = new ChromeDriver(service, options);
        started.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return started;
    }

    protected void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    /** Signs in through the login form (signing out whoever was signed in before). */
    protected void login(String username, String password) {
        browser.manage().deleteAllCookies();
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    protected void loginAsDemo(String username) {
        login(username, "dumisake");
        waitFor(By.cssSelector(".signed-in-user"));
    }

    protected WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Follows a link and waits until the next page has replaced this one. */
    protected void clickLink(String text) {
        openMenuHolding(text);
        navigateBy(waitFor(By.linkText(text)));
    }

    /** A link in a closed menu group of the navigation is shown by opening its group, as a person would. */
    private void openMenuHolding(String text) {
        List<WebElement> inMenu = browser.findElements(By.xpath(
                "//ul[contains(@class, 'dropdown-menu')]//a[normalize-space() = '" + text + "']"));
        if (!inMenu.isEmpty() && !inMenu.get(0).isDisplayed()) {
            click(inMenu.get(0).findElement(By.xpath("ancestor::li[contains(@class, 'dropdown')]/a[@data-bs-toggle]")));
        }
    }

    /** Submits a form with the button {@code button} and waits until the answer has replaced this page. */
    protected void submit(By button) {
        navigateBy(waitFor(button));
    }

    private void navigateBy(WebElement element) {
        WebElement page = browser.findElement(By.tagName("html"));
        click(element);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> replaced(page));
    }

    /** Whether the page's root element is gone: stale, or (as Chromium sometimes reports it) of another document. */
    private static boolean replaced(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /**
     * Clicks like a person would: the element is scrolled into the middle of the window first, at once
     * (Bootstrap's smooth scrolling would still be moving when the click lands).
     */
    protected void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    protected String heading() {
        return waitFor(By.tagName("h1")).getText();
    }

    protected List<WebElement> rows(String tableId) {
        return browser.findElements(By.cssSelector("#" + tableId + " tbody tr"));
    }

    /**
     * axe-core on the current page: no serious or critical WCAG 2.1 A/AA violation. Every rule of those tags runs on
     * the whole page; axe only leaves out the selectors of what passed (its {@code resultTypes}) and runs in the page
     * itself rather than in parts finished in a second window (the legacy mode, for pages without frames, as these
     * are): some 30 % less time per check (45 s against 32 s over the checks of two classes), some ninety a run.
     */
    protected void assertAccessible() {
        AxeRunOnlyOptions wcag21 = new AxeRunOnlyOptions();
        wcag21.setType("tag");
        wcag21.setValues(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"));
        AxeRunOptions options = new AxeRunOptions();
        options.setRunOnly(wcag21);
        options.setResultTypes(List.of("violations"));
        Results results = new AxeBuilder().withOptions(options).setLegacyMode(true).analyze(browser);
        List<String> blocking = results.getViolations().stream()
                .filter(rule -> BLOCKING_IMPACTS.contains(rule.getImpact()))
                .map(BrowserTestSupport::describe)
                .toList();
        assertThat(blocking).as("accessibility violations on " + browser.getCurrentUrl()).isEmpty();
    }

    protected void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList();
    }

    private static Optional<Path> onPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator))
                .map(directory -> Path.of(directory, executable))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
