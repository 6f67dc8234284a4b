package vn.egov.sdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.ReceiveCoordinatorException;
import vn.egov.sdk.axis.ReceivedItem;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.jdbc.testsupport.Postgres;

/** The claims table on a real PostgreSQL: one lister, one holder per package, leases, heartbeats, release. */
class JdbcReceiveCoordinatorTest {
    @RegisterExtension
    static final Postgres PG = new Postgres();
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static final Duration LEASE = Duration.ofSeconds(30);

    private static JdbcTables freshTables() throws SQLException {
        JdbcTables tables = new JdbcTables("c" + PREFIXES.incrementAndGet() + "_");
        JdbcSchema.install(PG.dataSource(), tables);
        return tables;
    }

    private static List<ReceivedItem> items(int count) {
        List<ReceivedItem> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(new ReceivedItem("d" + i, MessageType.EDOC, "a", "b", "initial", "", Optional.empty()));
        }
        return list;
    }

    @Test
    void onlyOneNodeListsAndAnotherTakesOverWhenItCloses() throws SQLException {
        JdbcTables tables = freshTables();
        try (JdbcReceiveCoordinator a = JdbcReceiveCoordinator.open(PG.dataSource(), tables, "a", LEASE);
             JdbcReceiveCoordinator b = JdbcReceiveCoordinator.open(PG.dataSource(), tables, "b", LEASE)) {
            assertTrue(a.tryLead());
            assertFalse(b.tryLead(), "the lock is held by a");
            assertTrue(a.tryLead(), "a keeps leading");
            a.close();
            // PG.dataSource() is a pool: a's connection went back to it with its session open, so only a's explicit
            // unlock on close lets b lead
            assertTrue(b.tryLead(), "a gave its lock up on close although its pooled session lives on");
        }
    }

    @Test
    void aNodeWhoseSessionEndsLosesTheListingLockAndNoticesIt() throws SQLException {
        JdbcTables tables = freshTables();
        // unpooled: each node's listing lock lives in its own session, which the test ends as a crash or a network
        // cut would, without the node's close()
        try (JdbcReceiveCoordinator a = JdbcReceiveCoordinator.open(PG.unpooledDataSource(), tables, "a", LEASE);
             JdbcReceiveCoordinator b = JdbcReceiveCoordinator.open(PG.unpooledDataSource(), tables, "b", LEASE)) {
            assertTrue(a.tryLead());
            assertFalse(b.tryLead(), "the lock is held by a");
            assertEquals(1, endSessionsHoldingAdvisoryLocks(), "a's session held the one advisory lock");
            assertTrue(b.tryLead(), "a's lock went with its session");
            assertFalse(a.tryLead(), "a sees its session gone, tries again, and finds b listing");
        }
    }

    private static int endSessionsHoldingAdvisoryLocks() throws SQLException {
        try (Connection c = PG.unpooledDataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 5000)) FROM pg_locks"
                     + " WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()"
                     + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void concurrentClaimersNeverGetTheSamePackage() throws Exception {
        JdbcTables tables = freshTables();
        List<JdbcReceiveCoordinator> nodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            nodes.add(JdbcReceiveCoordinator.open(PG.dataSource(), tables, "n" + i, LEASE));
        }
        nodes.get(0).offer(MessageType.EDOC, items(400));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> got = new ArrayList<>();
            for (JdbcReceiveCoordinator node : nodes) {
                got.add(pool.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    for (List<ReceivedItem> batch = node.claim(MessageType.EDOC, 7); !batch.isEmpty();
                            batch = node.claim(MessageType.EDOC, 7)) {
                        batch.forEach(item -> mine.add(item.docId()));
                    }
                    return mine;
                }));
            }
            Set<String> all = new HashSet<>();
            int total = 0;
            for (Future<List<String>> f : got) {
                List<String> mine = f.get();
                total += mine.size();
                all.addAll(mine);
            }
            assertEquals(400, all.size(), "every package claimed");
            assertEquals(400, total, "none claimed twice");
        } finally {
            pool.shutdownNow();
            nodes.forEach(JdbcReceiveCoordinator::close);
        }
    }

    @Test
    void anExpiredLeaseIsClaimedAgainAndTheOldHolderCannotReleaseIt() throws Exception {
        JdbcTables tables = freshTables();
        try (JdbcReceiveCoordinator a = JdbcReceiveCoordinator.open(PG.dataSource(), tables, "a",
                Duration.ofSeconds(1));
             JdbcReceiveCoordinator b = JdbcReceiveCoordinator.open(PG.dataSource(), tables, "b", LEASE)) {
            a.offer(MessageType.EDOC, items(1));
            assertEquals(1, a.claim(MessageType.EDOC, 5).size());
            assertEquals(0, b.claim(MessageType.EDOC, 5).size(), "a holds it");
            a.close(); // a dies: no more heartbeats
            Thread.sleep(1300);
            assertEquals(List.of("d0"), b.claim(MessageType.EDOC, 5).stream().map(ReceivedItem::docId).toList());
            a.release("d0", true); // a stale holder: changes nothing
            assertEquals("b", claimedBy(tables, "d0"));
            b.release("d0", true);
            assertEquals(0, b.claim(MessageType.EDOC, 5).size(), "finished: never claimed again");
        }
    }

    @Test
    void theHeartbeatKeepsALeaseAlive() throws Exception {
        JdbcTables tables = freshTables();
        try (JdbcReceiveCoordinator a = JdbcReceiveCoordinator.open(PG.dataSource(), tables, "a",
                Duration.ofSeconds(1));
             JdbcReceiveCoordinator b = JdbcReceiveCoordinator.open(PG.dataSource(), tables, "b", LEASE)) {
            a.offer(MessageType.EDOC, items(1));
            assertEquals(1, a.claim(MessageType.EDOC, 5).size());
            Thread.sleep(2000);
            assertEquals(0, b.claim(MessageType.EDOC, 5).size(), "a's background heartbeat extended the lease");
            a.release("d0", false);
            assertEquals(1, b.claim(MessageType.EDOC, 5).size(), "released unfinished: open to any node");
        }
    }

    @Test
    void aRowLockedByARunningHandlerDoesNotStopTheHeartbeatOfTheOthers() throws Exception {
        JdbcTables tables = freshTables();
        try (JdbcReceiveCoordinator a = JdbcReceiveCoordinator.open(PG.dataSource(), tables, "a",
                Duration.ofSeconds(1));
             JdbcReceiveCoordinator b = JdbcReceiveCoordinator.open(PG.dataSource(), tables, "b", LEASE);
             Connection handler = PG.dataSource().getConnection()) {
            a.offer(MessageType.EDOC, items(2));
            assertEquals(2, a.claim(MessageType.EDOC, 5).size());
            handler.setAutoCommit(false); // a transactional handler holding d0's claim row, for longer than the lease
            try (Statement s = handler.createStatement()) {
                s.executeQuery("SELECT doc_id FROM " + tables.table("receive_claims")
                        + " WHERE doc_id = 'd0' FOR UPDATE").close();
            }
            Thread.sleep(2500);
            assertEquals(List.of(), b.claim(MessageType.EDOC, 5), "d1's lease was extended meanwhile; d0 is locked");
            assertTrue(a.leaseToken("d0").isPresent(), "d0 stays in a's hands while its token is a's");
            assertTrue(a.leaseToken("d1").isPresent());
            handler.rollback();
            a.release("d0", true);
            a.release("d1", true);
            assertEquals(List.of(), b.claim(MessageType.EDOC, 5));
        }
    }

    @Test
    void badArgumentsAndAMissingTableAreTypedErrors() {
        assertThrows(ValidationException.class,
                () -> JdbcReceiveCoordinator.open(PG.dataSource(), JdbcTables.defaults(), " ", LEASE));
        assertThrows(ValidationException.class,
                () -> JdbcReceiveCoordinator.open(PG.dataSource(), JdbcTables.defaults(), "a", Duration.ZERO));
        assertThrows(ValidationException.class,
                () -> JdbcReceiveCoordinator.open(null, JdbcTables.defaults(), "a", LEASE));
        try (JdbcReceiveCoordinator a = JdbcReceiveCoordinator.open(PG.dataSource(), new JdbcTables("nothere_"),
                "a", LEASE)) {
            ReceiveCoordinatorException e = assertThrows(ReceiveCoordinatorException.class,
                    () -> a.claim(MessageType.EDOC, 1));
            assertFalse(e.retryable(), "a missing table does not heal by itself");
            assertTrue(e.getMessage().contains("nothere_receive_claims"), e.getMessage());
        }
    }

    @Test
    void finishedClaimsAreDeletedAfterTheRetentionOpenOnesNever() throws SQLException {
        JdbcTables tables = freshTables();
        String table = tables.table("receive_claims");
        try (JdbcReceiveCoordinator a = JdbcReceiveCoordinator.open(PG.dataSource(), tables, "a", LEASE,
                Duration.ofDays(3))) {
            a.offer(MessageType.EDOC, items(3));
            for (ReceivedItem item : a.claim(MessageType.EDOC, 2)) {
                a.release(item.docId(), true);
            }
            try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO " + table + " (doc_id, message_type, state, finished_at)"
                        + " SELECT 'old-' || n, 'edoc', 'finished', clock_timestamp() - INTERVAL '4 days'"
                        + " FROM generate_series(1, 2100) n");
                s.execute("INSERT INTO " + table + " (doc_id, message_type, offered_at)"
                        + " VALUES ('old-open', 'edoc', clock_timestamp() - INTERVAL '40 days')");
            }
            assertEquals(2100, a.prune(Duration.ofDays(3)), "three batches of at most 1,000");
            assertEquals(2, a.prune(Duration.ZERO), "the two just finished");
            assertEquals(0, a.prune(Duration.ZERO));
            try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table + " WHERE state = 'open'")) {
                rs.next();
                assertEquals(2, rs.getInt(1), "the open claim and the one never finished are kept");
            }
            assertThrows(ValidationException.class, () -> a.prune(Duration.ofSeconds(-1)));
        }
        assertThrows(ValidationException.class, () -> JdbcReceiveCoordinator.open(PG.dataSource(), tables, "b",
                LEASE, Duration.ofMinutes(59)));
    }

    static String claimedBy(JdbcTables tables, String docId) throws SQLException {
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT claimed_by FROM " + tables.table("receive_claims")
                     + " WHERE doc_id = '" + docId + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

}
