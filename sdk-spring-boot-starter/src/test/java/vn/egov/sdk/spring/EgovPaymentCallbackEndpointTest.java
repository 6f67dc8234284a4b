package vn.egov.sdk.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.event.EventListener;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import vn.egov.sdk.core.auth.AuthStrategy;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentStart;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.payment.PaymentStore;
import vn.egov.sdk.payment.PaymentSystem;
import vn.egov.sdk.payment.dvcqg.DvcqgPaymentPlatformClient;
import vn.egov.sdk.payment.keypay.KeypayDvcqgClient;
import vn.egov.sdk.payment.paygov.PayGovClient;
import vn.egov.sdk.spring.actuate.EgovMetricsAutoConfiguration;
import vn.egov.sdk.spring.payment.EgovPaymentAutoConfiguration;
import vn.egov.sdk.spring.payment.EgovPaymentCallbackAutoConfiguration;
import vn.egov.sdk.spring.payment.PaymentResult;
import vn.egov.sdk.spring.payment.PaymentResultListener;
import vn.egov.sdk.testkit.CallbackDelivery;
import vn.egov.sdk.testkit.DvcqgPaySandbox;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;

/**
 * The callback endpoints end to end: payments created through the auto-configured clients, paid in the sandbox's
 * simulators, whose callbacks reach the endpoints over HTTP (a {@link MockMvcBridge} into MockMvc).
 */
@ExtendWith({NationalSandboxExtension.class, OutputCaptureExtension.class})
class EgovPaymentCallbackEndpointTest {
    static final String DVCQG_PATH = "/egov/payment/dvcqg/callback";
    private static final String KEYPAY_PATH = "/egov/payment/keypay/callback";
    private static final String PAYGOV_PATH = "/egov/payment/paygov/callback";
    static final ObjectMapper JSON = new ObjectMapper();

    /** The application's listener and event log. */
    static final class Recorder implements PaymentResultListener {
        final List<PaymentResult> results = new CopyOnWriteArrayList<>();
        final List<PaymentCallbackEvent> events = new CopyOnWriteArrayList<>();
        final AtomicBoolean failNext = new AtomicBoolean();

        @Override
        public void onPaymentResult(PaymentResult result) {
            if (failNext.getAndSet(false)) {
                throw new IllegalStateException("the dossier service is down");
            }
            results.add(result);
        }

        @EventListener
        void on(PaymentCallbackEvent event) {
            events.add(event);
        }
    }

