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
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.dossier.DossierSync;
import vn.egov.sdk.dossier.DossierSyncLoop;
import vn.egov.sdk.dossier.DvcqgAdapterClient;
import vn.egov.sdk.jdbc.testsupport.DossierFixtures;
import vn.egov.sdk.jdbc.testsupport.Postgres;
import vn.egov.sdk.jdbc.testsupport.WatchedTransport;
import vn.egov.sdk.testkit.DvcqgPortalSandbox;
import vn.egov.sdk.testkit.NationalSandboxExtension;

/**
 * Two nodes (two DossierSyncs with their loops, on one database) record dossier pushes in their own transactions
 * and share the drain through JdbcDrainLeadership: everything reaches the sandbox's simulated portal once and in
 * order, only one node pushes at a time, and when the leader stops the other node takes over.
 */
class DossierSyncTwoNodesTest {
    @RegisterExtension
    static final Postgres PG = new Postgres();
    @RegisterExtension
    static final NationalSandboxExtension SANDBOX = new NationalSandboxExtension();

    private static final int STEPS = 4;

    private final DvcqgPortalSandbox portal = SANDBOX.sandbox().dvcqg();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final List<String> pushes = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void schema() throws SQLException {
        JdbcSchema.install(PG.dataSource(), JdbcTables.defaults());
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE vendor_dossier (ma_ho_so TEXT PRIMARY KEY, step INT NOT NULL)");
        }
    }

    /** One application node: its own outbox object, client, leadership, sync and loop on the shared database. */
    private final class Node implements AutoCloseable {
        final String name;
        final JdbcDossierOutbox outbox = JdbcDossierOutbox.builder(PG.dataSource()).build();
        final JdbcDrainLeadership leadership = JdbcDrainLeadership.open(PG.dataSource(), JdbcTables.defaults());
        final DvcqgAdapterClient client = DossierFixtures.client(portal.adapterUrl());
        final DossierSync sync;
        final DossierSyncLoop loop;

        Node(String name) {
            this.name = name;
            sync = DossierSync.builder(new WatchedTransport(client, name, inFlight, maxInFlight, pushes,
                    () -> sleep(2))).outbox(outbox).leadership(leadership)
                    .loopInterval(Duration.ofMillis(50)).loopMaxBackoff(Duration.ofMillis(200)).build();
            loop = sync.start();
        }

        /** The vendor's work on dossier n: received (its row and the push in one transaction), then each step. */
        void work(int n) throws SQLException {
            try (Connection tx = PG.dataSource().getConnection()) {
                tx.setAutoCommit(false);
                try (PreparedStatement p = tx.prepareStatement("INSERT INTO vendor_dossier VALUES (?, 0)")) {
                    p.setString(1, DossierFixtures.code(n));
                    p.executeUpdate();
                }
                sync.recordIn(outbox.inTransaction(tx)).record(DossierFixtures.dossier(n));
                tx.commit();
                for (int i = 1; i <= STEPS; i++) {
                    try (PreparedStatement p = tx.prepareStatement(
                            "UPDATE vendor_dossier SET step = ? WHERE ma_ho_so = ?")) {
                        p.setInt(1, i);
                        p.setString(2, DossierFixtures.code(n));
                        p.executeUpdate();
                    }
                    sync.recordIn(outbox.inTransaction(tx)).recordProgress(DossierFixtures.step(n, i));
                    tx.commit();
                }
            }
        }

        long pushed() {
            synchronized (pushes) {
                return pushes.stream().filter(p -> p.startsWith(name + ":")).count();
            }
        }

        @Override
        public void close() {
            loop.close();
            leadership.close();
            client.close();
        }
    }

    @Test
    void twoNodesRecordAndOneAtATimeDrainsEverythingOnceInOrder() throws Exception {
        int perNode = 6;
        try (Node a = new Node("a"); Node b = new Node("b")) {
            ExecutorService vendors = Executors.newFixedThreadPool(2);
            try {
                Future<?> fa = vendors.submit(() -> work(a, 1, perNode));
                Future<?> fb = vendors.submit(() -> work(b, perNode + 1, perNode));
                fa.get();
                fb.get();
            } finally {
                vendors.shutdown();
            }
            int total = 2 * perNode * (1 + STEPS);
            awaitSent(total);
            assertEverythingOnceInOrder(2 * perNode);
            assertEquals(1, maxInFlight.get(), "only one node pushes at a time: " + pushes);
            Node leader = a.leadership.leads() ? a : b;
            Node follower = leader == a ? b : a;
            assertEquals(pushes.size(), leader.pushed(), "the node holding the lock did all the pushing: " + pushes);
            assertEquals(0, follower.pushed());

            int before = pushes.size();
            leader.close(); // the leader stops (or dies): the other node takes the lead at its next turn
            work(leader, 2 * perNode + 1, 1); // its vendor code still records; the other node drains
            awaitSent(total + 1 + STEPS);
            assertEverythingOnceInOrder(2 * perNode + 1);
            List<String> after = List.copyOf(pushes.subList(before, pushes.size()));
            assertEquals(follower.name + ":create:1", after.get(0), "the follower took over: " + after);
            assertEquals(after.size(), follower.pushed(), "only the follower pushed after the hand-over: " + after);
            assertEquals(STEPS, after.stream().skip(1).mapToInt(p -> Integer.parseInt(p.substring(p.lastIndexOf(':')
                    + 1))).sum(), "the steps, in as many calls as the commits and drains met: " + after);
            assertEquals(1, maxInFlight.get());
        }
    }

    private Void work(Node node, int first, int count) throws SQLException {
        for (int n = first; n < first + count; n++) {
            node.work(n);
        }
        return null;
    }

    private void assertEverythingOnceInOrder(int dossiers) throws SQLException {
        assertEquals(dossiers, portal.dossiers().size());
        for (int n = 1; n <= dossiers; n++) {
            int d = n;
            assertEquals(IntStream.rangeClosed(1, STEPS).mapToObj(i -> DossierFixtures.content(d, i)).toList(),
                    DossierFixtures.history(portal, n), "dossier " + n + ": each step once, in order");
            assertEquals(0, portal.dossier(DossierFixtures.code(n)).orElseThrow().updates(),
                    "dossier " + n + " created once, never sent again");
        }
        assertEquals(0, count("attempts <> 1"), "every entry sent by one attempt of one node");
    }

    private static void awaitSent(int expected) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count("state = 'SENT'") < expected && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertEquals(expected, count("state = 'SENT'"), "entries sent; all: " + count("true"));
    }

    private static int count(String where) throws SQLException {
        try (Connection c = PG.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM egov_dossier_outbox WHERE " + where)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
