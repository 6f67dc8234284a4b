package vn.egov.sdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.payment.CallbackOutcome;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentStart;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.payment.dvcqg.DvcqgPaymentPlatformClient;
import vn.egov.sdk.payment.testsupport.CallbackEndpoint;
import vn.egov.sdk.testkit.DvcqgPaySandbox;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.jdbc.testsupport.Postgres;

/**
 * Two application nodes (two DVCQG payment clients, each behind its own callback endpoint) on one database and the
 * sandbox's payment platform: the platform's result callback for a payment, delivered to both nodes at the same
 * moment many times, runs the vendor's effect exactly once; every other delivery is answered as already processed.
 */
class TwoNodesOnePaymentTest {
    private static final int PAYMENTS = 12;
    private static final int DELIVERIES_PER_NODE = 4;

    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();
    @RegisterExtension
    static final Postgres PG = new Postgres();

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<DvcqgPaymentPlatformClient> clients = new ArrayList<>();
    private final List<CallbackEndpoint> nodes = new ArrayList<>();

    @BeforeAll
    static void schema() throws SQLException {
        JdbcSchema.install(PG.dataSource(), JdbcTables.defaults());
    }

    @BeforeEach
    void startNodes() {
        for (int i = 0; i < 2; i++) {
            DvcqgPaymentPlatformClient client = DvcqgPaymentPlatformClient.builder()
                    .settings(ClientSettings.builder().endpoint(sandbox.dvcqgPayUrl())
                            .readTimeout(Duration.ofSeconds(5)).build())
                    .merchant(DvcqgPaySandbox.MERCHANT_CODE, Secret.of(DvcqgPaySandbox.SECRET))
                    .merchantIp("10.0.0.5")
                    .store(new JdbcPaymentStore(PG.dataSource(), JdbcTables.defaults()))
                    .build();
            clients.add(client);
            nodes.add(CallbackEndpoint.start("/dvc/confirm", client));
        }
        // the platform's own delivery goes nowhere: the test hands its body to the two nodes itself
        sandbox.dvcqgPay().callbackUrl(URI.create("http://127.0.0.1:9/unreachable"));
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(CallbackEndpoint::close);
        clients.forEach(DvcqgPaymentPlatformClient::close);
    }

    @Test
    void theSameCallbackOnTwoNodesAtOnceIsProcessedOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2 * DELIVERIES_PER_NODE);
        try {
            for (int round = 0; round < PAYMENTS; round++) {
                DvcqgPaymentPlatformClient creator = clients.get(round % 2);
                PaymentStart start = creator.create(PaymentOrder.of("H41.01-261207-" + (1000 + round), 150_000,
                        "Lệ phí cấp giấy phép xây dựng"));
                assertTrue(round % 3 == 0 ? sandbox.dvcqgPay().fail(start.reference())
                        : sandbox.dvcqgPay().pay(start.reference()));
                String body = platformCallback(start.reference());

                CountDownLatch go = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> replies = new ArrayList<>();
                for (int d = 0; d < 2 * DELIVERIES_PER_NODE; d++) {
                    URI node = nodes.get(d % 2).url();
                    replies.add(pool.submit(() -> {
                        go.await();
                        return http.send(HttpRequest.newBuilder(node).POST(HttpRequest.BodyPublishers.ofString(body))
                                .header("Content-Type", "application/json").build(),
                                HttpResponse.BodyHandlers.ofString());
                    }));
                }
                go.countDown();
                for (Future<HttpResponse<String>> f : replies) {
                    HttpResponse<String> r = f.get(60, TimeUnit.SECONDS);
                    assertEquals(200, r.statusCode(), r.body());
                    assertTrue(r.body().contains("\"MaLoi\":\"00\""), "every delivery is acknowledged: " + r.body());
                }
                String ref = start.reference();
                assertEquals(1, nodes.get(0).effects(ref) + nodes.get(1).effects(ref),
                        "the effect ran exactly once across both nodes for " + ref);
                PaymentState expected = round % 3 == 0 ? PaymentState.FAILED : PaymentState.PAID;
                assertEquals(expected, creator.store().find(creator.system(), ref).orElseThrow().state());
            }
        } finally {
            pool.shutdownNow();
        }
        List<CallbackOutcome> all = new ArrayList<>(nodes.get(0).outcomes());
        all.addAll(nodes.get(1).outcomes());
        assertEquals(PAYMENTS * 2 * DELIVERIES_PER_NODE, all.size());
        assertEquals(PAYMENTS, all.stream().filter(o -> o.result() == CallbackOutcome.Result.APPLIED).count());
        assertEquals(PAYMENTS * (2 * DELIVERIES_PER_NODE - 1),
                all.stream().filter(o -> o.result() == CallbackOutcome.Result.DUPLICATE).count(),
                "every other delivery is answered as already processed");
    }

    private String platformCallback(String reference) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            for (DvcqgPaySandbox.Delivery d : sandbox.dvcqgPay().deliveries()) {
                if (d.reference().equals(reference)) {
                    return d.body();
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the platform sent no callback for " + reference);
    }
}
