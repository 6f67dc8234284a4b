package vn.egov.sdk.payment.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless browser for the payment-page tests (and, through this module's test-jar, the examples' login
 * test): Debian's {@code chromium} and {@code chromium-driver} (installed by {@code .ci/run}) through Selenium, one
 * per test class. Register it in a static field:
 * <pre>{@code
 * @RegisterExtension
 * static final HeadlessChromium BROWSER = new HeadlessChromium();
 * }</pre>
 *
 * <p>Where the browser or its driver is not installed, each test is skipped with a message naming the test class and
 * what is missing. Where both are present a browser that does not start fails the class. The paths can be set with
 * the system properties {@code chromium.binary} and {@code webdriver.chrome.driver} (read only, never set);
 * Selenium Manager is never asked to download anything, since both paths are given explicitly.
 */
public final class HeadlessChromium implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private WebDriver driver;
    /** Why the tests skip here, or null where chromium and chromedriver are both installed. */
    private String skipReason;

    @Override
    public void beforeAll(ExtensionContext context) {
        skipReason = null;
        Path chromium = firstExecutable("chromium.binary", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        Path chromedriver = firstExecutable("webdriver.chrome.driver", "/usr/bin/chromedriver");
        List<String> missing = new ArrayList<>();
        if (chromium == null) {
            missing.add("the chromium binary (Debian package chromium; /usr/bin/chromium or -Dchromium.binary)");
        }
        if (chromedriver == null) {
            missing.add("chromedriver (Debian package chromium-driver; /usr/bin/chromedriver or"
                    + " -Dwebdriver.chrome.driver)");
        }
        if (!missing.isEmpty()) {
            skipReason = context.getRequiredTestClass().getSimpleName() + " skipped: missing "
                    + String.join(" and ", missing) + "; .ci/run installs them";
            return;
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-proxy-server", "--no-first-run", "--window-size=1024,768");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // per test, not in beforeAll: each test is then reported as skipped, with the reason
        Assumptions.assumeTrue(skipReason == null, skipReason);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    /**
     * The browser, for the running test class.
     *
     * @return the driver
     */
    public WebDriver driver() {
        return driver;
    }

    /**
     * Waits up to 30 s for an element to be on the page.
     *
     * @param locator the element
     * @return the element
     */
    public WebElement awaitElement(By locator) {
        return await(ExpectedConditions.presenceOfElementLocated(locator));
    }

    /**
     * Waits up to 30 s for a condition.
     *
     * @param condition the condition
     * @param <T> what it yields
     * @return what it yields once met
     */
    public <T> T await(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    /** The path named by the system property if set, else the first existing executable among the defaults. */
    private static Path firstExecutable(String property, String... defaults) {
        String configured = System.getProperty(property);
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isRegularFile(p) && Files.isExecutable(p) ? p : null;
        }
        for (String candidate : defaults) {
            Path p = Path.of(candidate);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
