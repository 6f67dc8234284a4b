package vn.egov.sdk.payment.keypay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.TransportException;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.payment.CallbackOutcome;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentStart;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.payment.PaymentStatus;
import vn.egov.sdk.payment.testsupport.Await;
import vn.egov.sdk.testkit.CallbackDelivery;
import vn.egov.sdk.testkit.KeypaySandbox;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;

/** KeypayDvcqgClient end to end through the sandbox's /keypay/ simulator and a JDK HttpServer callback endpoint. */
class KeypayDvcqgClientSandboxTest {
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    @RegisterExtension
    final KeypayVendor vendor = new KeypayVendor(sandbox);
    private final KeypayDvcqgClient client = vendor.client;

    private static PaymentOrder order(String dossier, long amount) {
        return PaymentOrder.of(dossier, amount, "Lệ phí hồ sơ " + dossier);
    }

    @Test
    void createPayCallbackIsAppliedOnce() throws Exception {
        PaymentStart start = client.create(order("000.00.01.H41-260101-0001", 150_000));
        assertTrue(start.reference().length() <= 20, start.reference());
        assertTrue(start.redirectUrl().toString().endsWith("/keypay/page/" + start.reference()));
        sandbox.keypay().pay(start.reference());
        vendor.awaitOutcomes(1);
        CallbackOutcome outcome = vendor.outcomes().get(0);
        assertEquals(CallbackOutcome.Result.APPLIED, outcome.result(), () -> outcome.failure().toString());
        assertEquals("{\"return_code\":0,\"return_msg\":\"success\"}", outcome.reply().bodyText());
        assertEquals(1, vendor.effects(start.reference()));
        assertEquals(PaymentState.PAID, client.store().find(client.system(), start.reference()).orElseThrow().state());
        // the simulator logs a delivery once the vendor's answer is back, a moment after the vendor recorded it
        Await.until(() -> !sandbox.keypay().deliveries().isEmpty(), "the simulator's delivery log");
        assertEquals(200, sandbox.keypay().deliveries().get(0).status());
    }

    @Test
    void failedPaymentIsAcknowledgedAndRecordedAsFailed() throws Exception {
        PaymentStart start = client.create(order("HS-FAIL", 20_000));
        sandbox.keypay().fail(start.reference());
        vendor.awaitOutcomes(1);
        CallbackOutcome outcome = vendor.outcomes().get(0);
        assertEquals(CallbackOutcome.Result.APPLIED, outcome.result());
        assertEquals(PaymentState.FAILED, outcome.callback().orElseThrow().state());
        assertTrue(outcome.reply().bodyText().contains("\"return_code\":0"));
        assertEquals(PaymentState.FAILED, client.store().find(client.system(), start.reference()).orElseThrow().state());
    }

