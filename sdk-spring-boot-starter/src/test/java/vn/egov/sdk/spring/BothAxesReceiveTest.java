package vn.egov.sdk.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.egov.sdk.axis.CheckpointState;
import vn.egov.sdk.axis.CheckpointStore;
import vn.egov.sdk.axis.FileCheckpointStore;
import vn.egov.sdk.axis.InMemoryCheckpointStore;
import vn.egov.sdk.axis.LgspAxisClient;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.PackageHandler;
import vn.egov.sdk.axis.ReceivedPackage;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.spring.lgsp.LgspCheckpoints;
import vn.egov.sdk.spring.lgsp.LgspPackageHandler;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.VdxpSandbox;

/**
 * Both axes configured: two receive loops, the national one on the {@code VdxpAxisClient}, the provincial one on the
 * {@code LgspAxisClient}, each with its own checkpoints and, when the application says so, its own handler.
 */
@ExtendWith(NationalSandboxExtension.class)
class BothAxesReceiveTest {
    static final BlockingQueue<ReceivedPackage> NATIONAL = new LinkedBlockingQueue<>();
    static final BlockingQueue<ReceivedPackage> PROVINCIAL = new LinkedBlockingQueue<>();
    static final List<String> DECORATED = new CopyOnWriteArrayList<>();

    private static ApplicationContextRunner bothAxes(NationalSandbox sandbox, Path dir) {
        NATIONAL.clear();
        PROVINCIAL.clear();
        DECORATED.clear();
        return EgovLgspAutoConfigurationTest.runner()
                .withPropertyValues("egov.axis.url=" + sandbox.vdxpUrl(), "egov.axis.system-id=" + VdxpSandbox.SYSTEM_2,
                        "egov.axis.secret=" + VdxpSandbox.SECRET_2, "egov.axis.receive.enabled=true",
                        "egov.axis.receive.interval=100ms",
                        "egov.axis.receive.checkpoint-file=" + dir.resolve("national.log"))
                .withPropertyValues(LgspTestSupport.receiver(sandbox))
                .withPropertyValues("egov.lgsp.receive.enabled=true", "egov.lgsp.receive.interval=100ms",
                        "egov.lgsp.receive.checkpoint-file=" + dir.resolve("provincial.log"));
    }

    private static String sendNational(NationalSandbox sandbox, String number) {
        try (VdxpAxisClient sender = VdxpAxisClient.builder()
                .settings(ClientSettings.builder().endpoint(sandbox.vdxpUrl()).build())
                .systemId(VdxpSandbox.SYSTEM_1).secret(Secret.of(VdxpSandbox.SECRET_1)).build()) {
            return sender.send(StarterTestSupport.letter(number)).docId();
        }
    }

