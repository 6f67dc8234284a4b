package vn.egov.sdk.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ApiRequest;
import vn.egov.sdk.core.http.AttemptContext;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.core.http.HttpInterceptor;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.VdxpSandbox;

@ExtendWith(NationalSandboxExtension.class)
class EgovAxisAutoConfigurationTest {

    @Test
    void noAxisClientWithoutUrl() {
        StarterTestSupport.runner().run(context -> {
            assertEquals(null, context.getStartupFailure());
            assertEquals(0, context.getBeanNamesForType(VdxpAxisClient.class).length);
            assertEquals(0, context.getBeanNamesForType(ReceiveLoopLifecycle.class).length);
            assertEquals(1, context.getBeanNamesForType(EgovProperties.class).length);
        });
    }

    @Test
    void axisClientFromPropertiesTalksToTheAxis(NationalSandbox sandbox) {
        StarterTestSupport.runner()
                .withPropertyValues("egov.axis.url=" + sandbox.vdxpUrl(), "egov.axis.system-id=" + VdxpSandbox.SYSTEM_2,
                        "egov.axis.secret=" + VdxpSandbox.SECRET_2, "egov.axis.connect-timeout=2s",
                        "egov.axis.read-timeout=5s", "egov.axis.deadline=20s")
                .run(context -> {
                    assertEquals(null, context.getStartupFailure());
                    VdxpAxisClient client = context.getBean(VdxpAxisClient.class);
                    // a signed call the sandbox accepts only with this system's id and secret
                    assertEquals(0, client.countReceived(MessageType.EDOC));
                    EgovProperties.Axis axis = context.getBean(EgovProperties.class).getAxis();
                    assertEquals(Duration.ofSeconds(2), axis.getConnectTimeout());
                    assertEquals(Duration.ofSeconds(20), axis.getDeadline());
                    assertTrue(axis.getSecret().matches(VdxpSandbox.SECRET_2));
                });
    }

    @Test
    void vendorsOwnClientWins(NationalSandbox sandbox) {
        StarterTestSupport.runner()
                .withPropertyValues("egov.axis.url=" + sandbox.vdxpUrl(), "egov.axis.system-id=ignored",
                        "egov.axis.secret=ignored")
                .withUserConfiguration(VendorClient.class)
                .run(context -> {
                    assertEquals(null, context.getStartupFailure());
                    assertEquals(1, context.getBeanNamesForType(VdxpAxisClient.class).length);
                    assertSame(context.getBean("vendorAxis"), context.getBean(VdxpAxisClient.class));
                });
    }

    @Test
    void theSecretBindsFromTheEnvironment(NationalSandbox sandbox) {
        StarterTestSupport.runner()
                .withInitializer(EnvironmentSecret.of("EGOV_AXIS_SECRET", VdxpSandbox.SECRET_2))
                .withPropertyValues("egov.axis.url=" + sandbox.vdxpUrl(), "egov.axis.system-id=" + VdxpSandbox.SYSTEM_2)
                .run(context -> {
                    assertEquals(null, context.getStartupFailure());
                    assertEquals(Secret.of(VdxpSandbox.SECRET_2),
                            context.getBean(EgovProperties.class).getAxis().getSecret());
                    assertEquals(0, context.getBean(VdxpAxisClient.class).countReceived(MessageType.EDOC));
                });
    }

    @Test
    void theClientIsClosedWithTheContext(NationalSandbox sandbox) {
        StarterTestSupport.runner()
                .withPropertyValues("egov.axis.url=" + sandbox.vdxpUrl(), "egov.axis.system-id=" + VdxpSandbox.SYSTEM_2,
                        "egov.axis.secret=" + VdxpSandbox.SECRET_2)
                .run(context -> {
                    AbstractBeanDefinition definition = (AbstractBeanDefinition) context.getBeanFactory()
                            .getBeanDefinition("egovAxisClient");
                    assertEquals(List.of("close"), List.of(definition.getDestroyMethodNames()));
                });
    }

    @Test
    void customizersSeeEveryAttemptOfTheAxisClient(NationalSandbox sandbox) {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        StarterTestSupport.runner()
                .withPropertyValues("egov.axis.url=" + sandbox.vdxpUrl(), "egov.axis.system-id=" + VdxpSandbox.SYSTEM_2,
                        "egov.axis.secret=" + VdxpSandbox.SECRET_2)
                .withBean("auditCustomizer", EgovClientCustomizer.class,
                        () -> (client, settings) -> settings.addInterceptor(new HttpInterceptor() {
                            @Override
                            public ApiRequest beforeAttempt(ApiRequest request, AttemptContext attempt) {
                                seen.add(client);
                                return request;
                            }
                        }))
                .run(context -> {
                    assertEquals(null, context.getStartupFailure());
                    context.getBean(VdxpAxisClient.class).countReceived(MessageType.EDOC);
                    assertTrue(!seen.isEmpty() && seen.stream().allMatch("axis"::equals), seen.toString());
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class VendorClient {
        @Bean
        VdxpAxisClient vendorAxis(org.springframework.core.env.Environment env) {
            return VdxpAxisClient.builder()
                    .settings(ClientSettings.builder().endpoint(env.getProperty("egov.axis.url")).build())
                    .systemId(VdxpSandbox.SYSTEM_1).secret(Secret.of(VdxpSandbox.SECRET_1)).build();
        }
    }
}
