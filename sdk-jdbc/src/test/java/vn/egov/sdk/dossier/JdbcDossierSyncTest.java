package vn.egov.sdk.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.http.RetryPolicy;
import vn.egov.sdk.jdbc.JdbcDossierOutbox;
import vn.egov.sdk.jdbc.JdbcSchema;
import vn.egov.sdk.jdbc.JdbcTables;
import vn.egov.sdk.jdbc.testsupport.Postgres;

/**
 * DossierSync on the JDBC outbox, end to end through its public API (with sdk-core's fake portal): a portal outage
 * leaves the entries failed and backing off in the database, a restarted sync (a new outbox on the same database)
 * sends them once the portal is back, and nothing is sent twice.
 */
class JdbcDossierSyncTest {
    @RegisterExtension
    static final Postgres PG = new Postgres();

    private static final Instant T0 = Instant.parse("2024-12-06T02:00:00Z");

    private final ManualClock clock = new ManualClock(T0);
    private final FakePortal portal = new FakePortal();

    @BeforeAll
    static void schema() throws SQLException {
        JdbcSchema.install(PG.dataSource(), JdbcTables.defaults());
    }

    private DossierSync sync() {
        return DossierSync.builder(portal).clock(clock)
                .outbox(JdbcDossierOutbox.builder(PG.dataSource()).clock(clock).build())
                .backoff(RetryPolicy.builder().initialDelay(Duration.ofSeconds(1)).maxDelay(Duration.ofMinutes(10))
                        .random(() -> 0.999).build())
                .build();
    }

    private static Dossier dossier(int n) {
        return DossierSamples.full().toBuilder().dossierCode(String.format("000.00.12.H56-241205-%05d", n)).build();
    }

    @Test
    void anOutageThenARestartSendsEverythingOnce() {
        DossierSync first = sync();
        first.record(dossier(1));
        first.record(dossier(2));
        first.record(dossier(1)); // the same content again: one entry
        portal.down = true;
        DrainReport failed = first.drain();
        assertEquals(0, failed.sent());
        assertEquals(0L, first.outbox().counts().get(OutboxState.SENT));
        assertEquals(1L, first.outbox().counts().get(OutboxState.FAILED), "the drain stops at the outage");
        assertEquals(1L, first.outbox().counts().get(OutboxState.PENDING));

        portal.down = false;
        clock.advance(Duration.ofHours(1));
        DossierSync restarted = sync();
        DrainReport report = restarted.drain();
        assertEquals(2, report.sent() + report.updated());
        assertEquals(2, portal.dossiers.size());
        assertEquals(2L, restarted.outbox().counts().get(OutboxState.SENT));
        assertEquals(0, sync().drain().calls(), "nothing left to send");
        assertEquals(0, portal.calls("DongBoHoSoMC").stream().filter(FakePortal.Call::updating).count(),
                "no dossier was sent twice (a second send would be an update)");
    }
}
