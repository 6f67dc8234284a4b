package vn.egov.sdk.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.payment.CallbackOutcome;
import vn.egov.sdk.payment.InMemoryPaymentStore;
import vn.egov.sdk.payment.PaymentEffect;
import vn.egov.sdk.payment.PaymentGateway;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentStart;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.payment.PaymentStore;
import vn.egov.sdk.payment.Payer;
import vn.egov.sdk.payment.Reconciler;
import vn.egov.sdk.payment.ReconciliationRun;
import vn.egov.sdk.payment.keypay.KeypayDvcqgClient;
import vn.egov.sdk.testkit.CallbackDelivery;
import vn.egov.sdk.testkit.KeypaySandbox;
import vn.egov.sdk.testkit.NationalSandbox;

/** The snippets of docs/PAYMENT.md, run against the sandbox's Keypay simulator. */
class PaymentDocsTest {
    private final List<String> dossiersMovedOn = new CopyOnWriteArrayList<>();

    private void markPaid(String dossierCode) {
        dossiersMovedOn.add(dossierCode);
    }

    @Test
    void createPayVerifyApplyOnceAndReconcile() throws Exception {
        try (NationalSandbox sandbox = NationalSandbox.start()) {
            String keypayUrl = sandbox.keypay().url();
            String clientId = KeypaySandbox.CLIENT_ID;
            Secret hashKey1 = Secret.of(KeypaySandbox.HASH_KEY_1);
            Secret hashKey2 = Secret.of(KeypaySandbox.HASH_KEY_2);
            // snippet:payment-create
            PaymentStore store = new InMemoryPaymentStore(); // or a store on your database, shared by your nodes
            KeypayDvcqgClient keypay = KeypayDvcqgClient.builder()
                    .settings(ClientSettings.builder().endpoint(keypayUrl).build())
                    .credentials(clientId, hashKey1, hashKey2)
                    .maxAmount(50_000_000)                         // refuse anything above 50 million VND
                    .store(store)
                    .build();
            PaymentOrder order = PaymentOrder.of("000.00.01.H41-261206-0001", 150_000, "Lệ phí cấp phép xây dựng")
                    .withPayer(Payer.named("Nguyễn Văn An").withIdNumber("001099012345"));
            PaymentStart start = keypay.create(order);   // the reference is stored before the request leaves
            URI sendThePayerTo = start.redirectUrl();
            // end:payment-create
            assertTrue(sendThePayerTo.toString().contains("/keypay/page/"), sendThePayerTo.toString());
            assertEquals(start.reference(), keypay.create(order).reference(), "a repeated create reuses the payment");

            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            PaymentGateway gateway = keypay;
            server.createContext("/payment/keypay", exchange -> handle(gateway, exchange));
            server.start();
            try {
                sandbox.keypay().callbackUrl(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                        + "/payment/keypay"));
                sandbox.keypay().delivery(CallbackDelivery.duplicated(2));
                sandbox.keypay().pay(start.reference());
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (sandbox.keypay().deliveries().size() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            } finally {
                server.stop(0);
            }
            assertEquals(List.of("000.00.01.H41-261206-0001"), dossiersMovedOn, "two callbacks, one effect");

            sandbox.keypay().delivery(CallbackDelivery.never());
            PaymentStart unanswered = keypay.create(PaymentOrder.of("000.00.01.H41-261206-0002", 80_000, "Phí"));
            sandbox.keypay().pay(unanswered.reference());
            // snippet:payment-reconcile
            Reconciler reconciler = Reconciler.builder()
                    .gateway(keypay)
                    .effect(payment -> markPaid(payment.dossierCode()))   // the same effect as the callbacks'
                    .window(Duration.ofDays(3), Duration.ZERO)   // default: created 3 days to 30 minutes ago
                    .build();
            ReconciliationRun run = reconciler.run();            // or reconciler.scheduleEvery(…, yourExecutor)
            // end:payment-reconcile
            assertEquals(1, run.appliedCount(), run.toString());
            assertEquals(PaymentState.PAID, store.find(keypay.system(), unanswered.reference()).orElseThrow().state());
            assertEquals(2, dossiersMovedOn.size());
        }
    }

    private void handle(PaymentGateway gateway, HttpExchange exchange) throws IOException {
        byte[] rawBody;
        try (InputStream in = exchange.getRequestBody()) {
            rawBody = in.readNBytes(64 * 1024);
        }
        // snippet:payment-callback
        PaymentEffect moveDossierOn = payment -> markPaid(payment.dossierCode()); // runs once per payment
        CallbackOutcome outcome = gateway.handleCallback(rawBody, moveDossierOn, Instant.now());
        // APPLIED, DUPLICATE (answered as a success, nothing runs again) or REJECTED (nothing recorded)
        byte[] reply = outcome.reply().body();
        exchange.getResponseHeaders().add("Content-Type", outcome.reply().contentType());
        exchange.sendResponseHeaders(outcome.reply().httpStatus(), reply.length);
        // end:payment-callback
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
        }
    }
}
