package vn.egov.sdk.payment.dvcqg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.egov.sdk.payment.CallbackOutcome;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentStart;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;

/**
 * The DVCQG payment page driven once in a real headless browser: Debian's {@code chromium} and
 * {@code chromium-driver} (installed by {@code .ci/run}) through Selenium. The payer chooses a bank and clicks Pay or
 * Cancel on the sandbox's page; the vendor's callback endpoint receives the platform's callback and
 * {@code handleCallback} applies it.
 *
 * <p>Skipped, with a message naming what is missing, where the browser or its driver is not installed. Where both
 * are present a browser that does not start, or a flow that breaks, fails the test. The paths can be set with the
 * system properties {@code chromium.binary} and {@code webdriver.chrome.driver} (read only, never set); Selenium
 * Manager is never asked to download anything, since both paths are given explicitly.
 */
class DvcqgPaymentPageBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private static WebDriver browser;
    /** Why the browser tests skip here, or null where chromium and chromedriver are both installed. */
    private static String skipReason;

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    private final DvcqgPayFixture vendor = new DvcqgPayFixture(sandbox);

    @BeforeAll
    static void startBrowser() {
        skipReason = null;
        Path chromium = firstExecutable("chromium.binary", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        Path driver = firstExecutable("webdriver.chrome.driver", "/usr/bin/chromedriver");
        List<String> missing = new ArrayList<>();
        if (chromium == null) {
            missing.add("the chromium binary (Debian package chromium; /usr/bin/chromium or -Dchromium.binary)");
        }
        if (driver == null) {
            missing.add("chromedriver (Debian package chromium-driver; /usr/bin/chromedriver or"
                    + " -Dwebdriver.chrome.driver)");
        }
        if (!missing.isEmpty()) {
            skipReason = "DvcqgPaymentPageBrowserTest skipped: missing " + String.join(" and ", missing)
                    + "; .ci/run installs them";
            return;
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-proxy-server", "--no-first-run", "--window-size=1024,768");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(WAIT);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @BeforeEach
    void needsTheBrowser() {
        // per test, not in @BeforeAll: each test is then reported as skipped, with the reason
        Assumptions.assumeTrue(skipReason == null, skipReason);
    }

    @AfterEach
    void stopVendor() {
        vendor.close();
    }

    @Test
    void choosingABankAndClickingPayPaysAndTheCallbackIsApplied() throws Exception {
        PaymentStart start = vendor.client.create(
                PaymentOrder.of("H41.01-260306-0101", 150_000, "Lệ phí cấp giấy phép xây dựng"));

        browser.get(start.redirectUrl().toString());
        assertEquals(start.reference(), browser.findElement(By.id("reference")).getText());
        assertEquals("150000", browser.findElement(By.id("amount")).getText());
        assertEquals("Lệ phí cấp giấy phép xây dựng", browser.findElement(By.id("description")).getText());
        new Select(browser.findElement(By.id("bank"))).selectByValue("VCB");
        browser.findElement(By.id("pay")).click();

        WebElement result = awaitResult();
        assertEquals("PAID", result.getAttribute("data-state"));
        assertEquals("Giao dịch thành công", result.getText());

        CallbackOutcome outcome = vendor.nextOutcome();
        assertEquals(CallbackOutcome.Result.APPLIED, outcome.result(), outcome.toString());
        assertEquals(PaymentState.PAID, outcome.callback().orElseThrow().state());
        assertEquals(start.reference(), outcome.callback().get().fields().get("MaThamChieu"));
        assertEquals("VCB", outcome.callback().get().fields().get("MaNganHang"));
        assertEquals(1, vendor.effects.get());
        assertEquals(PaymentState.PAID, vendor.client.store()
                .find(vendor.client.system(), start.reference()).orElseThrow().state());
        assertTrue(vendor.noMoreOutcomes(Duration.ofMillis(300)), "one callback for one click");
    }

    @Test
    void clickingCancelEndsTheTransactionAsFailed() throws Exception {
        PaymentStart start = vendor.client.create(PaymentOrder.of("H41.01-260306-0102", 75_000, "Lệ phí hộ tịch"));

        browser.get(start.redirectUrl().toString());
        new Select(browser.findElement(By.id("bank"))).selectByValue("BIDV");
        browser.findElement(By.id("cancel")).click();

        WebElement result = awaitResult();
        assertEquals("FAILED", result.getAttribute("data-state"));
        assertEquals("Giao dịch không thành công", result.getText());

        CallbackOutcome outcome = vendor.nextOutcome();
        assertEquals(CallbackOutcome.Result.APPLIED, outcome.result(), outcome.toString());
        assertEquals(PaymentState.FAILED, outcome.callback().orElseThrow().state());
        assertEquals(start.reference(), outcome.callback().get().fields().get("MaThamChieu"));
        assertEquals(1, vendor.effects.get());
        assertEquals(PaymentState.FAILED, vendor.client.store()
                .find(vendor.client.system(), start.reference()).orElseThrow().state());
    }

    private static WebElement awaitResult() {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("result")));
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
