package vn.egov.sdk.payment.dvcqg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.core.PlatformException;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.payment.CallbackOutcome;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentStart;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.payment.PaymentStatus;
import vn.egov.sdk.testkit.CallbackDelivery;
import vn.egov.sdk.testkit.DvcqgPaySandbox;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;

/** The DVCQG payment platform client against the sandbox, callbacks received on a vendor's own HTTP server. */
class DvcqgPaymentPlatformEndToEndTest {
    private static final String INIT = "/dvcqg-pay/init";

    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    @RegisterExtension
    final DvcqgPayFixture vendor = new DvcqgPayFixture(sandbox);

    private PaymentStart create(String dossier) {
        return vendor.client.create(PaymentOrder.of(dossier, 150_000, "Lệ phí cấp giấy phép xây dựng"));
    }

    @Test
    void createPayAndTheCallbackIsAppliedOnce() throws Exception {
        PaymentStart start = create("H41.01-260305-0001");
        assertTrue(start.redirectUrl().toString().startsWith(sandbox.baseUrl() + "/dvcqg-pay/page/"));
        assertTrue(start.reference().length() <= 20);
        assertEquals("PENDING", sandbox.dvcqgPay().transaction(start.reference()).orElseThrow().state());

        assertTrue(sandbox.dvcqgPay().pay(start.reference()));

        CallbackOutcome outcome = vendor.nextOutcome();
        assertEquals(CallbackOutcome.Result.APPLIED, outcome.result());
        assertEquals(PaymentState.PAID, outcome.callback().orElseThrow().state());
        assertEquals(1, vendor.effects.get());
        assertEquals(PaymentState.PAID, vendor.client.store()
                .find(vendor.client.system(), start.reference()).orElseThrow().state());
        String reply = outcome.reply().bodyText();
        assertTrue(reply.contains("\"MaLoi\":\"00\""), reply);
        assertTrue(reply.contains(outcome.callback().get().fields().get("MaXacThuc")), "echoes MaXacThuc: " + reply);
    }

    @Test
    void duplicatedAndReplayedCallbacksAreProcessedOnce() throws Exception {
        sandbox.dvcqgPay().delivery(CallbackDelivery.duplicated(3));
        PaymentStart start = create("H41.01-260305-0002");
        sandbox.dvcqgPay().pay(start.reference());

        List<CallbackOutcome.Result> results = List.of(vendor.nextOutcome().result(), vendor.nextOutcome().result(),
                vendor.nextOutcome().result());
        assertEquals(1, results.stream().filter(r -> r == CallbackOutcome.Result.APPLIED).count(), results.toString());
        assertEquals(2, results.stream().filter(r -> r == CallbackOutcome.Result.DUPLICATE).count());

        CallbackOutcome replay = vendor.client.handleCallback(
                vendor.rawCallbacks.get(0).getBytes(StandardCharsets.UTF_8), p -> vendor.effects.incrementAndGet(),
                java.time.Instant.now());
        assertEquals(CallbackOutcome.Result.DUPLICATE, replay.result());
        assertEquals(1, vendor.effects.get());
        assertTrue(replay.reply().bodyText().contains("\"MaLoi\":\"00\""));
    }

    @Test
    void aFailedPaymentIsAppliedAsFailed() throws Exception {
        PaymentStart start = create("H41.01-260305-0003");
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(sandbox.dvcqgPayUrl() + "/_test/" + start.reference() + "/fail"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());

        CallbackOutcome outcome = vendor.nextOutcome();
        assertEquals(CallbackOutcome.Result.APPLIED, outcome.result());
        assertEquals(PaymentState.FAILED, outcome.callback().orElseThrow().state());
        assertEquals("99", outcome.callback().get().resultCode());
    }

