package vn.egov.sdk.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.ValidationException;

/** DossierSync with a drain leadership (several nodes on one outbox) and recording through another outbox view. */
class DossierSyncLeadershipTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2024-12-06T02:00:00Z"));
    private final FakePortal portal = new FakePortal();
    private final InMemoryDossierOutbox shared = new InMemoryDossierOutbox(clock, 1000);

    private DossierSync node(DrainLeadership leadership) {
        return DossierSync.builder(portal).clock(clock).outbox(shared).leadership(leadership).build();
    }

    private void recordWork(DossierSync sync) {
        sync.record(DossierSyncTest.dossier(1));
        sync.recordProgress(IntStream.rangeClosed(1, 3).mapToObj(i -> DossierSyncTest.step(1, i)).toList());
        sync.record(DossierSyncTest.dossier(2));
    }

    @Test
    void aNodeThatDoesNotLeadSendsNothing() {
        DossierSync follower = node(() -> false);
        recordWork(follower);
        DrainReport report = follower.drain();
        assertFalse(report.complete());
        assertTrue(report.stoppedBy().orElseThrow().contains("another node leads"), report.toString());
        assertEquals(0, report.calls());
        assertTrue(portal.calls.isEmpty());
        assertEquals(3L + 2, shared.counts().get(OutboxState.PENDING));
    }

    @Test
    void aNodeThatLosesTheLeadStopsBeforeTheNextSendAndTheNewLeaderGoesOnInOrder() {
        AtomicInteger asked = new AtomicInteger();
        DossierSync losing = node(() -> asked.incrementAndGet() <= 2); // leads for the drain and its first send
        recordWork(losing);
        DrainReport first = losing.drain();
        assertEquals(1, first.sent(), "only the first dossier went before the lead was lost");
        assertTrue(first.stoppedBy().orElseThrow().contains("another node leads"), first.toString());
        assertEquals(List.of("DongBoHoSoMC"), portal.calls.stream().map(FakePortal.Call::service).toList());

        DossierSync next = node(DrainLeadership.always());
        DrainReport second = next.drain();
        assertTrue(second.complete(), second.toString());
        assertEquals(4, second.sent(), "three progress rows in one call, then the second dossier");
        assertEquals(List.of("DongBoHoSoMC", "CapNhatTienDoHoSoMC", "DongBoHoSoMC"),
                portal.calls.stream().map(FakePortal.Call::service).toList());
        assertEquals(3, portal.histories.get(DossierSyncTest.code(1)).size());
        assertEquals(5L, shared.counts().get(OutboxState.SENT));
    }

    @Test
    void aLeadershipThatFailsEndsTheDrainWithItsErrorAndSendsNothing() {
        DossierSync sync = node(() -> {
            throw new IllegalStateException("database down");
        });
        recordWork(sync);
        assertThrows(IllegalStateException.class, sync::drain);
        assertTrue(portal.calls.isEmpty());
    }

    @Test
    void theLoopOfAFollowerKeepsAskingForTheLeadAndDrainsOnceItLeads() throws InterruptedException {
        AtomicInteger turns = new AtomicInteger();
        DossierSync sync = DossierSync.builder(portal).outbox(shared).loopInterval(Duration.ofMillis(20))
                .loopMaxBackoff(Duration.ofMinutes(5)).leadership(() -> turns.incrementAndGet() > 3).build();
        recordWork(sync);
        try (DossierSyncLoop loop = sync.start()) {
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (shared.counts().get(OutboxState.SENT) < 5 && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertTrue(loop.drains() >= 4, loop.toString());
        }
        assertEquals(5L, shared.counts().get(OutboxState.SENT), "the follower's pauses stay at the interval");
    }

    @Test
    void recordInWritesTheSameKeyedEntriesIntoTheViewGiven() {
        DossierSync sync = node(DrainLeadership.always());
        InMemoryDossierOutbox view = new InMemoryDossierOutbox(clock, 1000);
        OutboxEntry viaView = sync.recordIn(view).record(DossierSyncTest.dossier(1));
        OutboxEntry direct = sync.record(DossierSyncTest.dossier(1));
        assertEquals(direct.item(), viaView.item(), "same payload, same idempotency key");
        assertSame(viaView.item().key(), view.find(viaView.sequence()).orElseThrow().item().key());
        assertEquals(1L, view.counts().get(OutboxState.PENDING));
        ValidationException broken = assertThrows(ValidationException.class,
                () -> sync.recordIn(view).record(DossierSyncTest.dossier(2).toBuilder().summary(null).build()));
        assertEquals("Dossier.TrichYeuHoSo", broken.errors().get(0).path());
        assertEquals(1L, view.counts().get(OutboxState.PENDING), "nothing recorded when a rule is broken");
        assertThrows(ValidationException.class, () -> sync.recordIn(null));
        assertThrows(ValidationException.class, () -> DossierSync.builder(portal).leadership(null));
    }
}
