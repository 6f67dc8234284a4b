package vn.egov.sdk.payment.dvcqg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.egov.sdk.payment.CallbackOutcome;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentStart;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.payment.testsupport.HeadlessChromium;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;

/**
 * The DVCQG payment page driven once in a real headless browser: Debian's {@code chromium} and
 * {@code chromium-driver} (installed by {@code .ci/run}) through Selenium. The payer chooses a bank and clicks Pay or
 * Cancel on the sandbox's page; the vendor's callback endpoint receives the platform's callback and
 * {@code handleCallback} applies it.
 *
 * <p>Skipped, with a message naming what is missing, where the browser or its driver is not installed
 * ({@link HeadlessChromium}). Where both are present a browser that does not start, or a flow that breaks, fails the
 * test.
 */
class DvcqgPaymentPageBrowserTest {
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();
    @RegisterExtension
    static final HeadlessChromium BROWSER = new HeadlessChromium();

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    private final DvcqgPayFixture vendor = new DvcqgPayFixture(sandbox);
    private final WebDriver browser = BROWSER.driver();

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
        return BROWSER.awaitElement(By.id("result"));
    }
}
