package com.example.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.signing.SigningKey;
import vn.egov.sdk.spring.PaymentCallbackEvent;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.TestPki;
import vn.egov.sdk.testkit.VdxpSandbox;

/** The starter's health indicators and metrics in a Boot 4.0 application with Boot's actuator. */
@ExtendWith(NationalSandboxExtension.class)
class HealthAndMetricsOnBoot4Test {
    static SigningKey key;

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class SigningApp {
        @Bean
        SigningKey signingKey() {
            return key;
        }
    }

    private static ConfigurableApplicationContext run(Class<?> app, String... properties) {
        return new SpringApplicationBuilder(app).web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .properties(properties).run();
    }

    private static String[] axis(String url, String secret) {
        return new String[] {"egov.axis.url=" + url, "egov.axis.system-id=" + VdxpSandbox.SYSTEM_2,
                "egov.axis.secret=" + secret, "egov.axis.deadline=5s"};
    }

    /** The indicator as Boot 4's health registry (what the health endpoint reads) holds it, by its name. */
    private static Health health(ConfigurableApplicationContext context, String name) {
        HealthIndicator indicator = (HealthIndicator) context.getBean(HealthContributorRegistry.class)
                .getContributor(name);
        assertNotNull(indicator, name + " is registered with Boot 4's health registry");
        return indicator.health();
    }

    @Test
    void theAxisIndicatorTellsReachableAndCredentialsApart(NationalSandbox sandbox) {
        try (ConfigurableApplicationContext context = run(App.class, axis(sandbox.vdxpUrl(), VdxpSandbox.SECRET_2))) {
            Health h = health(context, "egovAxis");
            assertEquals("UP", h.getStatus().getCode(), h.toString());
        }
        try (ConfigurableApplicationContext context = run(App.class, axis(sandbox.vdxpUrl(), "wrong"))) {
            Health h = health(context, "egovAxis");
            assertEquals("DOWN", h.getStatus().getCode(), h.toString());
            assertTrue(h.getDetails().get("reason").toString().startsWith("credentials refused"), h.toString());
        }
        try (ConfigurableApplicationContext context = run(App.class, axis("http://127.0.0.1:9", "x"))) {
            Health h = health(context, "egovAxis");
            assertEquals("DOWN", h.getStatus().getCode(), h.toString());
            assertTrue(h.getDetails().get("reason").toString().startsWith("unreachable"), h.toString());
        }
    }

    @Test
    void noIndicatorWithoutAnAxisClient() {
        try (ConfigurableApplicationContext context = run(App.class)) {
            assertNull(context.getBean(HealthContributorRegistry.class).getContributor("egovAxis"));
        }
    }

    @Test
    void aCertificateNearItsEndHasItsOwnStatus(NationalSandbox sandbox) {
        key = TestPki.create(sandbox.baseUrl(), Clock.fixed(Instant.now().minus(Duration.ofDays(720)),
                ZoneOffset.UTC)).signer(TestPki.Kind.GOOD);
        try (ConfigurableApplicationContext context = run(SigningApp.class)) {
            assertEquals("CERTIFICATE_EXPIRING", health(context, "egovCertificate").getStatus().getCode());
        }
    }

    @Test
    void callsAndCallbacksAreCountedInBootsRegistry(NationalSandbox sandbox) {
        try (ConfigurableApplicationContext context = run(App.class, axis(sandbox.vdxpUrl(), VdxpSandbox.SECRET_2))) {
            assertEquals(0, context.getBean(VdxpAxisClient.class).countReceived(MessageType.EDOC));
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            Timer calls = registry.find("egov.client.calls")
                    .tags("client", "axis", "operation", "countReceiveEdoc", "outcome", "success").timer();
            assertNotNull(calls, registry.getMeters().toString());
            assertEquals(1, calls.count());
            context.publishEvent(new PaymentCallbackEvent("paygov", true, "applied"));
            assertEquals(1, registry.find("egov.payment.callbacks").tags("system", "paygov", "verified", "true")
                    .counter().count());
        }
    }
}
