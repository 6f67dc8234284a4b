package vn.egov.sdk.testkit.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.dossier.DossierSync;
import vn.egov.sdk.dossier.DrainReport;
import vn.egov.sdk.dossier.DvcqgAdapterClient;
import vn.egov.sdk.dossier.InMemoryDossierOutbox;
import vn.egov.sdk.dossier.OutboxState;
import vn.egov.sdk.dossier.OutboxStoreException;
import vn.egov.sdk.testkit.DvcqgPortalSandbox;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;

/**
 * A crash between the push and the outbox write, through the simulator: a new DossierSync on the same outbox loses
 * nothing, and no progress row appears twice in the portal's history.
 */
class DossierSyncCrashSandboxTest {
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private final NationalSandbox sandbox = SANDBOX.sandbox();
    private final DvcqgPortalSandbox portal = sandbox.dvcqg();
    private final ManualClock clock = new ManualClock(Instant.parse("2024-12-06T02:00:00Z"));
    private final InMemoryDossierOutbox store = new InMemoryDossierOutbox(clock, 10_000);
    private DvcqgAdapterClient client;

    @BeforeEach
    void setUp() {
        sandbox.reset();
        client = SyncFixtures.client(portal, clock);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private void recordWork(DossierSync sync) {
        sync.record(SyncFixtures.dossier(1));
        sync.recordProgress(IntStream.rangeClosed(1, 12).mapToObj(i -> SyncFixtures.step(1, i)).toList());
        sync.record(SyncFixtures.dossier(2));
        sync.recordProgress(SyncFixtures.step(2, 1));
        sync.recordStatus(SyncFixtures.code(2), "processing", clock.instant());
    }

    @Test
    void aCrashAfterAProgressBatchWasAcceptedSendsNoRowTwice() {
        DossierSync doomed = DossierSync.builder(client).clock(clock).outbox(new CrashingOutbox(store, 2)).build();
        recordWork(doomed);
        assertThrows(OutboxStoreException.class, doomed::drain);
        assertEquals(10, portal.history(SyncFixtures.code(1)).size(), "the first batch reached the portal");
        assertEquals(10L, store.counts().get(OutboxState.SENDING));

        SyncFixtures.Counting transport = new SyncFixtures.Counting(client);
        DossierSync restarted = DossierSync.builder(transport).clock(clock).outbox(store).build();
        DrainReport report = restarted.drain();
        assertTrue(report.complete(), report.toString());
        assertEquals(10, report.alreadyHeld());
        assertEquals(List.of("lookup", "progress:2", "create:1", "progress:1", "status:1"), transport.pushes);
        List<String> history = portal.history(SyncFixtures.code(1)).stream()
                .map(DvcqgPortalSandbox.ProgressRow::noiDungXuLy).toList();
        assertEquals(IntStream.rangeClosed(1, 12).mapToObj(i -> "Thẩm định hồ sơ, bước " + i).toList(), history);
        assertEquals(1, portal.history(SyncFixtures.code(2)).size());
        assertEquals(16L, store.counts().get(OutboxState.SENT));
    }

    @Test
    void aCrashAfterADossierWasCreatedSendsItAgainAsAnUpdate() {
        DossierSync doomed = DossierSync.builder(client).clock(clock).outbox(new CrashingOutbox(store, 1)).build();
        recordWork(doomed);
        assertThrows(OutboxStoreException.class, doomed::drain);
        assertEquals(1, portal.dossiers().size());

        DossierSync restarted = DossierSync.builder(client).clock(clock).outbox(store).build();
        DrainReport report = restarted.drain();
        assertTrue(report.complete(), report.toString());
        assertEquals(1, report.updated());
        assertEquals(12, portal.history(SyncFixtures.code(1)).size());
        assertEquals(1, portal.dossier(SyncFixtures.code(1)).orElseThrow().updates());
        assertEquals(2, portal.dossiers().size());
    }
}
