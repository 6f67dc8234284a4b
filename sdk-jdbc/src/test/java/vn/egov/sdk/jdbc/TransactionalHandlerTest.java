package vn.egov.sdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.axis.CheckpointState;
import vn.egov.sdk.axis.CheckpointStoreException;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.PackageHandler;
import vn.egov.sdk.axis.ReceiveCoordinatorException;
import vn.egov.sdk.axis.ReceiveLoop;
import vn.egov.sdk.axis.ReceivedItem;
import vn.egov.sdk.axis.ReceivedPackage;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.jdbc.testsupport.OutageDataSource;
import vn.egov.sdk.jdbc.testsupport.Postgres;

/**
 * The transactional handler on a real PostgreSQL: the vendor's rows and the checkpoint {@code HANDLED} commit
 * together or not at all, on one node ({@link JdbcCheckpointStore#transactional}) and on nodes sharing the inbox
 * ({@link JdbcReceiveCoordinator#transactional(JdbcCheckpointStore, TransactionalPackageHandler)}).
 */
class TransactionalHandlerTest {
    @RegisterExtension
    static final Postgres PG = new Postgres();
    private static final AtomicInteger PREFIXES = new AtomicInteger();

    private JdbcTables tables;
    private String inbox;
    private JdbcCheckpointStore store;
    private final AtomicInteger vendorCalls = new AtomicInteger();

    private void fresh() throws SQLException {
        tables = new JdbcTables("x" + PREFIXES.incrementAndGet() + "_");
        JdbcSchema.install(PG.dataSource(), tables);
        inbox = tables.prefix() + "vendor_inbox";
        // deferred: a second row for a document breaks only at commit, which is how a commit failure is played
        sql("CREATE TABLE " + inbox + " (doc_id TEXT NOT NULL, CONSTRAINT " + inbox + "_once UNIQUE (doc_id)"
                + " DEFERRABLE INITIALLY DEFERRED)");
        store = JdbcCheckpointStore.builder(PG.dataSource()).tables(tables).build();
    }

    /** The vendor's handler: one row per hand-over, written in the SDK's transaction. */
    private TransactionalPackageHandler vendor() {
        return (pkg, tx) -> {
            vendorCalls.incrementAndGet();
            try (PreparedStatement p = tx.prepareStatement("INSERT INTO " + inbox + " VALUES (?)")) {
                p.setString(1, pkg.docId());
                p.executeUpdate();
            }
        };
    }

    @Test
    void oneNodeTheRowsAndTheCheckpointCommitTogetherAndTheLoopAcknowledgesOnce() throws Exception {
        fresh();
        ClaimTestAxis axis = new ClaimTestAxis().offer(3);
        try (ReceiveLoop loop = ReceiveLoop.builder(axis, store, store.transactional(vendor())).build()) {
            ReceiveLoop.PollResult result = loop.pollOnce();
            assertEquals(3, result.handedOver());
            assertEquals(3, result.acknowledged());
        }
        assertEquals(List.of("doc-00000", "doc-00001", "doc-00002"), inboxRows());
        for (String doc : inboxRows()) {
            assertEquals(CheckpointState.DONE, store.find(doc).orElseThrow().state());
        }
        assertEquals(3, vendorCalls.get());
        assertEquals(3, axis.acks.size());
    }

    @Test
    void theVendorsExceptionPassesUnchangedAndLeavesNeitherItsRowsNorTheCheckpoint() throws Exception {
        fresh();
        IOException checked = new IOException("the vendor's disk is full");
        SQLException vendorSql = new SQLException("the vendor's own constraint", "23514");
        List<Exception> toThrow = new ArrayList<>(List.of(checked, vendorSql));
        PackageHandler handler = store.transactional((pkg, tx) -> {
            vendor().handle(pkg, tx);
            throw toThrow.remove(0);
        });
        store.markAttempt("doc-1");
        assertSame(checked, assertThrows(IOException.class, () -> handler.handle(pkg("doc-1"))));
        assertSame(vendorSql, assertThrows(SQLException.class, () -> handler.handle(pkg("doc-1"))),
                "the vendor's SQLException is the vendor's, not the SDK's");
        assertEquals(List.of(), inboxRows(), "rolled back");
        assertEquals(CheckpointState.IN_PROGRESS, store.find("doc-1").orElseThrow().state());
    }

