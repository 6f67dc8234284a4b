package vn.egov.sdk.payment.paygov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.auth.AuthStrategy;
import vn.egov.sdk.core.auth.LgspAccessToken;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentStart;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.payment.PaymentSystem;
import vn.egov.sdk.payment.testsupport.Await;
import vn.egov.sdk.testkit.CallbackDelivery;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.PayGovSandbox;

/** The sandbox's /paygov/ as the wire sees it: LGSP credentials, checksum refusals, test API, page, expiry. */
class PayGovSimulatorWireTest {
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    @RegisterExtension
    final PayGovVendor vendor = new PayGovVendor(sandbox, PayGovVendor.standard(sandbox).urlQuery("/PayGov/Query"));
    private final PayGovClient client = vendor.client;

    @Test
    void lgspCallsNeedABearerTokenAndTheLgspHeader() throws Exception {
        HttpResponse<String> none = post(sandbox.payGov().baseUrl() + "/PayGov/Paygate", "{}");
        assertEquals(401, none.statusCode());
        AuthStrategy headerOnly = LgspAccessToken.builder().accessKey("k").secretKey(Secret.of("s")).build();
        try (PayGovClient noBearer = PayGovVendor.standard(sandbox).auth(headerOnly)
                .settings(PayGovVendor.settings(sandbox).retryPolicy(RetryPolicy.none()).build()).build()) {
            EgovException e = assertThrows(EgovException.class,
                    () -> noBearer.create(PaymentOrder.of("D-AUTH", 1_000, "Lệ phí")));
            assertEquals(401, e.httpStatus().orElseThrow());
        }
        assertEquals(0, sandbox.payGov().transactions());
    }

    @Test
    void aWrongSecretOrAnUnknownPartnerIsRefusedByTheSimulator() {
        try (PayGovClient wrongSecret = PayGovVendor.standard(sandbox)
                .partner(PayGovSandbox.PARTNER_CODE, PayGovSandbox.ACCESS_KEY, Secret.of("not-the-secret")).build();
             PayGovClient unknown = PayGovVendor.standard(sandbox)
                .partner("PAYGOV-NOBODY", PayGovSandbox.ACCESS_KEY, Secret.of(PayGovSandbox.SECRET_KEY)).build()) {
            EgovException e = assertThrows(EgovException.class,
                    () -> wrongSecret.create(PaymentOrder.of("D-KEY", 1_000, "Lệ phí")));
            assertEquals(400, e.httpStatus().orElseThrow());
            assertThrows(EgovException.class, () -> unknown.create(PaymentOrder.of("D-KEY", 1_000, "Lệ phí")));
        }
        assertEquals(0, sandbox.payGov().transactions());
    }

    @Test
    void theTestApiSettlesOncePerPayment() throws Exception {
        PaymentStart start = client.create(PaymentOrder.of("D-API", 12_000, "Lệ phí"));
        String api = sandbox.baseUrl() + "/paygov/_test/" + start.reference();
        assertEquals(200, post(api + "/pay", "").statusCode());
        assertEquals(409, post(api + "/fail", "").statusCode());
        assertEquals(404, post(sandbox.baseUrl() + "/paygov/_test/NOPE/pay", "").statusCode());
        assertEquals(404, post(api + "/refund", "").statusCode());
        Await.until(() -> vendor.effects(start.reference()) == 1, "the callback");
        assertEquals(PaymentState.PAID, client.query(start.reference()).state());
    }

    @Test
    void cancelOnThePageSendsAFailedCallbackAndExpiryNone() throws Exception {
        PaymentStart cancelled = client.create(PaymentOrder.of("D-CANCEL", 8_000, "Lệ phí"));
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(cancelled.redirectUrl()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(page.body().contains("id=\"cancel\""), page.body());
        assertEquals(303, post(cancelled.redirectUrl() + "/cancel", "bank=BIDV").statusCode());
        Await.until(() -> vendor.effects(cancelled.reference()) == 1, "the cancel callback");
        assertEquals(PaymentState.FAILED,
                client.store().find(PaymentSystem.PAYGOV, cancelled.reference()).orElseThrow().state());
        assertEquals(409, post(cancelled.redirectUrl() + "/pay", "").statusCode());

        PaymentStart expired = client.create(PaymentOrder.of("D-EXPIRE", 8_000, "Lệ phí"));
        assertTrue(sandbox.payGov().expire(expired.reference()));
        assertEquals(PaymentState.EXPIRED, client.query(expired.reference()).state());
        assertEquals(PaymentState.PENDING,
                client.store().find(PaymentSystem.PAYGOV, expired.reference()).orElseThrow().state());
    }

    @Test
    void aLateCallbackArrivesAfterTheQuerySawItPaid() throws Exception {
        sandbox.payGov().delivery(CallbackDelivery.late(java.time.Duration.ofMillis(300)));
        PaymentStart start = client.create(PaymentOrder.of("D-LATE", 9_000, "Lệ phí"));
        sandbox.payGov().pay(start.reference());
        assertEquals(PaymentState.PAID, client.query(start.reference()).state());
        assertEquals(0, vendor.effects(start.reference()));
        Await.until(() -> vendor.effects(start.reference()) == 1, "the late callback");
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