    @Test
    void eachLoopPollsItsAxisAndHandsOverToItsHandler(NationalSandbox sandbox, @TempDir Path dir) throws Exception {
        String nationalDoc = sendNational(sandbox, "301");
        String provincialDoc = LgspTestSupport.send(sandbox, "302").docId();
        ReceiveLoopLifecycle[] loops = new ReceiveLoopLifecycle[2];
        bothAxes(sandbox, dir).withUserConfiguration(TwoHandlers.class)
                .withBean(EgovPackageHandlerDecorator.class, () -> (client, handler) -> pkg -> {
                    DECORATED.add(client.getClass().getSimpleName() + " " + pkg.docId());
                    handler.handle(pkg);
                })
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    loops[0] = context.getBean("egovReceiveLoop", ReceiveLoopLifecycle.class);
                    loops[1] = context.getBean("egovLgspReceiveLoop", ReceiveLoopLifecycle.class);
                    assertTrue(loops[0].isRunning() && loops[1].isRunning(), "both started with the context");
                    ReceivedPackage national = NATIONAL.poll(20, TimeUnit.SECONDS);
                    ReceivedPackage provincial = PROVINCIAL.poll(20, TimeUnit.SECONDS);
                    assertNotNull(national, "the national handler got the national axis's document");
                    assertNotNull(provincial, "the provincial handler got the provincial axis's document");
                    assertEquals(nationalDoc, national.docId());
                    assertEquals(provincialDoc, provincial.docId());
                    // each loop acknowledges on its own axis, so neither axis offers its document again
                    await(() -> context.getBean(VdxpAxisClient.class).countReceived(MessageType.EDOC) == 0);
                    await(() -> context.getBean(LgspAxisClient.class).countReceived(MessageType.EDOC) == 0);
                    // the national loop keeps its own store; the provincial one is not a CheckpointStore bean
                    assertEquals(1, context.getBeanNamesForType(CheckpointStore.class).length);
                    assertTrue(context.getBean(LgspCheckpoints.class).store() instanceof FileCheckpointStore);
                });
        assertFalse(loops[0].isRunning() || loops[1].isRunning(), "both stopped with the context");
        assertTrue(NATIONAL.isEmpty() && PROVINCIAL.isEmpty(), "each document handed over once, to its own handler");
        assertEquals(Set.of("VdxpAxisClient " + nationalDoc, "LgspAxisClient " + provincialDoc), Set.copyOf(DECORATED),
                "the decorators wrap each loop's handler, told its axis");
        assertTrue(Files.size(dir.resolve("national.log")) > 0 && Files.size(dir.resolve("provincial.log")) > 0);
        try (FileCheckpointStore provincial = FileCheckpointStore.open(dir.resolve("provincial.log"));
                FileCheckpointStore national = FileCheckpointStore.open(dir.resolve("national.log"))) {
            assertEquals(CheckpointState.DONE, provincial.find(provincialDoc).orElseThrow().state());
            assertTrue(provincial.find(nationalDoc).isEmpty(), "the provincial journal holds only its axis's");
            assertEquals(CheckpointState.DONE, national.find(nationalDoc).orElseThrow().state());
            assertTrue(national.find(provincialDoc).isEmpty(), "the national journal holds only its axis's");
        }
    }

    @Test
    void withOnlyAPackageHandlerBothLoopsUseIt(NationalSandbox sandbox, @TempDir Path dir) throws Exception {
        String nationalDoc = sendNational(sandbox, "303");
        String provincialDoc = LgspTestSupport.send(sandbox, "304").docId();
        bothAxes(sandbox, dir).withUserConfiguration(OneHandler.class).run(context -> {
            assertNull(context.getStartupFailure());
            ReceivedPackage first = NATIONAL.poll(20, TimeUnit.SECONDS);
            ReceivedPackage second = NATIONAL.poll(20, TimeUnit.SECONDS);
            assertNotNull(first);
            assertNotNull(second);
            assertEquals(Set.of(nationalDoc, provincialDoc), Set.of(first.docId(), second.docId()));
        });
    }

    @Test
    void theProvincialLoopAloneAndAVendorsCheckpoints(NationalSandbox sandbox) throws Exception {
        String provincialDoc = LgspTestSupport.send(sandbox, "305").docId();
        PROVINCIAL.clear();
        VendorCheckpoints.STORE = new InMemoryCheckpointStore();
        EgovLgspAutoConfigurationTest.runner()
                .withPropertyValues(LgspTestSupport.receiver(sandbox))
                .withPropertyValues("egov.lgsp.receive.enabled=true", "egov.lgsp.receive.interval=100ms")
                .withUserConfiguration(TwoHandlers.class, VendorCheckpoints.class)
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertEquals(0, context.getBeanNamesForType(VdxpAxisClient.class).length);
                    assertEquals(1, context.getBeanNamesForType(ReceiveLoopLifecycle.class).length);
                    assertSame(VendorCheckpoints.STORE, context.getBean(LgspCheckpoints.class).store());
                    assertEquals(provincialDoc, PROVINCIAL.poll(20, TimeUnit.SECONDS).docId());
                    await(() -> VendorCheckpoints.STORE.find(provincialDoc)
                            .map(e -> e.state() == CheckpointState.DONE).orElse(false));
                    assertTrue(NATIONAL.isEmpty());
                });
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static void await(Check check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!check.ok()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(50);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoHandlers {
        @Bean
        PackageHandler nationalHandler() {
            return NATIONAL::add;
        }

        @Bean
        LgspPackageHandler provincialHandler() {
            return PROVINCIAL::add;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OneHandler {
        @Bean
        PackageHandler handler() {
            return NATIONAL::add;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class VendorCheckpoints {
        static volatile InMemoryCheckpointStore STORE;

        @Bean
        LgspCheckpoints lgspCheckpoints() {
            return LgspCheckpoints.of(STORE);
        }
    }
}