    @Test
    void aFailedCommitLeavesNeitherAndIsATypedError() throws Exception {
        fresh();
        sql("INSERT INTO " + inbox + " VALUES ('doc-1')"); // the vendor's insert breaks the deferred constraint
        store.markAttempt("doc-1");
        CheckpointStoreException e = assertThrows(CheckpointStoreException.class,
                () -> store.transactional(vendor()).handle(pkg("doc-1")));
        assertFalse(e.retryable(), "a broken constraint fails the same way again: " + e.getMessage());
        assertTrue(e.getMessage().contains("23505"), e.getMessage());
        assertEquals(1, vendorCalls.get(), "the handler ran; its commit failed");
        assertEquals(List.of("doc-1"), inboxRows(), "only the row from before");
        assertEquals(CheckpointState.IN_PROGRESS, store.find("doc-1").orElseThrow().state(), "not HANDLED");
    }

    @Test
    void aCrashBetweenCommitAndAckIsAcknowledgedOnTheNextPollWithoutTheHandler() throws Exception {
        fresh();
        ClaimTestAxis axis = new ClaimTestAxis().offer(2);
        PackageHandler committed = store.transactional(vendor());
        // the first run: the commit happens, then the process dies before the loop records anything or acks
        PackageHandler diesAfterCommit = pkg -> {
            committed.handle(pkg);
            throw new ProcessDied();
        };
        try (ReceiveLoop loop = ReceiveLoop.builder(axis, store, diesAfterCommit).build()) {
            loop.pollOnce();
        }
        assertEquals(List.of("doc-00000", "doc-00001"), inboxRows());
        assertEquals(0, axis.acks.size(), "nothing acknowledged before the crash");
        assertEquals(CheckpointState.HANDLED, store.find("doc-00000").orElseThrow().state(),
                "the failure the loop recorded after the commit did not move HANDLED back");
        // the restarted node: a new store and loop on the same database
        JdbcCheckpointStore restarted = JdbcCheckpointStore.builder(PG.dataSource()).tables(tables).build();
        try (ReceiveLoop loop = ReceiveLoop.builder(axis, restarted, restarted.transactional(vendor())).build()) {
            ReceiveLoop.PollResult result = loop.pollOnce();
            assertEquals(0, result.handedOver());
            assertEquals(2, result.acknowledged());
        }
        assertEquals(2, vendorCalls.get(), "each document given to the vendor once");
        assertEquals(List.of("doc-00000:done", "doc-00001:done"), axis.acks);
        assertEquals(CheckpointState.DONE, restarted.find("doc-00001").orElseThrow().state());
    }

    @Test
    void aHandlerCalledAgainAfterItsCommitDoesNotReachTheVendor() throws Exception {
        fresh();
        PackageHandler handler = store.transactional(vendor());
        handler.handle(pkg("doc-1"));
        handler.handle(pkg("doc-1")); // a second node, or the same one after a crash, with an older view
        store.markDone("doc-1");
        handler.handle(pkg("doc-1"));
        assertEquals(1, vendorCalls.get());
        assertEquals(List.of("doc-1"), inboxRows());
        store.markGivenUp("doc-2", "quarantined");
        CheckpointStoreException e = assertThrows(CheckpointStoreException.class,
                () -> handler.handle(pkg("doc-2")));
        assertTrue(e.getMessage().contains("GAVE_UP"), e.getMessage());
        assertEquals(1, vendorCalls.get(), "a quarantined package is not handed over");
    }

    @Test
    void coordinatedTheClaimIsCheckedAndTheNodeRecordedInTheSameTransaction() throws Exception {
        fresh();
        ClaimTestAxis axis = new ClaimTestAxis().offer(2);
        try (JdbcReceiveCoordinator a = JdbcReceiveCoordinator.open(PG.dataSource(), tables, "a",
                Duration.ofSeconds(30))) {
            PackageHandler committed = a.transactional(store, vendor());
            PackageHandler diesAfterCommit = pkg -> {
                committed.handle(pkg);
                if (pkg.docId().equals("doc-00001")) {
                    throw new ProcessDied();
                }
            };
            try (ReceiveLoop loop = ReceiveLoop.builder(axis, store, diesAfterCommit).coordinator(a).build()) {
                ReceiveLoop.PollResult first = loop.pollOnce();
                assertEquals(1, first.acknowledged());
                ReceiveLoop.PollResult second = loop.pollOnce();
                assertEquals(0, second.handedOver(), "doc-00001 committed: acknowledged without the vendor");
                assertEquals(1, second.acknowledged());
            }
        }
        assertEquals(2, vendorCalls.get());
        assertEquals(List.of("doc-00000", "doc-00001"), inboxRows());
        assertEquals(List.of("a", "a"), strings("SELECT handled_by FROM " + tables.table("receive_claims")
                + " ORDER BY doc_id"));
        assertEquals(CheckpointState.DONE, store.find("doc-00001").orElseThrow().state());
    }

