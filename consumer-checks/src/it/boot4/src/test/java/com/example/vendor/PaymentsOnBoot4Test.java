package com.example.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import vn.egov.sdk.payment.InMemoryPaymentStore;
import vn.egov.sdk.payment.PaymentGateway;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentStart;
import vn.egov.sdk.payment.PaymentStore;
import vn.egov.sdk.payment.keypay.KeypayDvcqgClient;
import vn.egov.sdk.spring.payment.EgovPaymentProperties;
import vn.egov.sdk.spring.payment.PaymentReconciliation;
import vn.egov.sdk.spring.payment.PaymentResult;
import vn.egov.sdk.spring.payment.PaymentResultListener;
import vn.egov.sdk.testkit.KeypaySandbox;
import vn.egov.sdk.testkit.NationalSandbox;

/**
 * The starter's payments (egov.payment.*) in a Boot 4.0 application: bound, validated, a client, a store, the
 * reconciler, and the callback endpoint on Boot 4's Spring MVC and Tomcat answering the sandbox's Keypay callback.
 */
class PaymentsOnBoot4Test {
    private static final String[] KEYPAY = {"egov.payment.keypay.url=http://127.0.0.1:9",
            "egov.payment.keypay.client-id=vendor-client", "egov.payment.keypay.hash-key1=vendor-key-one",
            "egov.payment.keypay.hash-key2=vendor-key-two", "egov.payment.keypay.read-timeout=6s"};

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }

    private static ConfigurableApplicationContext run(String... properties) {
        return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .properties(properties).run();
    }

    @Test
    void aClientOnlyWhenConfiguredOnTheInMemoryStore() {
        try (ConfigurableApplicationContext context = run()) {
            assertEquals(0, context.getBeanNamesForType(PaymentGateway.class).length);
            assertEquals(0, context.getBeanNamesForType(PaymentStore.class).length);
        }
        try (ConfigurableApplicationContext context = run(KEYPAY)) {
            KeypayDvcqgClient client = context.getBean(KeypayDvcqgClient.class);
            assertTrue(context.getBean(PaymentStore.class) instanceof InMemoryPaymentStore);
            assertTrue(client.store() == context.getBean(PaymentStore.class));
            EgovPaymentProperties properties = context.getBean(EgovPaymentProperties.class);
            assertEquals(Duration.ofSeconds(6), properties.getKeypay().getReadTimeout());
            assertTrue(properties.getKeypay().getHashKey2().matches("vendor-key-two"));
            assertFalse(properties.toString().contains("vendor-key"));
            assertEquals(0, context.getBeanNamesForType(PaymentReconciliation.class).length);
        }
    }

    @Test
    void theReconcilerRunsWithTheContext() {
        try (ConfigurableApplicationContext context = run(KEYPAY[0], KEYPAY[1], KEYPAY[2], KEYPAY[3],
                "egov.payment.reconcile.enabled=true", "egov.payment.reconcile.interval=1h")) {
            PaymentReconciliation reconciliation = context.getBean(PaymentReconciliation.class);
            assertTrue(reconciliation.isRunning());
            assertEquals(1, reconciliation.runNow().size());
        }
    }

    @Test
    void aBrokenPropertyStopsStartUpNamingIt() {
        Exception e = assertThrows(Exception.class, () -> run("egov.payment.keypay.url=http://127.0.0.1:9"));
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains(
                "egov.payment.keypay.client-id is required when egov.payment.keypay.url is set"), messages.toString());
        assertFalse(messages.toString().contains("vendor-key"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class WebApp {
        static final List<PaymentResult> RESULTS = new CopyOnWriteArrayList<>();

        /** Spring Security is on this project's class path: the callbacks are let through, as SPRING.md says. */
        @Bean
        SecurityFilterChain chain(HttpSecurity http) throws Exception {
            return PaymentCallbacksOnBoot4Test.callbacksLetThrough(http);
        }

        @Bean
        PaymentResultListener listener() {
            return RESULTS::add;
        }
    }

    @Test
    void theCallbackEndpointServesTheSandboxsKeypayCallbackOnARealServer() throws Exception {
        try (NationalSandbox sandbox = NationalSandbox.start();
                ConfigurableApplicationContext context = new SpringApplicationBuilder(WebApp.class)
                        .web(WebApplicationType.SERVLET).bannerMode(Banner.Mode.OFF)
                        .properties("server.port=0", "server.address=127.0.0.1",
                                "egov.payment.keypay.url=" + sandbox.keypay().url(),
                                "egov.payment.keypay.client-id=" + KeypaySandbox.CLIENT_ID,
                                "egov.payment.keypay.hash-key1=" + KeypaySandbox.HASH_KEY_1,
                                "egov.payment.keypay.hash-key2=" + KeypaySandbox.HASH_KEY_2)
                        .run()) {
            String port = context.getEnvironment().getProperty("local.server.port");
            sandbox.keypay().callbackUrl(URI.create("http://127.0.0.1:" + port + "/egov/payment/keypay/callback"));
            PaymentStart start = context.getBean(KeypayDvcqgClient.class)
                    .create(PaymentOrder.of("H41.01-261207-0801", 25_000, "Lệ phí"));
            sandbox.keypay().pay(start.reference());
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (sandbox.keypay().deliveries().isEmpty() && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            KeypaySandbox.Delivery delivery = sandbox.keypay().deliveries().get(0);
            assertEquals(200, delivery.status(), delivery.reply());
            assertTrue(delivery.reply().contains("\"return_code\":0"), delivery.reply());
            assertEquals(1, WebApp.RESULTS.size());
            assertEquals("H41.01-261207-0801", WebApp.RESULTS.get(0).dossierCode());
        }
    }
}