    @Test
    void paymentPageButtonsPay() throws Exception {
        PaymentStart start = client.create(order("HS-PAGE", 30_000));
        HttpClient http = HttpClient.newHttpClient();
        String page = http.send(HttpRequest.newBuilder(start.redirectUrl()).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(page.contains("value=\"pay\"") && page.contains("value=\"cancel\""), page);
        HttpResponse<String> paid = http.send(HttpRequest.newBuilder(start.redirectUrl())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=pay")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(paid.body().contains("PAID"), paid.body());
        vendor.awaitOutcomes(1);
        assertEquals(CallbackOutcome.Result.APPLIED, vendor.outcomes().get(0).result());
    }

    @Test
    void duplicatedAndReplayedCallbacksRunTheEffectOnce() throws Exception {
        sandbox.keypay().delivery(CallbackDelivery.duplicated(3));
        PaymentStart start = client.create(order("HS-DUP", 50_000));
        sandbox.keypay().pay(start.reference());
        vendor.awaitOutcomes(3);
        assertEquals(1, vendor.outcomes().stream().filter(o -> o.result() == CallbackOutcome.Result.APPLIED).count());
        assertEquals(2, vendor.outcomes().stream().filter(o -> o.result() == CallbackOutcome.Result.DUPLICATE).count());
        CallbackOutcome replay = client.handleCallback(sandbox.keypay().callbackBody(start.reference()),
                vendor.endpoint.effect(), Instant.now());
        assertEquals(CallbackOutcome.Result.DUPLICATE, replay.result());
        assertEquals(1, vendor.effects(start.reference()));
    }

    @Test
    void forgedCallbackIsRefusedAndDoesNotBlockTheGenuineOne() throws Exception {
        sandbox.keypay().delivery(CallbackDelivery.never());
        PaymentStart start = client.create(order("HS-FORGED", 70_000));
        sandbox.keypay().pay(start.reference());
        String genuine = new String(sandbox.keypay().callbackBody(start.reference()), StandardCharsets.UTF_8);
        String forged = genuine.replaceAll("\"check_sum\":\"[0-9a-f]+\"", "\"check_sum\":\"" + "ab".repeat(32) + "\"");
        CallbackOutcome refused = client.handleCallback(forged.getBytes(StandardCharsets.UTF_8), p -> { }, Instant.now());
        assertEquals(CallbackOutcome.Result.REJECTED, refused.result());
        assertEquals("{\"return_code\":-1,\"return_msg\":\"CHECKSUM_MISMATCH\"}", refused.reply().bodyText());
        assertEquals(PaymentState.PENDING, client.store().find(client.system(), start.reference()).orElseThrow().state());
        CallbackOutcome ok = client.handleCallback(genuine.getBytes(StandardCharsets.UTF_8), p -> { }, Instant.now());
        assertEquals(CallbackOutcome.Result.APPLIED, ok.result());
    }

    @Test
    void createRetriedAfterALostAnswerMakesOneTransaction() {
        sandbox.faults().on("POST", "/keypay/create").afterServing().connectionReset();
        PaymentOrder order = order("HS-RETRY", 90_000);
        EgovException lost = assertThrows(EgovException.class, () -> client.create(order));
        assertInstanceOf(TransportException.class, lost);
        PaymentStart start = client.create(order);
        PaymentStart again = client.create(order);
        assertEquals(start.reference(), again.reference());
        assertEquals(1, sandbox.keypay().transactions().size());
        assertEquals(start.reference(), sandbox.keypay().transactions().get(0).transactionId());
        assertEquals(2, sandbox.requestsTo("/keypay/create"));
    }

    @Test
    void callbackThatNeverComesIsFoundByTheDetailQuery() {
        sandbox.keypay().delivery(CallbackDelivery.never());
        PaymentStart start = client.create(order("HS-NEVER", 110_000));
        assertEquals(PaymentState.PENDING, client.query(start.reference()).state());
        sandbox.keypay().pay(start.reference());
        PaymentStatus status = client.query(start.reference());
        assertEquals(PaymentState.PAID, status.state());
        assertEquals("0", status.rawCode());
        assertEquals(110_000L, status.amount().orElseThrow());
        assertTrue(status.gatewayTransactionId().isPresent());
        assertTrue(sandbox.keypay().deliveries().isEmpty());
        PaymentStart other = client.create(order("HS-EXPIRE", 5_000));
        sandbox.keypay().expire(other.reference());
        assertEquals(PaymentState.EXPIRED, client.query(other.reference()).state());
    }

    @Test
    void reconcilerAppliesAPaymentWhoseCallbackNeverCameAndTheLateCallbackIsADuplicate() throws Exception {
        sandbox.keypay().delivery(CallbackDelivery.never());
        PaymentStart start = client.create(order("HS-RECON", 66_000));
        sandbox.keypay().pay(start.reference());
        java.util.concurrent.atomic.AtomicInteger effects = new java.util.concurrent.atomic.AtomicInteger();
        vn.egov.sdk.payment.ReconciliationRun run = vn.egov.sdk.payment.Reconciler.builder().gateway(client)
                .effect(p -> effects.incrementAndGet())
                .clock(java.time.Clock.fixed(start.createdAt().plus(Duration.ofHours(1)), java.time.ZoneOffset.UTC))
                .build().run();
        assertEquals(1, run.appliedCount(), run.toString());
        assertEquals(PaymentState.PAID, client.store().find(client.system(), start.reference()).orElseThrow().state());
        CallbackOutcome late = client.handleCallback(sandbox.keypay().callbackBody(start.reference()),
                p -> effects.incrementAndGet(), Instant.now());
        assertEquals(CallbackOutcome.Result.DUPLICATE, late.result());
        assertEquals(1, effects.get());
    }

    @Test
    void detailQueryIsRetriedAfterAServerError() {
        KeypayDvcqgClient retrying = KeypayDvcqgClient.builder()
                .settings(ClientSettings.builder().endpoint(sandbox.keypay().url()).build())
                .credentials(KeypaySandbox.CLIENT_ID, Secret.of(KeypaySandbox.HASH_KEY_1),
                        Secret.of(KeypaySandbox.HASH_KEY_2))
                .build();
        PaymentStart start = retrying.create(order("HS-Q503", 12_000));
        sandbox.faults().on("POST", "/keypay/detail").status(503);
        assertEquals(PaymentState.PENDING, retrying.query(start.reference()).state());
        assertEquals(2, sandbox.requestsTo("/keypay/detail"));
    }

    @Test
    void createSignedWithTheWrongKeyIsRefusedWithKeypaysCode() {
        KeypayDvcqgClient wrong = KeypayVendor.client(sandbox, "not-the-key");
        KeypayRefusedException e = assertThrows(KeypayRefusedException.class,
                () -> wrong.create(order("HS-WRONG", 1_000)));
        assertEquals("2", e.platformErrorCode().orElseThrow());
        assertTrue(e.getMessage().contains("check_sum"), e.getMessage());
    }

    @Test
    void rulesOfTheClient() {
        ValidationException cap = assertThrows(ValidationException.class,
                () -> client.create(order("HS-CAP", 1_000_000_001L)));
        assertEquals("PaymentOrder.amount", cap.errors().get(0).path());
        assertThrows(ValidationException.class, () -> client.query("KPNOSUCHPAYMENT"));
        assertThrows(NoReceiptCallException.class, () -> client.openReceipt("KP1"));
        assertFalse(client.toString().contains(KeypaySandbox.HASH_KEY_1));
        assertFalse(client.toString().contains(KeypaySandbox.HASH_KEY_2));
        ValidationException missing = assertThrows(ValidationException.class,
                () -> KeypayDvcqgClient.builder().build());
        assertEquals(4, missing.errors().size(), missing.errors().toString());
    }
}
