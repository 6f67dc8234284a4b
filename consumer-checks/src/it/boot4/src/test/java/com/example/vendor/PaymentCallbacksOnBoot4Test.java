package com.example.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import vn.egov.sdk.core.auth.AuthStrategy;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentStart;
import vn.egov.sdk.payment.PaymentState;
import vn.egov.sdk.payment.PaymentStore;
import vn.egov.sdk.payment.PaymentSystem;
import vn.egov.sdk.payment.dvcqg.DvcqgPaymentPlatformClient;
import vn.egov.sdk.payment.keypay.KeypayDvcqgClient;
import vn.egov.sdk.payment.paygov.PayGovClient;
import vn.egov.sdk.spring.PaymentCallbackEvent;
import vn.egov.sdk.spring.payment.EgovPaymentAutoConfiguration;
import vn.egov.sdk.spring.payment.PaymentResult;
import vn.egov.sdk.spring.payment.PaymentResultListener;
import vn.egov.sdk.testkit.CallbackDelivery;
import vn.egov.sdk.testkit.DvcqgPaySandbox;
import vn.egov.sdk.testkit.KeypaySandbox;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.PayGovSandbox;

/**
 * The starter's payment callback endpoints on Boot 4.0 (Spring MVC 7, Boot's embedded Tomcat), in an application
 * protected by Spring Security 7 that lets the callback paths through: the sandbox's simulators deliver their callbacks
 * over HTTP.
 */
@ExtendWith(NationalSandboxExtension.class)
class PaymentCallbacksOnBoot4Test {
    private static final Pattern DVCQG_CODE = Pattern.compile("\"MaLoi\"\\s*:\\s*\"([^\"]*)\"");

    /** The application's listener, and the events the starter publishes. */
    static final class Recorder implements PaymentResultListener {
        final List<PaymentResult> results = new CopyOnWriteArrayList<>();
        final List<PaymentCallbackEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void onPaymentResult(PaymentResult result) {
            results.add(result);
        }

        @EventListener
        void on(PaymentCallbackEvent event) {
            events.add(event);
        }
    }

