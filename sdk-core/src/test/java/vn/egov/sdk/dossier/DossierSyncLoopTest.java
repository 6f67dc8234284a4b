package vn.egov.sdk.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.ValidationException;

/** The background drain: it sends what is recorded, wakes on a record, backs off, and stops on close. */
class DossierSyncLoopTest {
    final FakePortal portal = new FakePortal();
    final List<SyncOutcome> outcomes = new CopyOnWriteArrayList<>();

    @Test
    void theLoopDrainsInTheBackgroundAndCloseStopsItsThread() throws Exception {
        DossierSync sync = DossierSync.builder(portal).listener(outcomes::add)
                .loopInterval(Duration.ofMillis(20)).loopMaxBackoff(Duration.ofSeconds(30)).build();
        try (DossierSyncLoop loop = sync.start()) {
            assertThrows(ValidationException.class, sync::start, "one loop per sync");
            waitFor(() -> loop.drains() >= 3, "the loop drains while idle");
            // idle drains have backed off towards 30 s: only the wake-up on a record explains a quick send
            Thread.sleep(300);
            sync.record(DossierSyncTest.dossier(1));
            sync.recordProgress(DossierSyncTest.step(1, 1));
            waitFor(() -> outcomes.size() == 2, "the records are sent soon after they are recorded");
            assertTrue(loop.lastReport().isPresent());
        }
        waitFor(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("egov-dossier-sync") && t.isAlive()), "the loop's thread ends");
        assertEquals(2L, sync.outbox().counts().get(OutboxState.SENT));
        try (DossierSyncLoop again = sync.start()) {
            assertFalse(again.isClosed(), "a closed loop can be replaced");
        }
    }

    @Test
    void aFailingDrainIsLoggedAndTheLoopGoesOn() throws Exception {
        DossierOutbox broken = (DossierOutbox) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DossierOutbox.class}, (proxy, method, args) -> {
                    throw new OutboxStoreException("disk gone", true, null);
                });
        DossierSync sync = DossierSync.builder(portal).outbox(broken).loopInterval(Duration.ofMillis(10))
                .loopMaxBackoff(Duration.ofMillis(40)).build();
        try (DossierSyncLoop loop = sync.start()) {
            waitFor(() -> loop.drains() >= 3, "the loop keeps trying");
            assertTrue(loop.lastReport().isEmpty());
        }
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out: " + what);
            }
            Thread.sleep(10);
        }
    }
}
