package vn.egov.sdk.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.PackageHandler;
import vn.egov.sdk.axis.ReceivedPackage;
import vn.egov.sdk.axis.SendResult;
import vn.egov.sdk.axis.VdxpAxisClient;
import vn.egov.sdk.core.Secret;
import vn.egov.sdk.core.http.ClientSettings;
import vn.egov.sdk.edxml.DocumentPackage;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;
import vn.egov.sdk.testkit.VdxpSandbox;

@ExtendWith(NationalSandboxExtension.class)
class ReceiveLoopLifecycleTest {
    static final BlockingQueue<ReceivedPackage> RECEIVED = new LinkedBlockingQueue<>();

    private static ApplicationContextRunner receiver(NationalSandbox sandbox, String... more) {
        RECEIVED.clear();
        return StarterTestSupport.runner()
                .withPropertyValues("egov.axis.url=" + sandbox.vdxpUrl(), "egov.axis.system-id=" + VdxpSandbox.SYSTEM_2,
                        "egov.axis.secret=" + VdxpSandbox.SECRET_2, "egov.axis.receive.interval=100ms")
                .withPropertyValues(more);
    }

    private static SendResult sendLetter(NationalSandbox sandbox, String number) {
        try (VdxpAxisClient sender = VdxpAxisClient.builder()
                .settings(ClientSettings.builder().endpoint(sandbox.vdxpUrl()).build())
                .systemId(VdxpSandbox.SYSTEM_1).secret(Secret.of(VdxpSandbox.SECRET_1)).build()) {
            DocumentPackage letter = StarterTestSupport.letter(number);
            return sender.send(letter);
        }
    }

