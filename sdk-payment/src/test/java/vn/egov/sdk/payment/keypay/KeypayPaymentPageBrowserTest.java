package vn.egov.sdk.payment.keypay;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * The Keypay payment page driven in a real headless browser ({@link HeadlessChromium}; skipped, naming what is
 * missing, where chromium or chromedriver is not installed): the payer picks a bank and clicks Pay or Cancel on the
 * sandbox's page, Keypay's callback reaches the vendor's endpoint and {@code handleCallback} applies it once.
 */
class KeypayPaymentPageBrowserTest {
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();
    @RegisterExtension
    static final HeadlessChromium BROWSER = new HeadlessChromium();

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    private final WebDriver browser = BROWSER.driver();
    @RegisterExtension
    final KeypayVendor vendor = new KeypayVendor(sandbox);
    private final KeypayDvcqgClient client = vendor.client;

    @Test
    void choosingABankAndClickingPayPaysAndTheCallbackIsApplied() throws Exception {
        PaymentStart start = client.create(PaymentOrder.of("H41.01-260306-0201", 120_000, "Lệ phí đăng ký kinh doanh"));

        browser.get(start.redirectUrl().toString());
        assertEquals(start.reference(), browser.findElement(By.id("reference")).getText());
        assertEquals("120000 VND", browser.findElement(By.id("amount")).getText());
        new Select(browser.findElement(By.id("bank"))).selectByValue("BIDV");
        browser.findElement(By.id("pay")).click();

        WebElement result = BROWSER.awaitElement(By.id("result"));
        assertEquals("PAID", result.getAttribute("data-state"));
        assertEquals("BIDV", browser.findElement(By.id("paid-with")).getText());

        vendor.awaitOutcomes(1);
        CallbackOutcome outcome = vendor.outcomes().get(0);
        assertEquals(CallbackOutcome.Result.APPLIED, outcome.result(), outcome.toString());
        assertEquals(PaymentState.PAID, outcome.callback().orElseThrow().state());
        assertEquals(1, vendor.effects(start.reference()));
        assertEquals(PaymentState.PAID, client.store().find(client.system(), start.reference()).orElseThrow().state());
    }

    @Test
    void clickingCancelEndsTheTransactionAsFailed() throws Exception {
        PaymentStart start = client.create(PaymentOrder.of("H41.01-260306-0202", 45_000, "Lệ phí hộ tịch"));

        browser.get(start.redirectUrl().toString());
        browser.findElement(By.id("cancel")).click();

        assertEquals("FAILED", BROWSER.awaitElement(By.id("result")).getAttribute("data-state"));
        vendor.awaitOutcomes(1);
        CallbackOutcome outcome = vendor.outcomes().get(0);
        assertEquals(CallbackOutcome.Result.APPLIED, outcome.result(), outcome.toString());
        assertEquals(PaymentState.FAILED, outcome.callback().orElseThrow().state());
        assertEquals(1, vendor.effects(start.reference()));
        assertEquals(PaymentState.FAILED,
                client.store().find(client.system(), start.reference()).orElseThrow().state());
    }
}