    @Test
    void thePaymentPageIsAFormThatPays() throws Exception {
        PaymentStart start = create("H41.01-260305-0004");
        HttpClient http = HttpClient.newHttpClient();
        String page = http.send(HttpRequest.newBuilder(start.redirectUrl()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(page.contains("<form") && page.contains("name=\"bank\"") && page.contains("value=\"pay\"")
                && page.contains("value=\"cancel\""), page);

        HttpResponse<String> result = http.send(HttpRequest.newBuilder(start.redirectUrl())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("bank=BIDV&action=pay")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(result.body().contains("data-state=\"PAID\""), result.body());

        CallbackOutcome outcome = vendor.nextOutcome();
        assertEquals(CallbackOutcome.Result.APPLIED, outcome.result());
        assertEquals("BIDV", outcome.callback().orElseThrow().fields().get("MaNganHang"));
    }

    @Test
    void aCallbackNeverSentIsFoundByQuery() throws Exception {
        sandbox.dvcqgPay().delivery(CallbackDelivery.never());
        PaymentStart paid = create("H41.01-260305-0005");
        PaymentStart expired = create("H41.01-260305-0006");
        PaymentStart pending = create("H41.01-260305-0007");
        sandbox.dvcqgPay().pay(paid.reference());
        sandbox.dvcqgPay().expire(expired.reference());

        assertTrue(vendor.noMoreOutcomes(Duration.ofMillis(300)));
        PaymentStatus status = vendor.client.query(paid.reference());
        assertEquals(PaymentState.PAID, status.state());
        assertEquals("1", status.rawCode());
        assertEquals(150_000, status.amount().getAsLong());
        assertEquals(sandbox.dvcqgPay().transaction(paid.reference()).orElseThrow().gatewayTransactionId(),
                status.gatewayTransactionId().orElseThrow());
        assertEquals(PaymentState.FAILED, vendor.client.query(expired.reference()).state());
        assertEquals(PaymentState.PENDING, vendor.client.query(pending.reference()).state());
        assertThrows(ValidationException.class, () -> vendor.client.query("NOT-OURS"));
    }

    @Test
    void theReceiptIsAPdfOnceThePaymentIsPaid() throws Exception {
        sandbox.dvcqgPay().delivery(CallbackDelivery.never());
        PaymentStart start = create("H41.01-260305-0008");
        PlatformException notPaid = assertThrows(PlatformException.class,
                () -> vendor.client.openReceipt(start.reference()));
        assertEquals("06", notPaid.platformErrorCode().orElseThrow());

        sandbox.dvcqgPay().pay(start.reference());
        byte[] pdf;
        try (InputStream in = vendor.client.openReceipt(start.reference())) {
            pdf = in.readAllBytes();
        }
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages());
            assertTrue(new PDFTextStripper().getText(doc).contains(start.reference()));
        }
    }

    @Test
    void aCreateRetriedAfterATimeoutMakesOneTransaction() {
        sandbox.faults().on("POST", INIT).times(1).afterServing().delay(Duration.ofSeconds(3));
        try (DvcqgPaymentPlatformClient client = DvcqgPaymentPlatformClient.builder()
                .settings(DvcqgPayFixture.settings(sandbox).readTimeout(Duration.ofMillis(700)).build())
                .merchant(DvcqgPaySandbox.MERCHANT_CODE, Secret.of(DvcqgPaySandbox.SECRET))
                .store(vendor.client.store()).build()) {
            PaymentOrder order = PaymentOrder.of("H41.01-260305-0009", 150_000, "Lệ phí");
            assertThrows(EgovException.class, () -> client.create(order));
            String reference = client.store().findPending(client.system(), order.dossierCode(), order.amount())
                    .orElseThrow().reference();

            PaymentStart again = client.create(order);

            assertEquals(reference, again.reference());
            assertEquals(1, sandbox.dvcqgPay().transactionsCreated());
            assertEquals(2, sandbox.requestsTo(INIT));
            assertEquals(again, client.create(order), "a third call reuses the page without a request");
            assertEquals(2, sandbox.requestsTo(INIT));
        }
    }

    @Test
    void queryAndReceiptAreRepeatedAfterFaultsButInitIsNot() throws Exception {
        sandbox.dvcqgPay().delivery(CallbackDelivery.never());
        PaymentStart start = create("H41.01-260305-0013");
        sandbox.dvcqgPay().pay(start.reference());
        sandbox.faults().on("POST", "/dvcqg-pay/query").times(1).status(503);
        sandbox.faults().on("POST", "/dvcqg-pay/get-bill").times(1).connectionReset();

        assertEquals(PaymentState.PAID, vendor.client.query(start.reference()).state());
        try (InputStream in = vendor.client.openReceipt(start.reference())) {
            assertTrue(in.readAllBytes().length > 100);
        }
        assertEquals(2, sandbox.requestsTo("/dvcqg-pay/query"));
        assertEquals(2, sandbox.requestsTo("/dvcqg-pay/get-bill"));

        sandbox.faults().on("POST", INIT).times(1).status(503);
        assertThrows(PlatformException.class, () -> create("H41.01-260305-0014"));
        assertEquals(2, sandbox.requestsTo(INIT), "one INIT for each create, none repeated by the runtime");
    }

    @Test
    void theProxyEnvelopeIsUnwrapped() {
        sandbox.dvcqgPay().proxyEnvelope(true);
        PaymentStart start = create("H41.01-260305-0010");
        assertTrue(start.redirectUrl().getPath().startsWith("/dvcqg-pay/page/"));
    }

    @Test
    void aWrongSecretIsRefusedByThePlatformWithItsCode() {
        try (DvcqgPaymentPlatformClient wrong = DvcqgPaymentPlatformClient.builder()
                .settings(DvcqgPayFixture.settings(sandbox).build())
                .merchant(DvcqgPaySandbox.MERCHANT_CODE, Secret.of("not-the-key")).build()) {
            PlatformException e = assertThrows(PlatformException.class,
                    () -> wrong.create(PaymentOrder.of("H41.01-260305-0011", 150_000, "Lệ phí")));
            assertEquals("01", e.platformErrorCode().orElseThrow());
            assertFalse(e.getMessage().contains("not-the-key"));
            assertFalse(wrong.toString().contains("not-the-key"));
        }
        assertEquals(0, sandbox.dvcqgPay().transactionsCreated());
    }

    @Test
    void anAmountAboveTheCapIsRefusedByName() {
        try (DvcqgPaymentPlatformClient capped = DvcqgPaymentPlatformClient.builder()
                .settings(DvcqgPayFixture.settings(sandbox).build()).amountCap(100_000)
                .merchant(DvcqgPaySandbox.MERCHANT_CODE, Secret.of(DvcqgPaySandbox.SECRET)).build()) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> capped.create(PaymentOrder.of("H41.01-260305-0012", 150_000, "Lệ phí")));
            assertEquals("PaymentOrder.amount", e.errors().get(0).path());
        }
        assertEquals(0, sandbox.requestsTo(INIT));
    }
}
