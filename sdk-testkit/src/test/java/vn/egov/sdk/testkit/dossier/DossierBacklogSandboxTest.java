package vn.egov.sdk.testkit.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.dossier.DossierSync;
import vn.egov.sdk.dossier.DrainReport;
import vn.egov.sdk.dossier.DvcqgAdapterClient;
import vn.egov.sdk.dossier.OutboxState;
import vn.egov.sdk.testkit.DvcqgPortalSandbox;
import vn.egov.sdk.testkit.NationalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;

/** A backlog of 10,000 dossiers drained against the simulator (no timing asserts). */
class DossierBacklogSandboxTest {
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    @Test
    void tenThousandDossiersAreAllDrainedInOrder() {
        NationalSandbox sandbox = SANDBOX.sandbox();
        sandbox.reset();
        DvcqgPortalSandbox portal = sandbox.dvcqg();
        ManualClock clock = new ManualClock(Instant.parse("2024-12-06T02:00:00Z"));
        try (DvcqgAdapterClient client = SyncFixtures.client(portal, clock)) {
            DossierSync sync = DossierSync.builder(client).clock(clock).build();
            for (int n = 1; n <= 10_000; n++) {
                sync.record(SyncFixtures.dossier(n));
            }
            DrainReport report = sync.drain();
            assertTrue(report.complete(), report.toString());
            assertEquals(10_000, report.sent());
            assertEquals(10_000, report.calls());
            assertEquals(10_000L, sync.outbox().counts().get(OutboxState.SENT));
            var held = portal.dossiers();
            assertEquals(10_000, held.size());
            assertEquals(SyncFixtures.code(1), held.get(0).maHoSo());
            assertEquals(SyncFixtures.code(10_000), held.get(9_999).maHoSo());
            assertEquals(1, portal.sessionsIssued());
        }
    }
}
