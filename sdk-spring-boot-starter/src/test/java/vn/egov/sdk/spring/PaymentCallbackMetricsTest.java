package vn.egov.sdk.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import vn.egov.sdk.payment.PaymentOrder;
import vn.egov.sdk.payment.PaymentStart;
import vn.egov.sdk.payment.dvcqg.DvcqgPaymentPlatformClient;
import vn.egov.sdk.spring.actuate.EgovMetricsAutoConfiguration;
import vn.egov.sdk.spring.payment.EgovPaymentAutoConfiguration;
import vn.egov.sdk.spring.payment.EgovPaymentCallbackAutoConfiguration;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;

/** The payment slice's callback endpoint and the metrics together: callbacks and the gateway client's calls. */
@ExtendWith(NationalSandboxExtension.class)
class PaymentCallbackMetricsTest {
    private static final String DVCQG_PATH = "/egov/payment/dvcqg/callback";

    @Test
    void aPaidAndAForgedCallbackAreCountedAndTheGatewayCallsMeasured(NationalSandbox sandbox) {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EgovAxisAutoConfiguration.class,
                        EgovPaymentAutoConfiguration.class, EgovPaymentCallbackAutoConfiguration.class,
                        EgovMetricsAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
                        WebMvcAutoConfiguration.class))
                .withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues(EgovPaymentAutoConfigurationTest.dvcqg(sandbox))
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
                    try (MockMvcBridge bridge = MockMvcBridge.start(mvc)) {
                        sandbox.dvcqgPay().callbackUrl(bridge.url(DVCQG_PATH));
                        PaymentStart start = context.getBean(DvcqgPaymentPlatformClient.class)
                                .create(PaymentOrder.of("H41.01-261207-0901", 150_000, "Lệ phí thử nghiệm"));
                        assertTrue(sandbox.dvcqgPay().pay(start.reference()));
                        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                        while (registry.find("egov.payment.callbacks").counters().isEmpty()
                                && System.nanoTime() < end) {
                            Thread.sleep(20);
                        }
                        mvc.perform(post(DVCQG_PATH).contentType("application/json")
                                .content("{\"MaXacThuc\":\"forged\"}".getBytes(StandardCharsets.UTF_8)));
                    }
                    assertEquals(1.0, registry.find("egov.payment.callbacks")
                            .tags("system", "dvcqg", "verified", "true", "outcome", "applied").counter().count(),
                            registry.getMeters().toString());
                    assertEquals(1.0, registry.find("egov.payment.callbacks")
                            .tags("system", "dvcqg", "verified", "false", "outcome", "refused").counter().count());
                    assertTrue(registry.find("egov.client.calls").tags("client", "payment-dvcqg", "outcome", "success")
                            .timers().stream().mapToLong(t -> t.count()).sum() >= 1,
                            "the gateway client's calls are measured too");
                });
    }
}