    /** Everything needs a login except the callbacks, which need no CSRF token either. */
    static SecurityFilterChain callbacksLetThrough(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/egov/payment/**").permitAll()
                .anyRequest().authenticated())
                .csrf(c -> c.ignoringRequestMatchers("/egov/payment/**"));
        return http.build();
    }

    /** A vendor's application: everything needs a login except the callbacks, which their checksum authenticates. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
        @Bean
        SecurityFilterChain chain(HttpSecurity http) throws Exception {
            return callbacksLetThrough(http);
        }

        @Bean
        Recorder recorder() {
            return new Recorder();
        }
    }

    /** A PayGov application: PayGov is reached through the LGSP, whose authentication is the application's bean. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class PayGovApp {
        static AuthStrategy lgspAuth;

        @Bean
        SecurityFilterChain chain(HttpSecurity http) throws Exception {
            return callbacksLetThrough(http);
        }

        @Bean
        Recorder recorder() {
            return new Recorder();
        }

        @Bean(EgovPaymentAutoConfiguration.PAYGOV_AUTH_BEAN)
        AuthStrategy payGovAuth() {
            return lgspAuth;
        }
    }

    private static ConfigurableApplicationContext start(String... properties) {
        return start(App.class, properties);
    }

    private static ConfigurableApplicationContext start(Class<?> app, String... properties) {
        return new SpringApplicationBuilder(app).web(WebApplicationType.SERVLET).bannerMode(Banner.Mode.OFF)
                .properties("server.port=0", "server.address=127.0.0.1").properties(properties).run();
    }

    private static String base(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        assertNotNull(port, "Boot's embedded server started");
        return "http://127.0.0.1:" + port;
    }

    private static HttpResponse<String> post(String url, String json) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
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

    private static String dvcqgCode(String reply) {
        Matcher m = DVCQG_CODE.matcher(reply);
        assertTrue(m.find(), reply);
        return m.group(1);
    }

    /** The callback as the platform posts it: its fields as JSON, the amount a number. */
    private static String json(Map<String, String> fields) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, String> f : fields.entrySet()) {
            out.append(out.length() > 1 ? "," : "").append('"').append(f.getKey()).append("\":");
            out.append(f.getKey().equals("SoTien") ? f.getValue() : '"' + f.getValue() + '"');
        }
        return out.append('}').toString();
    }

    @Test
    void aDvcqgPaymentPaidInTheSandboxReachesTheListenerAndATamperedCallbackIsRefused(NationalSandbox sandbox)
            throws Exception {
        try (ConfigurableApplicationContext context = start("egov.payment.dvcqg.url=" + sandbox.dvcqgPayUrl(),
                "egov.payment.dvcqg.merchant-code=" + DvcqgPaySandbox.MERCHANT_CODE,
                "egov.payment.dvcqg.hash-key=" + DvcqgPaySandbox.SECRET, "egov.payment.dvcqg.merchant-ip=10.0.0.5")) {
            String endpoint = base(context) + "/egov/payment/dvcqg/callback";
            Recorder recorder = context.getBean(Recorder.class);
            sandbox.dvcqgPay().callbackUrl(URI.create(endpoint));
            DvcqgPaymentPlatformClient client = context.getBean(DvcqgPaymentPlatformClient.class);

            // a callback signed with the platform's key, altered on the way: refused, the payment stays pending
            PaymentStart altered = client.create(PaymentOrder.of("H41.01-261207-0401", 150_000, "Lệ phí"));
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("LoaiBanTin", "CONFIRM");
            fields.put("MaLoi", "00");
            fields.put("MaDoiTac", DvcqgPaySandbox.MERCHANT_CODE);
            fields.put("MaThamChieu", altered.reference());
            fields.put("SoTien", "150000");
            fields.put("MaTienTe", "VND");
            fields.put("MaGiaoDich", "GD-1");
            fields.put("MaNganHang", "BIDV");
            fields.put("ThoiGianGD", DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                    .withZone(ZoneId.of("Asia/Ho_Chi_Minh")).format(Instant.now()));
            fields.put("ThongTinGiaoDich", "Lệ phí");
            Map<String, String> tampered = new LinkedHashMap<>(DvcqgPaySandbox.signCallback(fields,
                    DvcqgPaySandbox.SECRET));
            tampered.put("MaGiaoDich", "GD-2");
            HttpResponse<String> refused = post(endpoint, json(tampered));
            assertEquals("99", dvcqgCode(refused.body()), refused.body());
            assertEquals(List.of(), recorder.results);
            assertEquals(PaymentState.PENDING, context.getBean(PaymentStore.class)
                    .find(PaymentSystem.DVCQG_PAYMENT_PLATFORM, altered.reference()).orElseThrow().state());

            // a payment paid in the sandbox, its callback delivered by the platform's simulator over HTTP
                        PaymentStart start = client.create(PaymentOrder.of("H41.01-261207-0402", 150_000, "Lệ phí"));
            assertTrue(sandbox.dvcqgPay().pay(start.reference()));
            await(() -> !sandbox.dvcqgPay().deliveries().isEmpty(), "the callback's delivery");
            DvcqgPaySandbox.Delivery delivery = sandbox.dvcqgPay().deliveries().get(0);
            assertEquals(200, delivery.status(), delivery.reply());
            assertEquals("00", dvcqgCode(delivery.reply()), delivery.reply());
            assertEquals(1, recorder.results.size());
            PaymentResult result = recorder.results.get(0);
            assertTrue(result.paid());
            assertEquals("H41.01-261207-0402", result.dossierCode());
            assertEquals(start.reference(), result.reference());
            assertEquals(PaymentState.PAID, context.getBean(PaymentStore.class)
                    .find(PaymentSystem.DVCQG_PAYMENT_PLATFORM, start.reference()).orElseThrow().state());
            assertEquals(List.of(new PaymentCallbackEvent("dvcqg", false, "refused"),
                    new PaymentCallbackEvent("dvcqg", true, "applied")), recorder.events);
        }
    }

    @Test
    void keypayCallbacksAreAppliedOnceAndATamperedOneRefused(NationalSandbox sandbox) throws Exception {
        try (ConfigurableApplicationContext context = start("egov.payment.keypay.url=" + sandbox.keypay().url(),
                "egov.payment.keypay.client-id=" + KeypaySandbox.CLIENT_ID,
                "egov.payment.keypay.hash-key1=" + KeypaySandbox.HASH_KEY_1,
                "egov.payment.keypay.hash-key2=" + KeypaySandbox.HASH_KEY_2)) {
            String endpoint = base(context) + "/egov/payment/keypay/callback";
            Recorder recorder = context.getBean(Recorder.class);
            sandbox.keypay().callbackUrl(URI.create(endpoint));
            KeypayDvcqgClient keypay = context.getBean(KeypayDvcqgClient.class);

            sandbox.keypay().delivery(CallbackDelivery.never());
            PaymentStart tamperedOne = keypay.create(PaymentOrder.of("H41.01-261207-0501", 70_000, "Lệ phí"));
            sandbox.keypay().pay(tamperedOne.reference());
            String genuine = new String(sandbox.keypay().callbackBody(tamperedOne.reference()), StandardCharsets.UTF_8);
            HttpResponse<String> refused = post(endpoint, genuine.replace("70000", "7000"));
            assertTrue(refused.body().contains("\"return_code\":-1"), refused.body());
            assertEquals(0, recorder.results.size());

            sandbox.keypay().delivery(CallbackDelivery.duplicated(2));
            PaymentStart start = keypay.create(PaymentOrder.of("H41.01-261207-0502", 20_000, "Lệ phí"));
            sandbox.keypay().pay(start.reference());
            await(() -> sandbox.keypay().deliveries().size() == 2 && recorder.events.size() == 3, "two deliveries");
            assertTrue(sandbox.keypay().deliveries().stream().allMatch(d -> d.reply().contains("\"return_code\":0")),
                    sandbox.keypay().deliveries().toString());
            assertEquals(1, recorder.results.size());
            assertEquals(start.reference(), recorder.results.get(0).reference());
            assertEquals(List.of(new PaymentCallbackEvent("keypay", false, "refused"),
                    new PaymentCallbackEvent("keypay", true, "applied"),
                    new PaymentCallbackEvent("keypay", true, "duplicate")), recorder.events);
        }
    }

    @Test
    void payGovCallbacksReachTheirOwnEndpoint(NationalSandbox sandbox) throws Exception {
        PayGovApp.lgspAuth = sandbox.payGov().lgspAuth();
        try (ConfigurableApplicationContext context = start(PayGovApp.class,
                "egov.payment.paygov.url=" + sandbox.payGov().baseUrl(),
                "egov.payment.paygov.partner-code=" + PayGovSandbox.PARTNER_CODE,
                "egov.payment.paygov.access-key=" + PayGovSandbox.ACCESS_KEY,
                "egov.payment.paygov.secret-key=" + PayGovSandbox.SECRET_KEY,
                "egov.payment.paygov.service-code=" + PayGovSandbox.SERVICE_CODE,
                "egov.payment.paygov.unit-code=000.00.15.H12",
                "egov.payment.paygov.return-url=https://dichvucong.example.gov.vn/paygov/return",
                "egov.payment.paygov.inferred-result-verifier=true")) {
            Recorder recorder = context.getBean(Recorder.class);
            sandbox.payGov().callbackUrl(URI.create(base(context) + "/egov/payment/paygov/callback"));
            PaymentStart start = context.getBean(PayGovClient.class)
                    .create(PaymentOrder.of("H12.22-261207-0601", 45_000, "Lệ phí"));
            assertTrue(sandbox.payGov().pay(start.reference()));
            await(() -> !sandbox.payGov().callbackReplies().isEmpty(), "the callback's reply");
            assertTrue(sandbox.payGov().callbackReplies().get(0).contains("SUCCESSFUL"),
                    sandbox.payGov().callbackReplies().toString());
            assertEquals(1, recorder.results.size());
            assertEquals(PaymentSystem.PAYGOV, recorder.results.get(0).system());
            assertEquals(List.of(new PaymentCallbackEvent("paygov", true, "applied")), recorder.events);
        } finally {
            PayGovApp.lgspAuth = null;
        }
    }
}
