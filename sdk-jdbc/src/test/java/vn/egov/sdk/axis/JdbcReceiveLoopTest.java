package vn.egov.sdk.axis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.sdk.jdbc.JdbcCheckpointStore;
import vn.egov.sdk.jdbc.JdbcSchema;
import vn.egov.sdk.jdbc.JdbcTables;
import vn.egov.sdk.jdbc.testsupport.OutageDataSource;
import vn.egov.sdk.jdbc.testsupport.Postgres;

/**
 * The receive loop on the JDBC checkpoint store, end to end through its public API (with sdk-core's fake axis): each
 * package handed over once and acknowledged; a database outage ends a poll with the store's typed, retryable error,
 * counts nothing against any package, and the next poll after it is back carries on; a restarted loop (a new store
 * on the same database) hands nothing over again.
 */
class JdbcReceiveLoopTest {
    @RegisterExtension
    static final Postgres PG = new Postgres();

    @TempDir
    Path quarantine;

    @BeforeAll
    static void schema() throws SQLException {
        JdbcSchema.install(PG.dataSource(), JdbcTables.defaults());
    }

    @Test
    void aLoopOnTheDatabaseSurvivesAnOutageAndARestartHandingEachPackageOverOnce() {
        ReceiveLoopFakeAxis axis = new ReceiveLoopFakeAxis();
        axis.offer("d1", MessageType.EDOC, ReceiveLoopTestPackages.document("1"))
                .offer("d2", MessageType.EDOC, ReceiveLoopTestPackages.document("2"));
        OutageDataSource db = new OutageDataSource(PG.dataSource());
        List<String> handled = new CopyOnWriteArrayList<>();
        PackageHandler handler = pkg -> handled.add(pkg.docId());
        try (ReceiveLoop loop = ReceiveLoop.builder(axis, JdbcCheckpointStore.builder(db).build(), handler)
                .quarantineDirectory(quarantine).build()) {
            assertEquals(new ReceiveLoop.PollResult(2, 2, 0, 0, 0), loop.pollOnce());
            axis.offer("d3", MessageType.EDOC, ReceiveLoopTestPackages.document("3"));
            db.mode(OutageDataSource.Mode.REFUSE);
            CheckpointStoreException down = assertThrows(CheckpointStoreException.class, loop::pollOnce);
            assertTrue(down.retryable(), down.getMessage());
            db.mode(OutageDataSource.Mode.BREAK);
            assertTrue(assertThrows(CheckpointStoreException.class, loop::pollOnce).retryable());
            assertEquals(List.of("d1", "d2"), handled, "nothing handed over without its checkpoint");
            db.mode(OutageDataSource.Mode.UP);
            assertEquals(new ReceiveLoop.PollResult(1, 1, 0, 0, 0), loop.pollOnce());
        }
        try (ReceiveLoop restarted = ReceiveLoop.builder(axis,
                JdbcCheckpointStore.builder(PG.dataSource()).build(), handler).quarantineDirectory(quarantine).build()) {
            assertEquals(0, restarted.pollOnce().handedOver());
        }
        assertEquals(List.of("d1", "d2", "d3"), handled);
        assertEquals(List.of("d1:done", "d2:done", "d3:done"), axis.acks);
        CheckpointStore store = JdbcCheckpointStore.builder(PG.dataSource()).build();
        assertEquals(1, store.find("d3").orElseThrow().attempts(), "the outage counted nothing against d3");
    }
}
