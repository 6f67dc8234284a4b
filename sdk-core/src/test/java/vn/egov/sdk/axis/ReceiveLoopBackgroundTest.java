package vn.egov.sdk.axis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.testsupport.LogCapture;

class ReceiveLoopBackgroundTest {
    /** Records each delay asked for and waits 1 ms instead, so the test never sleeps for long. */
    static final class RecordingExecutor extends ScheduledThreadPoolExecutor {
        final List<Duration> delays = new CopyOnWriteArrayList<>();

        RecordingExecutor() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            delays.add(Duration.ofNanos(unit.toNanos(delay)));
            return super.schedule(command, 1, TimeUnit.MILLISECONDS);
        }
    }

    private final RecordingExecutor executor = new RecordingExecutor();
    private final ReceiveLoopFakeAxis axis = new ReceiveLoopFakeAxis();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void keepsRunningAfterTransportErrorsWithBackoff() throws Exception {
        axis.offer("d1", MessageType.EDOC, ReceiveLoopTestPackages.document("1"));
        for (int i = 0; i < 4; i++) {
            axis.failListOnce(ReceiveLoopFakeAxis.networkDown());
        }
        axis.failListOnce(new IllegalStateException("not a transport error either"));
        CountDownLatch handled = new CountDownLatch(1);
        Duration s = Duration.ofSeconds(10);
        try (ReceiveLoop loop = ReceiveLoop.builder(axis, new InMemoryCheckpointStore(), pkg -> handled.countDown())
                .interval(s).maxBackoff(Duration.ofSeconds(60)).executor(executor).build()) {
            loop.start();
            assertTrue(handled.await(5, TimeUnit.SECONDS), "the package arrives once the axis is back");
            while (executor.delays.size() < 8) {
                Thread.sleep(1);
            }
        }
        List<Duration> delays = executor.delays.subList(0, 8);
        assertEquals(List.of(Duration.ZERO, s.multipliedBy(2), s.multipliedBy(4), s.multipliedBy(6),
                s.multipliedBy(6), s.multipliedBy(6), s, s), delays);
        assertEquals(List.of("d1:done"), axis.acks);
        assertFalse(executor.isShutdown(), "an executor given to the loop is left running");
    }

    @Test
    void anErrorThrownByAPollIsLoggedAndTheLoopGoesOn() throws Exception {
        axis.offer("d1", MessageType.EDOC, ReceiveLoopTestPackages.document("1"));
        axis.failListOnce(new AssertionError("client bug"));
        CountDownLatch handled = new CountDownLatch(1);
        try (LogCapture log = new LogCapture();
                ReceiveLoop loop = ReceiveLoop.builder(axis, new InMemoryCheckpointStore(), pkg -> handled.countDown())
                        .executor(executor).build()) {
            loop.start();
            assertTrue(handled.await(5, TimeUnit.SECONDS), "the next poll runs");
            assertTrue(log.all().contains("receive poll failed (1 in a row); backing off: java.lang.AssertionError: "
                    + "client bug"), log.all());
        }
        assertEquals(Duration.ofSeconds(60), executor.delays.get(1), "backed off after the failed poll");
    }

    @Test
    void closeStopsTheLoop() throws Exception {
        try (ReceiveLoop loop = ReceiveLoop.builder(axis, new InMemoryCheckpointStore(), pkg -> { })
                .interval(Duration.ofMillis(1)).executor(executor).build()) {
            loop.start();
            assertThrows(IllegalStateException.class, loop::start);
            while (axis.lists.size() < 3) {
                Thread.sleep(1);
            }
        }
        int after = axis.lists.size();
        Thread.sleep(30);
        assertTrue(axis.lists.size() <= after + 1, "no polls after close");
    }

    @Test
    void ownExecutorIsShutDownOnClose() throws Exception {
        CountDownLatch polled = new CountDownLatch(1);
        axis.offer("d1", MessageType.EDOC, ReceiveLoopTestPackages.document("1"));
        ReceiveLoop loop = ReceiveLoop.builder(axis, new InMemoryCheckpointStore(), pkg -> polled.countDown())
                .build();
        loop.start();
        assertTrue(polled.await(5, TimeUnit.SECONDS));
        loop.close();
        assertThrows(IllegalStateException.class, loop::start);
    }
}
