package com.example.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.egov.sdk.axis.CheckpointStore;
import vn.egov.sdk.axis.InMemoryCheckpointStore;
import vn.egov.sdk.axis.PackageHandler;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.spring.EgovProperties;
import vn.egov.sdk.spring.ReceiveLoopLifecycle;
import vn.egov.sdk.spring.identity.EgovSsoProperties;
import vn.egov.sdk.identity.DvcqgOidcClient;
import vn.egov.sdk.identity.PendingLoginStore;

/** The starter, compiled against Boot 3.5, in a Boot 4.0 application: found, bound, validated, run. */
class StarterOnBoot4Test {
    private static final String[] AXIS = {"egov.axis.url=http://127.0.0.1:9", "egov.axis.system-id=vendor.system",
            "egov.axis.secret=vendor-secret", "egov.axis.read-timeout=7s"};

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class ReceivingApp {
        @Bean
        PackageHandler handler() {
            return pkg -> { };
        }

        @Bean
        CheckpointStore checkpoints() {
            return new InMemoryCheckpointStore();
        }
    }

    private static ConfigurableApplicationContext run(Class<?> app, String... properties) {
        return new SpringApplicationBuilder(app).web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .properties(properties).run();
    }

    @Test
    void runsOnBoot4() {
        assertEquals(System.getProperty("expected.spring-boot.version"), SpringBootVersion.getVersion());
    }

    @Test
    void theAxisClientExistsOnlyWhenConfigured() {
        try (ConfigurableApplicationContext context = run(App.class)) {
            assertEquals(0, context.getBeanNamesForType(VdxpAxisClient.class).length);
        }
        try (ConfigurableApplicationContext context = run(App.class, AXIS)) {
            assertEquals(1, context.getBeanNamesForType(VdxpAxisClient.class).length);
            EgovProperties properties = context.getBean(EgovProperties.class);
            assertEquals(Duration.ofSeconds(7), properties.getAxis().getReadTimeout());
            assertTrue(properties.getAxis().getSecret().matches("vendor-secret"));
            assertFalse(properties.toString().contains("vendor-secret"));
        }
    }

    @Test
    void aBrokenPropertyStopsStartUpNamingIt() {
        Exception e = assertThrows(Exception.class, () -> run(App.class, "egov.axis.url=ftp://axis"));
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("egov.axis.system-id is required when egov.axis.url is set"),
                messages.toString());
    }

    @Test
    void theReceiveLoopStartsAndStopsWithTheContext() {
        ReceiveLoopLifecycle loop;
        try (ConfigurableApplicationContext context = run(ReceivingApp.class, AXIS[0], AXIS[1], AXIS[2],
                "egov.axis.receive.enabled=true", "egov.axis.receive.interval=1h")) {
            loop = context.getBean(ReceiveLoopLifecycle.class);
            assertTrue(loop.isRunning());
        }
        assertFalse(loop.isRunning());
    }

    @Test
    void theSsoLoginClientAndItsStoreExistOnlyWhenConfigured() {
        try (ConfigurableApplicationContext context = run(App.class)) {
            assertEquals(0, context.getBeanNamesForType(DvcqgOidcClient.class).length);
        }
        try (ConfigurableApplicationContext context = run(App.class, "egov.sso.preset=dvcqg-test",
                "egov.sso.client-id=vendor-portal", "egov.sso.client-secret=vendor-sso-secret",
                "egov.sso.redirect-uri=https://portal.example/login/callback")) {
            DvcqgOidcClient client = context.getBean(DvcqgOidcClient.class);
            assertTrue(client.provider().issuer().startsWith("https://testxacthuc.dichvucong.gov.vn"));
            assertEquals(1, context.getBeanNamesForType(PendingLoginStore.class).length);
            assertFalse(context.getBean(EgovSsoProperties.class).toString().contains("vendor-sso-secret"));
        }
        Exception e = assertThrows(Exception.class, () -> run(App.class, "egov.sso.client-id=vendor-portal",
                "egov.sso.preset=dvcqg-test"));
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("egov.sso.redirect-uri is required when egov.sso.client-id is set"),
                messages.toString());
    }
}
