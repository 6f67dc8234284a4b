package vn.egov.sdk.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.egov.sdk.axis.DocumentAxisClient;
import vn.egov.sdk.axis.LgspAxisClient;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.PackageHandler;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.AuthenticationException;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.AttemptContext;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.HttpInterceptor;
import vn.egov.sdk.spring.lgsp.EgovLgspAutoConfiguration;
import vn.egov.sdk.spring.lgsp.EgovLgspProperties;
import vn.egov.sdk.spring.lgsp.EgovLgspReceiveAutoConfiguration;
import vn.egov.sdk.spring.lgsp.LgspCheckpoints;
import vn.egov.sdk.testkit.LgspSandbox;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;

/** The provincial axis client from {@code egov.lgsp.*}: only when configured, validated, against the sandbox. */
@ExtendWith(NationalSandboxExtension.class)
class EgovLgspAutoConfigurationTest {
    private static final String SECRET = "lgsp-s3cr3t-never-printed-9K";

    static ApplicationContextRunner runner() {
        return StarterTestSupport.runner().withConfiguration(
                AutoConfigurations.of(EgovLgspAutoConfiguration.class, EgovLgspReceiveAutoConfiguration.class));
    }

    private static String failure(String... properties) {
        String[] out = new String[1];
        runner().withPropertyValues(properties).run(context -> {
            assertNotNull(context.getStartupFailure(), "start-up must fail");
            out[0] = StarterTestSupport.messages(context.getStartupFailure());
        });
        return out[0];
    }

    @Test
    void noLgspClientWithoutUrl() {
        runner().withPropertyValues("egov.lgsp.receive.checkpoint-file=ignored.log").run(context -> {
            assertNull(context.getStartupFailure());
            assertEquals(0, context.getBeanNamesForType(LgspAxisClient.class).length);
            assertEquals(0, context.getBeanNamesForType(LgspCheckpoints.class).length);
            assertEquals(0, context.getBeanNamesForType(ReceiveLoopLifecycle.class).length);
            assertEquals(1, context.getBeanNamesForType(EgovLgspProperties.class).length);
        });
    }

