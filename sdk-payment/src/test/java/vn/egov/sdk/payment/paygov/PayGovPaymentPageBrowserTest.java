package vn.egov.sdk.payment.paygov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import vn.egov.sdk.payment.CallbackOutcome;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentStart;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.payment.testsupport.HeadlessChromium;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;

/**
 * The PayGov payment page driven in a real headless browser ({@link HeadlessChromium}; skipped, naming what is
 * missing, where chromium or chromedriver is not installed): the payer picks a bank and clicks Pay or Cancel, the
 * browser is sent back to the vendor's return page with PayGov's display-only parameters, and the signed callback
 * reaches the vendor's endpoint, where {@code handleCallback} applies it once.
 */
class PayGovPaymentPageBrowserTest {
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();
    @RegisterExtension
    static final HeadlessChromium BROWSER = new HeadlessChromium();

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    private final WebDriver browser = BROWSER.driver();
    private PayGovTestSupport vendor;
    private URI returnPage;

    @BeforeEach
    void startVendor() throws Exception {
        vendor = new PayGovTestSupport();
        vendor.server.createContext("/paygov-return", exchange -> {
            byte[] page = "<!DOCTYPE html><html><body><h1 id=\"returned\">Back at the service</h1></body></html>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        returnPage = URI.create("http://127.0.0.1:" + vendor.server.getAddress().getPort() + "/paygov-return");
        sandbox.payGov().callbackUrl(vendor.callbackUrl());
        vendor.client = PayGovTestSupport.standard(sandbox).build();
    }

    @AfterEach
    void stopVendor() {
        vendor.close();
    }

    @Test
    void choosingABankAndClickingPayPaysAndTheCallbackIsApplied() throws Exception {
        PaymentStart start = vendor.client.create(PaymentOrder.of("H41.01-260306-0301", 90_000,
                "Lệ phí cấp phép").withReturnUrl(returnPage));

        browser.get(start.redirectUrl().toString());
        assertEquals("90000 VND", browser.findElement(By.id("amount")).getText());
        new Select(browser.findElement(By.id("bank"))).selectByValue("VIETCOMBANK");
        browser.findElement(By.id("pay")).click();

        Map<String, String> back = awaitReturn();
        PayGovBrowserReturn shown = PayGovBrowserReturn.parse(back);
        assertTrue(shown.claimsSuccess(), back.toString());
        assertEquals(start.reference(), shown.requestCode().orElseThrow());

        PayGovTestSupport.await(() -> vendor.outcomes.size() == 1, "PayGov's callback");
        CallbackOutcome outcome = vendor.outcomes.get(0);
        assertEquals(CallbackOutcome.Result.APPLIED, outcome.result(), outcome.toString());
        assertEquals(PaymentState.PAID, outcome.callback().orElseThrow().state());
        assertEquals("VIETCOMBANK", outcome.callback().get().fields().get("paygate"));
        assertEquals(1, vendor.effectsFor(start.reference()));
        assertEquals(PaymentState.PAID, vendor.client.store()
                .find(vendor.client.system(), start.reference()).orElseThrow().state());
    }

    @Test
    void clickingCancelEndsThePaymentAsFailed() throws Exception {
        PaymentStart start = vendor.client.create(PaymentOrder.of("H41.01-260306-0302", 35_000, "Lệ phí hộ tịch")
                .withReturnUrl(returnPage));

        browser.get(start.redirectUrl().toString());
        browser.findElement(By.id("cancel")).click();

        assertFalse(PayGovBrowserReturn.parse(awaitReturn()).claimsSuccess());
        PayGovTestSupport.await(() -> vendor.outcomes.size() == 1, "PayGov's callback");
        CallbackOutcome outcome = vendor.outcomes.get(0);
        assertEquals(CallbackOutcome.Result.APPLIED, outcome.result(), outcome.toString());
        assertEquals(PaymentState.FAILED, outcome.callback().orElseThrow().state());
        assertEquals(1, vendor.effectsFor(start.reference()));
        assertEquals(PaymentState.FAILED, vendor.client.store()
                .find(vendor.client.system(), start.reference()).orElseThrow().state());
    }

    /** Waits for the vendor's return page and answers the query parameters PayGov put on its URL. */
    private Map<String, String> awaitReturn() {
        BROWSER.awaitElement(By.id("returned"));
        URI at = URI.create(browser.getCurrentUrl());
        assertEquals(returnPage.getPath(), at.getPath(), at.toString());
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : at.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