    @Test
    void theLoopStartsWithTheContextHandsTheDocumentOverAndStopsWithIt(NationalSandbox sandbox, @TempDir Path dir)
            throws IOException {
        Path journal = dir.resolve("checkpoints.log");
        String docId = sendLetter(sandbox, "201").docId();
        ReceiveLoopLifecycle[] lifecycle = new ReceiveLoopLifecycle[1];
        receiver(sandbox, "egov.axis.receive.enabled=true", "egov.axis.receive.checkpoint-file=" + journal)
                .withUserConfiguration(Handler.class)
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    lifecycle[0] = context.getBean(ReceiveLoopLifecycle.class);
                    assertTrue(lifecycle[0].isRunning(), "started with the context");
                    ReceivedPackage got = RECEIVED.poll(20, TimeUnit.SECONDS);
                    assertNotNull(got, "the vendor's handler got the document sent to the sandbox");
                    assertEquals(docId, got.docId());
                    assertEquals("201", ((DocumentPackage) got.pkg()).header().code().codeNumber());
                    FileCheckpointStore store = context.getBean(FileCheckpointStore.class);
                    assertSame(store, context.getBean(CheckpointStore.class));
                    VdxpAxisClient client = context.getBean(VdxpAxisClient.class);
                    awaitAcknowledged(client);
                });
        assertFalse(lifecycle[0].isRunning(), "stopped with the context");
        assertTrue(Files.size(journal) > 0, "the checkpoints went to egov.axis.receive.checkpoint-file");
        assertTrue(RECEIVED.isEmpty(), "handed over once");
    }

    @Test
    void aVendorsCheckpointStoreIsUsed(NationalSandbox sandbox) {
        String docId = sendLetter(sandbox, "202").docId();
        receiver(sandbox, "egov.axis.receive.enabled=true")
                .withUserConfiguration(Handler.class, VendorStore.class)
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertEquals(0, context.getBeanNamesForType(FileCheckpointStore.class).length);
                    assertNotNull(RECEIVED.poll(20, TimeUnit.SECONDS));
                    CheckpointStore store = context.getBean(CheckpointStore.class);
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                    while (store.find(docId).map(e -> e.state() != CheckpointState.DONE).orElse(true)
                            && System.nanoTime() < deadline) {
                        Thread.sleep(50);
                    }
                    assertEquals(CheckpointState.DONE, store.find(docId).orElseThrow().state());
                });
    }

    @Test
    void stoppingTheContextDrainsThePollInProgress(NationalSandbox sandbox) throws InterruptedException {
        String docId = sendLetter(sandbox, "203").docId();
        CountDownLatch inHandler = new CountDownLatch(1);
        AtomicBoolean handlerFinished = new AtomicBoolean();
        SlowHandler.onHandle = () -> {
            inHandler.countDown();
            Thread.sleep(1500);
            handlerFinished.set(true);
        };
        InMemoryCheckpointStore store = new InMemoryCheckpointStore();
        VendorStoreInstance.store = store;
        ReceiveLoopLifecycle[] lifecycle = new ReceiveLoopLifecycle[1];
        receiver(sandbox, "egov.axis.receive.enabled=true")
                .withUserConfiguration(SlowHandler.class, VendorStoreInstance.class)
                .run(context -> {
                    lifecycle[0] = context.getBean(ReceiveLoopLifecycle.class);
                    assertTrue(inHandler.await(20, TimeUnit.SECONDS), "the handler got the document");
                    // the context closes now, while the handler is still working
                });
        assertFalse(lifecycle[0].isRunning());
        assertTrue(handlerFinished.get(), "closing the context waited for the handler to return");
        assertEquals(CheckpointState.DONE, store.find(docId).orElseThrow().state(),
                "the poll in progress finished: handled and acknowledged before the loop stopped");
    }

    @Test
    void theStopTimeoutBoundsTheWait(NationalSandbox sandbox) throws InterruptedException {
        sendLetter(sandbox, "204");
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SlowHandler.onHandle = () -> {
            inHandler.countDown();
            release.await(20, TimeUnit.SECONDS);
        };
        VendorStoreInstance.store = new InMemoryCheckpointStore();
        long[] closedAfterMillis = new long[1];
        try {
            receiver(sandbox, "egov.axis.receive.enabled=true", "egov.axis.receive.stop-timeout=200ms")
                    .withUserConfiguration(SlowHandler.class, VendorStoreInstance.class)
                    .run(context -> {
                        assertTrue(inHandler.await(20, TimeUnit.SECONDS), "the handler got the document");
                        closedAfterMillis[0] = System.nanoTime();
                    });
            closedAfterMillis[0] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closedAfterMillis[0]);
            assertTrue(closedAfterMillis[0] < 10_000, "closed after " + closedAfterMillis[0] + " ms, not waiting "
                    + "for the stuck handler beyond egov.axis.receive.stop-timeout");
        } finally {
            release.countDown();
        }
    }

    @Test
    void noLoopWhenNotEnabledOrWithoutHandler(NationalSandbox sandbox, @TempDir Path dir) {
        receiver(sandbox, "egov.axis.receive.checkpoint-file=" + dir.resolve("c.log"))
                .withUserConfiguration(Handler.class)
                .run(context -> assertEquals(0, context.getBeanNamesForType(ReceiveLoopLifecycle.class).length));
        receiver(sandbox, "egov.axis.receive.enabled=true", "egov.axis.receive.checkpoint-file=" + dir.resolve("c.log"))
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertEquals(0, context.getBeanNamesForType(ReceiveLoopLifecycle.class).length);
                });
    }

    private static void awaitAcknowledged(VdxpAxisClient client) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (client.countReceived(MessageType.EDOC) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, client.countReceived(MessageType.EDOC), "acknowledged done, so the axis offers it no more");
    }

    @Configuration(proxyBeanMethods = false)
    static class Handler {
        @Bean
        PackageHandler handler() {
            return RECEIVED::add;
        }
    }

    interface Step {
        void run() throws Exception;
    }

    @Configuration(proxyBeanMethods = false)
    static class SlowHandler {
        static volatile Step onHandle;

        @Bean
        PackageHandler slowHandler() {
            return pkg -> onHandle.run();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class VendorStoreInstance {
        static volatile CheckpointStore store;

        @Bean
        CheckpointStore givenStore() {
            return store;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class VendorStore {
        @Bean
        CheckpointStore vendorStore() {
            return new InMemoryCheckpointStore();
        }
    }
}