    @Test
    void lgspClientFromPropertiesTalksToTheAxisThroughTheCustomizers(NationalSandbox sandbox) {
        List<String> seen = new CopyOnWriteArrayList<>();
        runner().withPropertyValues(LgspTestSupport.receiver(sandbox))
                .withPropertyValues("egov.lgsp.connect-timeout=2s", "egov.lgsp.read-timeout=5s",
                        "egov.lgsp.deadline=20s", "egov.lgsp.look-back=7d")
                .withBean("auditCustomizer", EgovClientCustomizer.class,
                        () -> (client, settings) -> settings.addInterceptor(new HttpInterceptor() {
                            @Override
                            public ApiRequest beforeAttempt(ApiRequest request, AttemptContext attempt) {
                                seen.add(client);
                                return request;
                            }
                        }))
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    LgspAxisClient client = context.getBean(LgspAxisClient.class);
                    int logins = sandbox.lgsp().logins();
                    // a login with the account, then a call the sandbox answers only for this system's key
                    assertEquals(0, client.countReceived(MessageType.EDOC));
                    assertEquals(logins + 1, sandbox.lgsp().logins());
                    assertTrue(!seen.isEmpty() && seen.stream().allMatch("lgsp"::equals), seen.toString());
                    assertEquals(0, context.getBeanNamesForType(VdxpAxisClient.class).length);
                    AbstractBeanDefinition definition = (AbstractBeanDefinition) context.getBeanFactory()
                            .getBeanDefinition("egovLgspClient");
                    assertEquals(List.of("close"), List.of(definition.getDestroyMethodNames()));
                });
    }

    @Test
    void aWrongSecretKeyIsRefusedByTheAxis(NationalSandbox sandbox) {
        runner().withPropertyValues(LgspTestSupport.receiver(sandbox))
                .withPropertyValues("egov.lgsp.secret-key=not-the-key")
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    LgspAxisClient client = context.getBean(LgspAxisClient.class);
                    assertThrows(AuthenticationException.class, () -> client.countReceived(MessageType.EDOC));
                });
    }

    @Test
    void theSecretsBindFromTheEnvironment(NationalSandbox sandbox) {
        String[] props = LgspTestSupport.receiver(sandbox);
        runner().withInitializer(EnvironmentSecret.of("EGOV_LGSP_SECRET_KEY", LgspSandbox.SYSTEM_2_SECRET_KEY))
                .withPropertyValues(props[0], props[1], props[2], props[3], props[4])
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    EgovLgspProperties p = context.getBean(EgovLgspProperties.class);
                    assertTrue(p.getSecretKey().matches(LgspSandbox.SYSTEM_2_SECRET_KEY));
                    assertEquals(0, context.getBean(LgspAxisClient.class).countReceived(MessageType.EDOC));
                });
    }

    @Test
    void vendorsOwnClientWins(NationalSandbox sandbox) {
        runner().withPropertyValues(LgspTestSupport.receiver(sandbox))
                .withUserConfiguration(VendorClient.class)
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertEquals(1, context.getBeanNamesForType(LgspAxisClient.class).length);
                    assertSame(context.getBean("vendorLgsp"), context.getBean(LgspAxisClient.class));
                });
    }

    @Test
    void urlWithoutCredentialsNamesEveryMissingProperty() {
        String m = failure("egov.lgsp.url=https://lgsp.example.gov.vn");
        for (String property : List.of("username", "application-code", "system-id")) {
            assertTrue(m.contains("egov.lgsp." + property + " is required when egov.lgsp.url is set"), m);
        }
        assertTrue(m.contains("egov.lgsp.password is required when egov.lgsp.url is set (bind it from "
                + "EGOV_LGSP_PASSWORD)"), m);
        assertTrue(m.contains("egov.lgsp.secret-key is required when egov.lgsp.url is set (bind it from "
                + "EGOV_LGSP_SECRET_KEY)"), m);
    }

    @Test
    void brokenValuesAreNamed() {
        String m = failure("egov.lgsp.url=ftp://lgsp.example.gov.vn", "egov.lgsp.username=u",
                "egov.lgsp.password=" + SECRET, "egov.lgsp.application-code=QLVB", "egov.lgsp.system-id=s",
                "egov.lgsp.secret-key=" + SECRET, "egov.lgsp.read-timeout=0s", "egov.lgsp.look-back=400d",
                "egov.lgsp.receive.interval=-1s", "egov.lgsp.receive.max-attempts=-2",
                "egov.lgsp.receive.stop-timeout=-1s");
        assertTrue(m.contains("egov.lgsp.url must be an absolute http or https URL (got 'ftp://lgsp.example.gov.vn')"),
                m);
        assertTrue(m.contains("egov.lgsp.read-timeout must be positive (got PT0S)"), m);
        assertTrue(m.contains("egov.lgsp.look-back must be 0 to 366 days (got PT9600H)"), m);
        assertTrue(m.contains("egov.lgsp.receive.interval must be positive (got PT-1S)"), m);
        assertTrue(m.contains("egov.lgsp.receive.max-attempts must be 0 or more (got -2)"), m);
        assertTrue(m.contains("egov.lgsp.receive.stop-timeout must be 0 or more (got PT-1S)"), m);
        assertFalse(m.contains(SECRET), m);
    }

    @Test
    void receiveEnabledWithoutUrlIsNamed() {
        String m = failure("egov.lgsp.receive.enabled=true");
        assertTrue(m.contains("egov.lgsp.url is required when egov.lgsp.receive.enabled=true"), m);
    }

    @Test
    void receiveWithoutCheckpointFileNamesTheProperty(NationalSandbox sandbox) {
        runner().withPropertyValues(LgspTestSupport.receiver(sandbox))
                .withPropertyValues("egov.lgsp.receive.enabled=true")
                .withBean(PackageHandler.class, () -> pkg -> { })
                .run(context -> {
                    Throwable root = context.getStartupFailure();
                    assertNotNull(root);
                    while (root.getCause() != null) {
                        root = root.getCause();
                    }
                    ValidationException e = (ValidationException) root;
                    assertEquals("egov.lgsp.receive.checkpoint-file", e.errors().get(0).path());
                    assertTrue(e.getMessage().contains("egov.lgsp.receive.checkpoint-file is required when "
                            + "egov.lgsp.receive.enabled=true and no LgspCheckpoints bean is defined"), e.getMessage());
                });
    }

    @Test
    void theSecretsAreNeverPrinted(NationalSandbox sandbox) {
        runner().withPropertyValues("egov.lgsp.url=" + sandbox.lgspUrl(), "egov.lgsp.username=u",
                "egov.lgsp.password=" + SECRET, "egov.lgsp.application-code=QLVB", "egov.lgsp.system-id=s",
                "egov.lgsp.secret-key=" + SECRET)
                .run(context -> {
                    EgovLgspProperties p = context.getBean(EgovLgspProperties.class);
                    assertTrue(p.getPassword().matches(SECRET));
                    assertFalse(p.toString().contains(SECRET), p.toString());
                    assertTrue(p.toString().contains("password=***") && p.toString().contains("secretKey=***"),
                            p.toString());
                });
    }

    @Test
    void noLoopWithoutHandlerOrWhenNotEnabled(NationalSandbox sandbox, @TempDir Path dir) {
        runner().withPropertyValues(LgspTestSupport.receiver(sandbox))
                .withPropertyValues("egov.lgsp.receive.enabled=true",
                        "egov.lgsp.receive.checkpoint-file=" + dir.resolve("lgsp.log"))
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertEquals(0, context.getBeanNamesForType(ReceiveLoopLifecycle.class).length);
                });
        runner().withPropertyValues(LgspTestSupport.receiver(sandbox))
                .withPropertyValues("egov.lgsp.receive.checkpoint-file=" + dir.resolve("lgsp.log"))
                .withBean(PackageHandler.class, () -> pkg -> { })
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertEquals(0, context.getBeanNamesForType(ReceiveLoopLifecycle.class).length);
                    assertEquals(1, context.getBeanNamesForType(DocumentAxisClient.class).length);
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class VendorClient {
        @Bean
        LgspAxisClient vendorLgsp(org.springframework.core.env.Environment env) {
            return LgspAxisClient.builder()
                    .settings(ClientSettings.builder().endpoint(env.getProperty("egov.lgsp.url")).build())
                    .login(LgspSandbox.ADMIN_USERNAME, Secret.of(LgspSandbox.ADMIN_PASSWORD),
                            LgspSandbox.APPLICATION_CODE)
                    .system(LgspSandbox.SYSTEM_1_ID, Secret.of(LgspSandbox.SYSTEM_1_SECRET_KEY)).build();
        }
    }
}
