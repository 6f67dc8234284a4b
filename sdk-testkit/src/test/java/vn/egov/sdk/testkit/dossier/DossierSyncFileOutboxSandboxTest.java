package vn.egov.sdk.testkit.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.dossier.DossierSync;
import vn.egov.sdk.dossier.DrainReport;
import vn.egov.sdk.dossier.DvcqgAdapterClient;
import vn.egov.sdk.dossier.FileDossierOutbox;
import vn.egov.sdk.dossier.OutboxState;
import vn.egov.sdk.dossier.OutboxStoreException;
import vn.egov.sdk.testkit.DvcqgPortalSandbox;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;

/**
 * DossierSync on the file outbox through the simulator, across process restarts (the journal reopened): a crash
 * after a progress batch was accepted, then an outage during which the check of what the portal holds fails too;
 * afterwards every row is held once and everything went in order.
 */
class DossierSyncFileOutboxSandboxTest {
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    @Test
    void aCrashThenAnOutageAcrossRestartsLosesNothingAndAppendsNoRowTwice(@TempDir Path dir) {
        NationalSandbox sandbox = SANDBOX.sandbox();
        sandbox.reset();
        DvcqgPortalSandbox portal = sandbox.dvcqg();
        ManualClock clock = new ManualClock(Instant.parse("2024-12-06T02:00:00Z"));
        Path journal = dir.resolve("dvcqg-outbox.journal");
        try (DvcqgAdapterClient client = SyncFixtures.client(portal, clock)) {
            try (FileDossierOutbox store = FileDossierOutbox.builder(journal).clock(clock).build()) {
                DossierSync doomed = DossierSync.builder(client).clock(clock)
                        .outbox(new CrashingOutbox(store, 2)).build();
                doomed.record(SyncFixtures.dossier(1));
                doomed.recordProgress(IntStream.rangeClosed(1, 12).mapToObj(i -> SyncFixtures.step(1, i)).toList());
                doomed.record(SyncFixtures.dossier(2));
                doomed.recordProgress(SyncFixtures.step(2, 1));
                assertThrows(OutboxStoreException.class, doomed::drain);
            }
            sandbox.faults().on("/dvcqg/integration").always().status(503);
            try (FileDossierOutbox store = FileDossierOutbox.builder(journal).clock(clock).build()) {
                assertEquals(10L, store.counts().get(OutboxState.SENDING), "the crash left the batch in flight");
                DossierSync restarted = DossierSync.builder(client).clock(clock).outbox(store).build();
                assertFalse(restarted.drain().complete());
                clock.advance(Duration.ofMinutes(30));
                assertFalse(restarted.drain().complete());
            }
            sandbox.faults().clear();
            clock.advance(Duration.ofMinutes(30));
            try (FileDossierOutbox store = FileDossierOutbox.builder(journal).clock(clock).build()) {
                DossierSync again = DossierSync.builder(client).clock(clock).outbox(store).build();
                DrainReport report = again.drain();
                assertTrue(report.complete(), report.toString());
                assertEquals(10, report.alreadyHeld());
                assertEquals(0L, store.counts().get(OutboxState.GIVEN_UP));
            }
            assertEquals(IntStream.rangeClosed(1, 12).mapToObj(i -> "Thẩm định hồ sơ, bước " + i).toList(),
                    portal.history(SyncFixtures.code(1)).stream().map(DvcqgPortalSandbox.ProgressRow::noiDungXuLy)
                            .toList());
            assertEquals(List.of(SyncFixtures.code(1), SyncFixtures.code(2)),
                    portal.dossiers().stream().map(DvcqgPortalSandbox.HeldDossier::maHoSo).toList());
            assertEquals(1, portal.history(SyncFixtures.code(2)).size());
        }
    }
}
