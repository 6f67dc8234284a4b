package vn.egov.sdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.core.ManualClock;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.dossier.DossierOutbox;
import vn.egov.sdk.dossier.DossierOutboxContract;
import vn.egov.sdk.dossier.OutboxEntry;
import vn.egov.sdk.dossier.OutboxItem;
import vn.egov.sdk.dossier.OutboxKind;
import vn.egov.sdk.dossier.OutboxState;
import vn.egov.sdk.jdbc.testsupport.Postgres;

class JdbcDossierOutboxTest extends DossierOutboxContract {
    @RegisterExtension
    static final Postgres PG = new Postgres();

    @BeforeAll
    static void schema() throws SQLException {
        JdbcSchema.install(PG.dataSource(), JdbcTables.defaults());
    }

    @Override
    protected DossierOutbox newStore(ManualClock clock) {
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM egov_dossier_outbox"); // not TRUNCATE … RESTART IDENTITY: sequences only grow
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return JdbcDossierOutbox.builder(PG.dataSource()).clock(clock).retention(RETENTION).build();
    }

    @Test
    void dueAtAnyInstantWorksAsDossierSyncAsksForIt() {
        OutboxItem a = new OutboxItem("a", OutboxKind.DOSSIER, "H01-1", "{}");
        OutboxItem b = new OutboxItem("b", OutboxKind.STATUS, "H01-1", "{}");
        List<OutboxEntry> e = store.enqueue(List.of(a, b));
        store.markSending(List.of(e.get(0).sequence()));
        store.markFailed(List.of(e.get(0).sequence()), "503", Instant.MAX);
        assertEquals(List.of(e.get(1).sequence()),
                store.due(10, clock.instant().plus(Duration.ofDays(3650))).stream().map(OutboxEntry::sequence)
                        .toList());
        assertEquals(2, store.due(10, Instant.MAX).size(), "the far future is still a time");
        assertEquals(1, store.due(10, Instant.MIN).size());
        assertEquals(OutboxState.FAILED, store.find(e.get(0).sequence()).orElseThrow().state());
    }

    @Test
    void aSecondNodeSeesTheSameEntriesAndKeys() {
        OutboxItem a = new OutboxItem("shared-key", OutboxKind.DOSSIER, "H01-2", "{\"x\":1}");
        OutboxEntry first = store.enqueue(List.of(a)).get(0);
        DossierOutbox other = JdbcDossierOutbox.builder(PG.dataSource()).clock(clock).build();
        assertEquals(first, other.enqueue(List.of(a)).get(0));
        other.markSending(List.of(first.sequence()));
        assertEquals(1, store.find(first.sequence()).orElseThrow().attempts());
    }

    @Test
    void aFailedEnqueueRecordsNoneOfItsItems() {
        OutboxItem ok = new OutboxItem("ok", OutboxKind.DOSSIER, "H01-3", "{}");
        OutboxItem bad = new OutboxItem("bad", OutboxKind.DOSSIER, "H01-3", "{\"nul\":\"\0\"}");
        assertThrows(vn.egov.sdk.dossier.OutboxStoreException.class, () -> store.enqueue(List.of(ok, bad)));
        assertEquals(0L, store.counts().values().stream().mapToLong(Long::longValue).sum(), "all or none");
        assertTrue(store.enqueue(List.of(ok)).get(0).sequence() > 0);
    }

    @Test
    void markingSentPrunesOldFinalEntriesAtMostHourly() {
        List<OutboxEntry> e = store.enqueue(List.of(new OutboxItem("a", OutboxKind.DOSSIER, "H01-4", "{}"),
                new OutboxItem("d", OutboxKind.DOSSIER, "H01-5", "{}"),
                new OutboxItem("b", OutboxKind.DOSSIER, "H01-6", "{}"),
                new OutboxItem("c", OutboxKind.DOSSIER, "H01-7", "{}")));
        long a = e.get(0).sequence();
        long d = e.get(1).sequence();
        store.markSent(List.of(a));
        clock.advance(Duration.ofMinutes(30));
        store.markSent(List.of(d));
        clock.advance(RETENTION.minusMinutes(20)); // a is past the retention, d is not
        store.markSent(List.of(e.get(2).sequence()));
        assertTrue(store.find(a).isEmpty(), "sent longer ago than the retention: pruned by a later mark");
        assertTrue(store.find(d).isPresent());
        clock.advance(Duration.ofMinutes(25)); // d is past the retention now, but the last prune was 25 min ago
        store.markSent(List.of(e.get(3).sequence()));
        assertTrue(store.find(d).isPresent(), "not pruned again within the hour");
        clock.advance(Duration.ofHours(1));
        store.markSent(List.of(e.get(3).sequence()));
        assertTrue(store.find(d).isEmpty());
    }

    @Test
    void badBuilderArgumentsNameTheField() {
        assertEquals("dataSource", assertThrows(ValidationException.class,
                () -> JdbcDossierOutbox.builder(null)).errors().get(0).path());
        JdbcDossierOutbox.Builder b = JdbcDossierOutbox.builder(PG.dataSource());
        assertEquals("retention", assertThrows(ValidationException.class, () -> b.retention(Duration.ofDays(-1)))
                .errors().get(0).path());
        assertEquals("clock", assertThrows(ValidationException.class, () -> b.clock(null)).errors().get(0).path());
        assertEquals("tables", assertThrows(ValidationException.class, () -> b.tables(null)).errors().get(0).path());
    }
}
