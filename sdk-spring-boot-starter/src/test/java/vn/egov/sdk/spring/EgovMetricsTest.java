package vn.egov.sdk.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.egov.sdk.axis.CheckpointStore;
import vn.egov.sdk.axis.InMemoryCheckpointStore;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.PackageHandler;
import vn.egov.sdk.axis.SendResult;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.spring.actuate.EgovMetricsAutoConfiguration;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.VdxpSandbox;

@ExtendWith(NationalSandboxExtension.class)
class EgovMetricsTest {
    /** Every tag key the starter's meters may carry. */
    private static final Set<String> TAG_KEYS = Set.of("client", "operation", "outcome", "axis", "system", "verified");

    private static ApplicationContextRunner runner() {
        return StarterTestSupport.runner()
                .withConfiguration(AutoConfigurations.of(EgovMetricsAutoConfiguration.class))
                .withUserConfiguration(Registry.class);
    }

    private static ApplicationContextRunner axis(NationalSandbox sandbox, String system, String secret) {
        return runner().withPropertyValues("egov.axis.url=" + sandbox.vdxpUrl(), "egov.axis.system-id=" + system,
                "egov.axis.secret=" + secret);
    }

    private static double count(MeterRegistry registry, String name, String... tags) {
        Search s = registry.find(name).tags(tags);
        return s.timers().stream().mapToDouble(Timer::count).sum()
                + s.counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** Every egov.* meter has only the documented tag keys, and no tag value holds an id or URL. */
    private static void assertBoundedTags(MeterRegistry registry, Set<String> forbidden) {
        for (Meter m : registry.getMeters()) {
            if (!m.getId().getName().startsWith("egov.")) {
                continue;
            }
            for (Tag t : m.getId().getTags()) {
                assertTrue(TAG_KEYS.contains(t.getKey()), m.getId() + " has tag " + t.getKey());
                assertFalse(t.getValue().contains("://") || t.getValue().contains("?"), m.getId().toString());
                for (String f : forbidden) {
                    assertFalse(t.getValue().contains(f), m.getId() + " carries " + f);
                }
            }
        }
    }

    @Test
    void callsRetriesLatencyAndSendsOfTheAxisClient(NationalSandbox sandbox) {
        sandbox.faults().on("/vdxp/countReceiveEdoc").status(503);
        axis(sandbox, VdxpSandbox.SYSTEM_1, VdxpSandbox.SECRET_1).run(context -> {
            assertNull(context.getStartupFailure());
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            VdxpAxisClient client = context.getBean(VdxpAxisClient.class);

            assertEquals(0, client.countReceived(MessageType.EDOC), "the second attempt succeeds");
            assertEquals(1, count(registry, "egov.client.calls", "client", "axis", "operation", "countReceiveEdoc",
                    "outcome", "server_error"));
            assertEquals(1, count(registry, "egov.client.calls", "client", "axis", "operation", "countReceiveEdoc",
                    "outcome", "success"));
            assertEquals(1, count(registry, "egov.client.retries", "client", "axis", "operation",
                    "countReceiveEdoc"));
            Timer ok = registry.find("egov.client.calls").tags("operation", "countReceiveEdoc", "outcome", "success")
                    .timer();
            assertTrue(ok.totalTime(TimeUnit.NANOSECONDS) > 0, "the attempt's latency is recorded");

            SendResult sent = client.send(StarterTestSupport.letter("301"));
            assertEquals(1, count(registry, "egov.documents.sent", "axis", "axis", "outcome", "sent"));
            assertEquals(1, count(registry, "egov.client.calls", "client", "axis", "operation", "sendEdoc",
                    "outcome", "success"));
            assertBoundedTags(registry, Set.of(sent.docId(), VdxpSandbox.SYSTEM_1));
        });
    }

    @Test
    void aRefusedCallIsAClientErrorAndANetworkFailureIsCounted(NationalSandbox sandbox) {
        axis(sandbox, VdxpSandbox.SYSTEM_1, "wrong-secret").run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            VdxpAxisClient client = context.getBean(VdxpAxisClient.class);
            try {
                client.countReceived(MessageType.EDOC);
            } catch (RuntimeException expected) {
                // refused credentials
            }
            assertEquals(0, count(registry, "egov.client.calls", "outcome", "success"));
            assertTrue(count(registry, "egov.client.calls", "client", "axis", "outcome", "client_error") >= 1,
                    ((SimpleMeterRegistry) registry).getMetersAsString());
        });
        sandbox.faults().on("/vdxp/getAgenciesList").always().connectionReset();
        axis(sandbox, VdxpSandbox.SYSTEM_1, VdxpSandbox.SECRET_1).run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            try {
                context.getBean(VdxpAxisClient.class).agencies(vn.egov.sdk.axis.CodeSystem.QCVN_102);
            } catch (RuntimeException expected) {
                // the connection is reset on every attempt
            }
            double failures = count(registry, "egov.client.calls", "operation", "getAgenciesList", "outcome",
                    "network_error");
            assertTrue(failures >= 2, ((SimpleMeterRegistry) registry).getMetersAsString());
            assertEquals(failures - 1, count(registry, "egov.client.retries", "operation", "getAgenciesList"));
        });
    }

    @Test
    void aSendTheAxisRefusesIsCountedRefused(NationalSandbox sandbox) {
        axis(sandbox, VdxpSandbox.SYSTEM_1, VdxpSandbox.SECRET_1).run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            vn.egov.sdk.edxml.MessageHeader header = vn.egov.sdk.edxml.MessageHeader.builder()
                    .from(vn.egov.sdk.edxml.Organization.of(VdxpSandbox.ORGAN_1, "Văn phòng Chính phủ"))
                    .addTo(vn.egov.sdk.edxml.Organization.of("000.00.00.Z99", "Không có trên trục"))
                    .code("303", "VPCP-TTĐT")
                    .promulgation("Hà Nội", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")))
                    .subject("V/v gửi tới nơi không có")
                    .build();
            vn.egov.sdk.edxml.DocumentPackage letter = vn.egov.sdk.edxml.EdXmlPackages.newDocument(header,
                    vn.egov.sdk.edxml.StaffInfo.of("Văn thư", "Nguyễn Thị A", "vanthu@example.gov.vn", "0912000001"),
                    java.util.List.of(), java.time.Clock.systemUTC());
            RuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                    () -> context.getBean(VdxpAxisClient.class).send(letter));
            assertEquals(1, count(registry, "egov.documents.sent", "axis", "axis", "outcome", "refused"),
                    refused + "\n" + ((SimpleMeterRegistry) registry).getMetersAsString());
            assertEquals(0, count(registry, "egov.documents.sent", "outcome", "sent"));
        });
    }

    @Test
    void documentsReceivedThroughTheLoopByOutcome(NationalSandbox sandbox) throws Exception {
        sendAsSystem1(sandbox, "302");
        axis(sandbox, VdxpSandbox.SYSTEM_2, VdxpSandbox.SECRET_2)
                .withPropertyValues("egov.axis.receive.enabled=true", "egov.axis.receive.interval=100ms")
                .withUserConfiguration(FailingOnceHandler.class)
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (count(registry, "egov.documents.received", "outcome", "handled") < 1
                            && System.nanoTime() < deadline) {
                        Thread.sleep(50);
                    }
                    assertEquals(1, count(registry, "egov.documents.received", "axis", "axis", "outcome", "failed"),
                            "the first attempt threw");
                    assertEquals(1, count(registry, "egov.documents.received", "axis", "axis", "outcome",
                            "handled"), "the second attempt was handled");
                    assertEquals(2, FailingOnceHandler.SEEN_BY_VENDOR_DECORATOR.get(),
                            "the application's own decorator wraps the handler too");
                    assertBoundedTags(registry, Set.of());
                });
    }

    @Test
    void paymentCallbacksBySystemVerifiedAndOutcome() {
        runner().run(context -> {
            context.publishEvent(new PaymentCallbackEvent("dvcqg", true, "applied"));
            context.publishEvent(new PaymentCallbackEvent("dvcqg", true, "applied"));
            context.publishEvent(new PaymentCallbackEvent("keypay", false, "refused"));
            context.publishEvent(new PaymentCallbackEvent("TX-123456", false, "amount 5000"));
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertEquals(2, count(registry, "egov.payment.callbacks", "system", "dvcqg", "verified", "true",
                    "outcome", "applied"));
            assertEquals(1, count(registry, "egov.payment.callbacks", "system", "keypay", "verified", "false",
                    "outcome", "refused"));
            assertEquals(1, count(registry, "egov.payment.callbacks", "system", "other", "verified", "false",
                    "outcome", "other"), "values outside the documented few do not become tags");
            assertBoundedTags(registry, Set.of("TX-123456", "5000"));
        });
    }

    @Test
    void theOperationTagStaysBoundedWhateverThePaths(NationalSandbox sandbox) {
        axis(sandbox, VdxpSandbox.SYSTEM_1, VdxpSandbox.SECRET_1).run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            vn.egov.sdk.spring.actuate.internal.ClientMetricsInterceptor interceptor =
                    new vn.egov.sdk.spring.actuate.internal.ClientMetricsInterceptor("dossier", registry);
            for (int i = 0; i < 200; i++) {
                vn.egov.sdk.core.http.ApiRequest r = vn.egov.sdk.core.http.ApiRequest.get(
                        "https://portal.example.gov.vn/api/op" + (char) ('a' + i % 26) + (char) ('a' + i / 26)
                                + "/H12.34-" + i + "?maHoSo=" + i);
                vn.egov.sdk.core.http.AttemptContext ctx = new vn.egov.sdk.core.http.AttemptContext("c" + i, 1,
                        java.util.Optional.empty(), java.time.Instant.now());
                interceptor.afterAttempt(interceptor.beforeAttempt(r, ctx),
                        new vn.egov.sdk.core.http.ApiResponse(200, Map.of(), new byte[0]), ctx);
            }
            Set<String> operations = registry.find("egov.client.calls").tag("client", "dossier").timers().stream()
                    .map(t -> t.getId().getTag("operation")).collect(Collectors.toCollection(HashSet::new));
            assertEquals(vn.egov.sdk.spring.actuate.internal.OperationNames.MAX + 1, operations.size(),
                    operations.toString());
            assertTrue(operations.contains("opaa/{id}"), operations.toString());
            assertTrue(operations.contains("other"), operations.toString());
            assertEquals(200, count(registry, "egov.client.calls", "client", "dossier"));
            assertBoundedTags(registry, Set.of("H12", "maHoSo"));
        });
    }

    @Test
    void withoutARegistryTheClientsWorkUnmeasured(NationalSandbox sandbox) {
        StarterTestSupport.runner()
                .withConfiguration(AutoConfigurations.of(EgovMetricsAutoConfiguration.class))
                .withPropertyValues("egov.axis.url=" + sandbox.vdxpUrl(), "egov.axis.system-id=" + VdxpSandbox.SYSTEM_1,
                        "egov.axis.secret=" + VdxpSandbox.SECRET_1)
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertEquals(0, context.getBeanNamesForType(MeterRegistry.class).length);
                    assertEquals(0, context.getBean(VdxpAxisClient.class).countReceived(MessageType.EDOC));
                });
    }

    private static void sendAsSystem1(NationalSandbox sandbox, String number) {
        try (VdxpAxisClient sender = VdxpAxisClient.builder()
                .settings(vn.egov.sdk.core.http.ClientSettings.builder().endpoint(sandbox.vdxpUrl()).build())
                .systemId(VdxpSandbox.SYSTEM_1).secret(vn.egov.sdk.core.Secret.of(VdxpSandbox.SECRET_1)).build()) {
            sender.send(StarterTestSupport.letter(number));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registry {
        @Bean
        SimpleMeterRegistry registry() {
            return new SimpleMeterRegistry();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class FailingOnceHandler {
        static final java.util.concurrent.atomic.AtomicInteger SEEN_BY_VENDOR_DECORATOR =
                new java.util.concurrent.atomic.AtomicInteger();

        @Bean
        EgovPackageHandlerDecorator vendorDecorator() {
            SEEN_BY_VENDOR_DECORATOR.set(0);
            return (client, handler) -> pkg -> {
                SEEN_BY_VENDOR_DECORATOR.incrementAndGet();
                handler.handle(pkg);
            };
        }

        @Bean
        PackageHandler handler() {
            return pkg -> {
                if (pkg.attempt() == 1) {
                    throw new IllegalStateException("the database is briefly away");
                }
            };
        }

        @Bean
        CheckpointStore store() {
            return new InMemoryCheckpointStore();
        }
    }
}
