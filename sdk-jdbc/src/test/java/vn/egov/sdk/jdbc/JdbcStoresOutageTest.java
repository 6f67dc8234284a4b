package vn.egov.sdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import vn.egov.sdk.axis.CheckpointState;
import vn.egov.sdk.axis.CheckpointStoreException;
import vn.egov.sdk.core.EgovException;
import vn.egov.sdk.dossier.CatalogueCacheException;
import vn.egov.sdk.dossier.CatalogueSnapshot;
import vn.egov.sdk.dossier.OutboxEntry;
import vn.egov.sdk.dossier.OutboxItem;
import vn.egov.sdk.dossier.OutboxKind;
import vn.egov.sdk.dossier.OutboxState;
import vn.egov.sdk.dossier.OutboxStoreException;
import vn.egov.sdk.dossier.Procedure;
import vn.egov.sdk.jdbc.testsupport.OutageDataSource;
import vn.egov.sdk.jdbc.testsupport.Postgres;

/**
 * The database down for a while: every store call is its store's typed, retryable error (no NPE, no
 * IllegalStateException, no SQLException), nothing recorded before is lost or changed, and the same calls succeed
 * once it is back.
 */
class JdbcStoresOutageTest {
    @RegisterExtension
    static final Postgres PG = new Postgres();

    @BeforeAll
    static void schema() throws SQLException {
        JdbcSchema.install(PG.dataSource(), JdbcTables.defaults());
    }

    private static <T extends EgovException> void assertRetryable(Class<T> type, Executable call) {
        T e = assertThrows(type, call);
        assertTrue(e.retryable(), e.getMessage());
        assertTrue(e.getMessage().contains("08006") || e.getMessage().contains("08001"), e.getMessage());
        assertFalse(e.getMessage().contains(": null"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = OutageDataSource.Mode.class, names = {"REFUSE", "BREAK"})
    void checkpointsFailTypedAndRecover(OutageDataSource.Mode outage) {
        OutageDataSource db = new OutageDataSource(PG.dataSource());
        JdbcCheckpointStore store = JdbcCheckpointStore.builder(db).build();
        String doc = "doc-" + outage;
        assertEquals(1, store.markAttempt(doc));
        db.mode(outage);
        assertRetryable(CheckpointStoreException.class, () -> store.markHandled(doc));
        assertRetryable(CheckpointStoreException.class, () -> store.markAttempt(doc));
        assertRetryable(CheckpointStoreException.class, () -> store.find(doc));
        assertRetryable(CheckpointStoreException.class, store::prune);
        db.mode(OutageDataSource.Mode.UP);
        assertEquals(CheckpointState.IN_PROGRESS, store.find(doc).orElseThrow().state(), "nothing changed");
        assertEquals(1, store.find(doc).orElseThrow().attempts());
        store.markHandled(doc);
        store.markDone(doc);
        assertTrue(store.isDone(doc));
    }

    @ParameterizedTest
    @EnumSource(value = OutageDataSource.Mode.class, names = {"REFUSE", "BREAK"})
    void theOutboxFailsTypedAndRecovers(OutageDataSource.Mode outage) {
        OutageDataSource db = new OutageDataSource(PG.dataSource());
        JdbcDossierOutbox outbox = JdbcDossierOutbox.builder(db).build();
        OutboxEntry held = outbox.enqueue(List.of(item(outage + "-1"))).get(0);
        db.mode(outage);
        assertRetryable(OutboxStoreException.class, () -> outbox.enqueue(List.of(item(outage + "-2"))));
        assertRetryable(OutboxStoreException.class, () -> outbox.markSending(List.of(held.sequence())));
        assertRetryable(OutboxStoreException.class, () -> outbox.due(10, Instant.now()));
        assertRetryable(OutboxStoreException.class, outbox::counts);
        assertRetryable(OutboxStoreException.class, () -> outbox.find(held.sequence()));
        assertRetryable(OutboxStoreException.class, outbox::prune);
        db.mode(OutageDataSource.Mode.UP);
        assertEquals(held, outbox.find(held.sequence()).orElseThrow(), "nothing changed");
        OutboxEntry second = outbox.enqueue(List.of(item(outage + "-2"))).get(0);
        assertTrue(second.sequence() > held.sequence());
        outbox.markSending(List.of(held.sequence(), second.sequence()));
        outbox.markSent(List.of(held.sequence(), second.sequence()));
        assertEquals(OutboxState.SENT, outbox.find(second.sequence()).orElseThrow().state());
    }

    @ParameterizedTest
    @EnumSource(value = OutageDataSource.Mode.class, names = {"REFUSE", "BREAK"})
    void theCatalogueCacheFailsTypedAndRecovers(OutageDataSource.Mode outage) {
        OutageDataSource db = new OutageDataSource(PG.dataSource());
        JdbcCatalogueCache cache = JdbcCatalogueCache.builder(db).name("outage-" + outage).build();
        CatalogueSnapshot first = snapshot("Cấp bản sao");
        cache.save(first);
        db.mode(outage);
        assertRetryable(CatalogueCacheException.class, cache::load);
        assertRetryable(CatalogueCacheException.class, () -> cache.save(snapshot("Khác")));
        db.mode(OutageDataSource.Mode.UP);
        assertEquals(first, cache.load().orElseThrow(), "the previous snapshot is kept");
        cache.save(snapshot("Khác"));
        assertEquals("Khác", cache.load().orElseThrow().procedures().get(0).name());
    }

    private static OutboxItem item(String key) {
        return new OutboxItem(key, OutboxKind.DOSSIER, "H01-1", "{\"MaHoSo\":\"H01-1\"}");
    }

    private static CatalogueSnapshot snapshot(String name) {
        return new CatalogueSnapshot(Instant.parse("2026-12-07T01:00:00Z"), List.of(Procedure.parse(
                ("{\"MATTHC\":\"1.000001\",\"TENTTHC\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8))));
    }
}