    @Test
    void coordinatedALostClaimCommitsNothingAndIsRetryable() throws Exception {
        fresh();
        try (JdbcReceiveCoordinator a = JdbcReceiveCoordinator.open(PG.dataSource(), tables, "a",
                Duration.ofSeconds(1));
             JdbcReceiveCoordinator b = JdbcReceiveCoordinator.open(PG.dataSource(), tables, "b",
                     Duration.ofSeconds(30))) {
            PackageHandler onA = a.transactional(store, vendor());
            ReceiveCoordinatorException unclaimed = assertThrows(ReceiveCoordinatorException.class,
                    () -> onA.handle(pkg("d0")));
            assertFalse(unclaimed.retryable(), unclaimed.getMessage());
            a.offer(MessageType.EDOC, List.of(new ReceivedItem("d0", MessageType.EDOC, "a", "b",
                    "initial", "", Optional.empty())));
            assertEquals(1, a.claim(MessageType.EDOC, 1).size());
            a.close(); // a stops beating; its lease runs out and b takes the package
            Thread.sleep(1300);
            assertEquals(1, b.claim(MessageType.EDOC, 1).size());
            ReceiveCoordinatorException lost = assertThrows(ReceiveCoordinatorException.class,
                    () -> onA.handle(pkg("d0")));
            assertTrue(lost.retryable(), lost.getMessage());
            assertEquals(0, vendorCalls.get());
            assertTrue(store.find("d0").isEmpty(), "no checkpoint written");
            b.transactional(store, vendor()).handle(pkg("d0"));
            assertEquals(List.of("d0"), inboxRows());
            assertEquals(List.of("b"), strings("SELECT handled_by FROM " + tables.table("receive_claims")));
        }
    }

    @Test
    void databaseFailuresAreTypedAndSayWhetherToRetry() throws Exception {
        fresh();
        OutageDataSource outage = new OutageDataSource(PG.dataSource());
        JdbcCheckpointStore down = JdbcCheckpointStore.builder(outage).tables(tables).build();
        outage.mode(OutageDataSource.Mode.BREAK);
        CheckpointStoreException broken = assertThrows(CheckpointStoreException.class,
                () -> down.transactional(vendor()).handle(pkg("doc-1")));
        assertTrue(broken.retryable(), broken.getMessage());
        outage.mode(OutageDataSource.Mode.REFUSE);
        assertTrue(assertThrows(CheckpointStoreException.class,
                () -> down.transactional(vendor()).handle(pkg("doc-1"))).retryable());
        JdbcCheckpointStore nowhere = JdbcCheckpointStore.builder(PG.dataSource())
                .tables(new JdbcTables("nowhere_")).build();
        CheckpointStoreException missing = assertThrows(CheckpointStoreException.class,
                () -> nowhere.transactional(vendor()).handle(pkg("doc-1")));
        assertFalse(missing.retryable(), missing.getMessage());
        assertTrue(missing.getMessage().contains("nowhere_axis_checkpoint"), missing.getMessage());
        assertEquals(0, vendorCalls.get());
        assertEquals("handler", assertThrows(ValidationException.class, () -> store.transactional(null))
                .errors().get(0).path());
        try (JdbcReceiveCoordinator a = JdbcReceiveCoordinator.open(PG.dataSource(), tables, "a",
                Duration.ofSeconds(30))) {
            assertEquals("checkpoints", assertThrows(ValidationException.class,
                    () -> a.transactional(null, vendor())).errors().get(0).path());
        }
    }

    /** What a SIGKILL does to the loop's thread, played in-process: nothing after it runs normally. */
    private static final class ProcessDied extends Error {
        private static final long serialVersionUID = 1L;

        ProcessDied() {
            super("the node was killed here");
        }
    }

    private static ReceivedPackage pkg(String docId) {
        return new ClaimTestAxis().fetch(docId);
    }

    private List<String> inboxRows() throws SQLException {
        return strings("SELECT doc_id FROM " + inbox + " ORDER BY doc_id");
    }

    private static List<String> strings(String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
