package vn.egov.sdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.axis.InMemoryCheckpointStore;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.PackageHandler;
import vn.egov.sdk.axis.ReceiveLoop;
import vn.egov.sdk.jdbc.testsupport.Postgres;

/** Three receive loops (three threads, one database, one axis) share the inbox through JdbcReceiveCoordinator. */
class ReceiveLoopSharedByNodesTest {
    @RegisterExtension
    static final Postgres PG = new Postgres();
    private static final AtomicInteger PREFIXES = new AtomicInteger();

    private static JdbcTables freshTables() throws SQLException {
        JdbcTables tables = new JdbcTables("s" + PREFIXES.incrementAndGet() + "_");
        JdbcSchema.install(PG.dataSource(), tables);
        return tables;
    }

    @Test
    void threeNodesSplitTheInboxEachPackageHandedOverOnceListedByOneNode() throws Exception {
        JdbcTables tables = freshTables();
        ClaimTestAxis axis = new ClaimTestAxis().offer(200);
        Map<String, List<String>> handedTo = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> nodes = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            String node = "node-" + n;
            nodes.add(pool.submit(() -> {
                try (JdbcReceiveCoordinator claims = JdbcReceiveCoordinator.open(PG.dataSource(), tables, node,
                        Duration.ofSeconds(30));
                     ReceiveLoop loop = ReceiveLoop.builder(axis, new InMemoryCheckpointStore(), pkg -> {
                         handedTo.computeIfAbsent(pkg.docId(), k -> new ArrayList<>()).add(node);
                         Thread.sleep(1); // some work, so the nodes overlap
                     }).coordinator(claims).build()) {
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (axis.countReceived(MessageType.EDOC) > 0 && System.nanoTime() < deadline) {
                        loop.pollOnce();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : nodes) {
            f.get();
        }
        pool.shutdownNow();
        assertEquals(200, handedTo.size(), "nothing lost");
        handedTo.forEach((doc, to) -> assertEquals(1, to.size(), doc + " handed over to " + to));
        assertEquals(200, axis.acks.size(), "each acknowledged once: " + axis.acks.size());
        Set<Thread> listers = new HashSet<>(axis.listers);
        assertEquals(1, listers.size(), "listed by one elected node only: " + listers);
        assertTrue(new HashSet<>(handedTo.values().stream().flatMap(List::stream).toList()).size() >= 2,
                "the work was shared");
    }

    @Test
    void theTransactionalHandlerCommitsWithTheMarkAndAKillAfterCommitRepeatsNothing() throws Exception {
        JdbcTables tables = freshTables();
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE vendor_inbox_" + tables.prefix() + " (doc_id TEXT PRIMARY KEY, node TEXT)");
        }
        String inbox = "vendor_inbox_" + tables.prefix();
        ClaimTestAxis axis = new ClaimTestAxis().offer(3);
        AtomicBoolean failedOnce = new AtomicBoolean();
        AtomicBoolean diedOnce = new AtomicBoolean();
        AtomicInteger vendorCalls = new AtomicInteger();
        TransactionalPackageHandler vendor = (pkg, tx) -> {
            vendorCalls.incrementAndGet();
            try (PreparedStatement p = tx.prepareStatement("INSERT INTO " + inbox + " VALUES (?, ?)")) {
                p.setString(1, pkg.docId());
                p.setString(2, "a");
                p.executeUpdate();
            }
            if (pkg.docId().equals("doc-00001") && failedOnce.compareAndSet(false, true)) {
                throw new IllegalStateException("vendor check failed"); // rolled back with the insert
            }
        };
        try (JdbcReceiveCoordinator a = JdbcReceiveCoordinator.open(PG.dataSource(), tables, "a",
                Duration.ofSeconds(30))) {
            PackageHandler committed = a.transactional(vendor);
            PackageHandler diesAfterCommit = pkg -> {
                committed.handle(pkg);
                if (pkg.docId().equals("doc-00002") && diedOnce.compareAndSet(false, true)) {
                    throw new Error("node killed after the commit, before the checkpoint and the ack");
                }
            };
            try (ReceiveLoop loop = ReceiveLoop.builder(axis, new InMemoryCheckpointStore(), diesAfterCommit)
                    .coordinator(a).build()) {
                ReceiveLoop.PollResult first = loop.pollOnce();
                assertEquals(1, first.handedOver());
                assertEquals(2, first.failed());
                assertEquals(List.of("doc-00000", "doc-00002"), rows(inbox), "the failed one left nothing");
                ReceiveLoop.PollResult second = loop.pollOnce();
                assertEquals(2, second.handedOver());
            }
        }
        assertEquals(List.of("doc-00000", "doc-00001", "doc-00002"), rows(inbox));
        assertEquals(4, vendorCalls.get(), "doc-00002 was not given to the vendor again after its commit");
        assertEquals(0, axis.countReceived(MessageType.EDOC));
    }

    private static List<String> rows(String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT doc_id FROM " + table + " ORDER BY doc_id")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