    static WebApplicationContextRunner web() {
        return new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EgovAxisAutoConfiguration.class,
                        EgovPaymentAutoConfiguration.class, EgovPaymentCallbackAutoConfiguration.class,
                        DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class))
                .withBean(Recorder.class, Recorder::new);
    }

    interface Body {
        void run(AssertableWebApplicationContext context, MockMvc mvc, MockMvcBridge bridge, Recorder recorder)
                throws Exception;
    }

    static void run(WebApplicationContextRunner runner, Body body) {
        runner.run(context -> {
            assertEquals(null, context.getStartupFailure());
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
            try (MockMvcBridge bridge = MockMvcBridge.start(mvc)) {
                body.run(context, mvc, bridge, context.getBean(Recorder.class));
            }
        });
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    /**
     * This payment's deliveries, once there are {@code n}: the log is filtered by reference, since a delivery of an
     * earlier test may be logged after the sandbox was reset for this one.
     */
    static List<DvcqgPaySandbox.Delivery> deliveries(NationalSandbox sandbox, String reference, int n)
            throws InterruptedException {
        java.util.function.Supplier<List<DvcqgPaySandbox.Delivery>> mine = () -> sandbox.dvcqgPay().deliveries()
                .stream().filter(d -> d.reference().equals(reference)).toList();
        await(() -> mine.get().size() >= n, n + " deliveries of " + reference);
        return mine.get();
    }

    private static MockHttpServletResponse postTo(MockMvc mvc, String path, String body) throws Exception {
        return mvc.perform(post(path).contentType("application/json").content(body.getBytes(StandardCharsets.UTF_8)))
                .andReturn().getResponse();
    }

    private static PaymentStart dvcqgPayment(AssertableWebApplicationContext context, String dossier) {
        return context.getBean(DvcqgPaymentPlatformClient.class)
                .create(PaymentOrder.of(dossier, 150_000, "Lệ phí cấp giấy phép xây dựng"));
    }

    private static PaymentState state(AssertableWebApplicationContext context, PaymentSystem system, String ref) {
        return context.getBean(PaymentStore.class).find(system, ref).orElseThrow().state();
    }

    @Test
    void aDvcqgPaymentPaidInTheSandboxReachesTheListenerOnceAndThePlatformIsAnswered(NationalSandbox sandbox) {
        run(web().withPropertyValues(EgovPaymentAutoConfigurationTest.dvcqg(sandbox)), (context, mvc, bridge, rec) -> {
            sandbox.dvcqgPay().callbackUrl(bridge.url(DVCQG_PATH));
            PaymentStart start = dvcqgPayment(context, "H41.01-261207-0101");
            assertTrue(sandbox.dvcqgPay().pay(start.reference()));

            DvcqgPaySandbox.Delivery delivery = deliveries(sandbox, start.reference(), 1).get(0);
            assertEquals(200, delivery.status(), delivery.reply());
            assertEquals("00", JSON.readTree(delivery.reply()).get("MaLoi").asText(), delivery.reply());
            assertEquals(JSON.readTree(delivery.body()).get("MaXacThuc").asText(),
                    JSON.readTree(delivery.reply()).get("MaXacThuc").asText());
            assertEquals(1, rec.results.size());
            PaymentResult result = rec.results.get(0);
            assertTrue(result.paid());
            assertEquals("H41.01-261207-0101", result.dossierCode());
            assertEquals(PaymentSystem.DVCQG_PAYMENT_PLATFORM, result.system());
            assertEquals(sandbox.dvcqgPay().transaction(start.reference()).orElseThrow().gatewayTransactionId(),
                    result.payment().gatewayTransactionId().orElseThrow());
            assertEquals(PaymentState.PAID, state(context, PaymentSystem.DVCQG_PAYMENT_PLATFORM, start.reference()));
            assertEquals(List.of(new PaymentCallbackEvent("dvcqg", true, "applied")), rec.events);
        });
    }

    @Test
    void duplicatedAndReplayedCallbacksAreAnsweredAsSuccessButReachTheListenerOnce(NationalSandbox sandbox) {
        run(web().withPropertyValues(EgovPaymentAutoConfigurationTest.dvcqg(sandbox)), (context, mvc, bridge, rec) -> {
            sandbox.dvcqgPay().callbackUrl(bridge.url(DVCQG_PATH));
            sandbox.dvcqgPay().delivery(CallbackDelivery.duplicated(3));
            PaymentStart start = dvcqgPayment(context, "H41.01-261207-0102");
            sandbox.dvcqgPay().pay(start.reference());

            List<DvcqgPaySandbox.Delivery> three = deliveries(sandbox, start.reference(), 3);
            for (DvcqgPaySandbox.Delivery d : three) {
                assertEquals("00", JSON.readTree(d.reply()).get("MaLoi").asText(), d.reply());
            }
            MockHttpServletResponse replay = postTo(mvc, DVCQG_PATH, three.get(0).body());
            assertEquals(200, replay.getStatus());
            assertEquals("00", JSON.readTree(replay.getContentAsString()).get("MaLoi").asText());

            assertEquals(1, rec.results.size());
            assertEquals(1, rec.events.stream().filter(e -> e.outcome().equals("applied")).count(),
                    rec.events.toString());
            assertEquals(3, rec.events.stream().filter(e -> e.outcome().equals("duplicate") && e.verified()).count(),
                    rec.events.toString());
        });
    }

    @Test
    void forgedAndTamperedCallbacksAreRefusedNeverReachTheListenerAndDoNotBlockTheGenuineOne(NationalSandbox sandbox,
            CapturedOutput output) {
        run(web().withPropertyValues(EgovPaymentAutoConfigurationTest.dvcqg(sandbox)), (context, mvc, bridge, rec) -> {
            sandbox.dvcqgPay().callbackUrl(bridge.url(DVCQG_PATH));
            PaymentStart start = dvcqgPayment(context, "H41.01-261207-0103");
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("LoaiBanTin", "CONFIRM");
            fields.put("MaLoi", "00");
            fields.put("MaDoiTac", DvcqgPaySandbox.MERCHANT_CODE);
            fields.put("MaThamChieu", start.reference());
            fields.put("SoTien", "150000");
            fields.put("MaTienTe", "VND");
            fields.put("MaGiaoDich", "FORGED-1");
            fields.put("MaNganHang", "BIDV");
            fields.put("ThoiGianGD", java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                    .withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).format(Instant.now()));
            fields.put("ThongTinGiaoDich", "Lệ phí cấp giấy phép xây dựng");

            Map<String, String> forged = DvcqgPaySandbox.signCallback(fields, "a-guessed-key");
            MockHttpServletResponse refused = postTo(mvc, DVCQG_PATH, json(forged));
            assertEquals("99", JSON.readTree(refused.getContentAsString()).get("MaLoi").asText(),
                    refused.getContentAsString());

            Map<String, String> tampered = new LinkedHashMap<>(DvcqgPaySandbox.signCallback(fields,
                    DvcqgPaySandbox.SECRET));
            tampered.put("MaGiaoDich", "ALTERED-2");
            refused = postTo(mvc, DVCQG_PATH, json(tampered));
            assertEquals("99", JSON.readTree(refused.getContentAsString()).get("MaLoi").asText());
            assertEquals(0, rec.results.size());
            assertEquals(PaymentState.PENDING, state(context, PaymentSystem.DVCQG_PAYMENT_PLATFORM, start.reference()));

            sandbox.dvcqgPay().pay(start.reference());
            deliveries(sandbox, start.reference(), 1);
            // the sandbox has its answer once the endpoint replied; the event may be recorded just after that
            await(() -> rec.events.size() == 3, "the genuine callback's event");
            assertEquals(1, rec.results.size());
            assertEquals(List.of(new PaymentCallbackEvent("dvcqg", false, "refused"),
                    new PaymentCallbackEvent("dvcqg", false, "refused"),
                    new PaymentCallbackEvent("dvcqg", true, "applied")), rec.events);
            assertTrue(output.getAll().contains("egov payment callback (dvcqg) refused: CHECKSUM_MISMATCH"),
                    output.getAll());
            assertFalse(output.getAll().contains(DvcqgPaySandbox.SECRET), "the key is never logged");
        });
    }

    @Test
    void aCallbackOlderThanMaxAgeIsRefusedAsReplayedOrLateAndThePaymentStaysPending(NationalSandbox sandbox) {
        run(web().withPropertyValues(EgovPaymentAutoConfigurationTest.dvcqg(sandbox))
                .withPropertyValues("egov.payment.callback.max-age=1h"), (context, mvc, bridge, rec) -> {
                    sandbox.dvcqgPay().callbackUrl(bridge.url(DVCQG_PATH));
                    PaymentStart start = dvcqgPayment(context, "H41.01-261207-0104");
                    // the platform pays (and signs ThoiGianGD) two hours before this server receives the callback
                    sandbox.setClock(Instant.now().minus(Duration.ofHours(2)));
                    sandbox.dvcqgPay().pay(start.reference());

                    sandbox.resetClock();
                    DvcqgPaySandbox.Delivery delivery = deliveries(sandbox, start.reference(), 1).get(0);
                    assertEquals("99", JSON.readTree(delivery.reply()).get("MaLoi").asText(), delivery.reply());
                    assertEquals(0, rec.results.size());
                    assertEquals(PaymentState.PENDING,
                            state(context, PaymentSystem.DVCQG_PAYMENT_PLATFORM, start.reference()));
                    // its checksum verified: refused for its time alone
                    assertEquals(List.of(new PaymentCallbackEvent("dvcqg", true, "refused")), rec.events);
                    // the status query (what the reconciler asks) still finds the payment paid
                    assertEquals(PaymentState.PAID,
                            context.getBean(DvcqgPaymentPlatformClient.class).query(start.reference()).state());
                });
    }

    @Test
    void aFailingListenerLeavesThePaymentPendingAndTheRetriedCallbackAppliesIt(NationalSandbox sandbox) {
        run(web().withPropertyValues(EgovPaymentAutoConfigurationTest.dvcqg(sandbox)), (context, mvc, bridge, rec) -> {
            sandbox.dvcqgPay().callbackUrl(bridge.url(DVCQG_PATH));
            rec.failNext.set(true);
            PaymentStart start = dvcqgPayment(context, "H41.01-261207-0105");
            sandbox.dvcqgPay().pay(start.reference());

            DvcqgPaySandbox.Delivery failed = deliveries(sandbox, start.reference(), 1).get(0);
            assertEquals(500, failed.status());
            assertEquals(PaymentState.PENDING, state(context, PaymentSystem.DVCQG_PAYMENT_PLATFORM, start.reference()));
            assertEquals(0, rec.results.size());

            MockHttpServletResponse again = postTo(mvc, DVCQG_PATH, failed.body());
            assertEquals(200, again.getStatus());
            assertEquals(1, rec.results.size());
            assertEquals(List.of(new PaymentCallbackEvent("dvcqg", true, "failed"),
                    new PaymentCallbackEvent("dvcqg", true, "applied")), rec.events);
        });
    }

    @Test
    void keypayCallbacksAreVerifiedAppliedOnceAndTamperedOnesRefused(NationalSandbox sandbox) {
        run(web().withPropertyValues(EgovPaymentAutoConfigurationTest.keypay(sandbox)), (context, mvc, bridge, rec) -> {
            sandbox.keypay().callbackUrl(bridge.url(KEYPAY_PATH));
            KeypayDvcqgClient keypay = context.getBean(KeypayDvcqgClient.class);
            PaymentStart tamperedOne = keypay.create(PaymentOrder.of("H41.01-261207-0201", 70_000, "Lệ phí"));
            sandbox.keypay().delivery(CallbackDelivery.never());
            sandbox.keypay().pay(tamperedOne.reference());
            String genuine = new String(sandbox.keypay().callbackBody(tamperedOne.reference()), StandardCharsets.UTF_8);
            MockHttpServletResponse refused = postTo(mvc, KEYPAY_PATH, genuine.replace("70000", "7000"));
            assertEquals(-1, JSON.readTree(refused.getContentAsString()).get("return_code").asInt(),
                    refused.getContentAsString());
            assertEquals(0, rec.results.size());

            sandbox.keypay().delivery(CallbackDelivery.duplicated(2));
            PaymentStart start = keypay.create(PaymentOrder.of("H41.01-261207-0202", 20_000, "Lệ phí"));
            sandbox.keypay().pay(start.reference());
            await(() -> sandbox.keypay().deliveries().stream()
                    .filter(d -> d.transactionId().equals(start.reference())).count() == 2, "two deliveries");
            assertTrue(sandbox.keypay().deliveries().stream().filter(d -> d.transactionId().equals(start.reference()))
                    .allMatch(d -> d.reply().contains("\"return_code\":0")), sandbox.keypay().deliveries().toString());
            assertEquals(1, rec.results.size());
            assertEquals(start.reference(), rec.results.get(0).reference());
            assertEquals(List.of(new PaymentCallbackEvent("keypay", false, "refused"),
                    new PaymentCallbackEvent("keypay", true, "applied"),
                    new PaymentCallbackEvent("keypay", true, "duplicate")), rec.events);
        });
    }

    @Test
    void payGovCallbacksReachTheirOwnEndpoint(NationalSandbox sandbox) {
        run(web().withPropertyValues(EgovPaymentAutoConfigurationTest.paygov(sandbox))
                .withBean(EgovPaymentAutoConfiguration.PAYGOV_AUTH_BEAN, AuthStrategy.class,
                        () -> sandbox.payGov().lgspAuth()), (context, mvc, bridge, rec) -> {
                    sandbox.payGov().callbackUrl(bridge.url(PAYGOV_PATH));
                    PaymentStart start = context.getBean(PayGovClient.class)
                            .create(PaymentOrder.of("H12.22-261207-0301", 45_000, "Lệ phí"));
                    assertTrue(sandbox.payGov().pay(start.reference()));
                    await(() -> !sandbox.payGov().callbackReplies().isEmpty(), "the callback's reply");
                    assertTrue(sandbox.payGov().callbackReplies().get(0).contains("SUCCESSFUL"),
                            sandbox.payGov().callbackReplies().toString());
                    assertEquals(1, rec.results.size());
                    assertEquals(PaymentSystem.PAYGOV, rec.results.get(0).system());
                    assertEquals(List.of(new PaymentCallbackEvent("paygov", true, "applied")), rec.events);
                });
    }

    @Test
    void callbacksAndTheClientsCallsAreCountedByTheStartersMetrics(NationalSandbox sandbox) {
        run(web().withConfiguration(AutoConfigurations.of(EgovMetricsAutoConfiguration.class))
                .withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues(EgovPaymentAutoConfigurationTest.keypay(sandbox)), (context, mvc, bridge, rec) -> {
                    sandbox.keypay().callbackUrl(bridge.url(KEYPAY_PATH));
                    PaymentStart start = context.getBean(KeypayDvcqgClient.class)
                            .create(PaymentOrder.of("H41.01-261207-0601", 30_000, "Lệ phí"));
                    assertEquals(-1, JSON.readTree(postTo(mvc, KEYPAY_PATH, "{\"client_id\":1}").getContentAsString())
                            .get("return_code").asInt());
                    sandbox.keypay().pay(start.reference());
                    await(() -> rec.results.size() == 1, "the genuine callback");

                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertEquals(1.0, registry.get("egov.payment.callbacks").tags("system", "keypay", "verified",
                            "false", "outcome", "refused").counter().count());
                    assertEquals(1.0, registry.get("egov.payment.callbacks").tags("system", "keypay", "verified",
                            "true", "outcome", "applied").counter().count());
                    assertTrue(registry.get("egov.client.calls").tags("client", "payment-keypay").timer().count() >= 1,
                            ((SimpleMeterRegistry) registry).getMetersAsString());
                });
    }

    @Test
    void endpointsOnlyForConfiguredSystemsOnlyPostAtTheConfiguredPath(NationalSandbox sandbox) {
        run(web().withPropertyValues(EgovPaymentAutoConfigurationTest.keypay(sandbox))
                .withPropertyValues("egov.payment.keypay.callback-path=/pay/keypay/notify"),
                (context, mvc, bridge, rec) -> {
                    assertEquals(404, postTo(mvc, DVCQG_PATH, "{}").getStatus());
                    assertEquals(404, postTo(mvc, KEYPAY_PATH, "{}").getStatus());
                    MockHttpServletResponse malformed = postTo(mvc, "/pay/keypay/notify", "not json");
                    assertEquals("MALFORMED", JSON.readTree(malformed.getContentAsString()).get("return_msg").asText());
                    assertEquals(405, mvc.perform(get("/pay/keypay/notify")).andReturn().getResponse().getStatus());
                    assertEquals(List.of(new PaymentCallbackEvent("keypay", false, "refused")), rec.events);
                });
        web().withPropertyValues(EgovPaymentAutoConfigurationTest.keypay(sandbox))
                .withPropertyValues("egov.payment.callback.enabled=false")
                .run(context -> assertFalse(context.containsBean("egovPaymentCallbackMapping")));
        StarterTestSupport.runner().withPropertyValues(EgovPaymentAutoConfigurationTest.keypay(sandbox))
                .withConfiguration(AutoConfigurations.of(EgovPaymentAutoConfiguration.class,
                        EgovPaymentCallbackAutoConfiguration.class))
                .run(context -> {
                    assertEquals(null, context.getStartupFailure());
                    assertFalse(context.containsBean("egovPaymentCallbackMapping"), "not a web application");
                });
    }

    private static String json(Map<String, String> fields) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>(fields);
        out.put("SoTien", Long.parseLong(fields.get("SoTien")));
        return JSON.writeValueAsString(out);
    }
}
