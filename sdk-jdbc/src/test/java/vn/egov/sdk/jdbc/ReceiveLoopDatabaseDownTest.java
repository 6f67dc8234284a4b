package vn.egov.sdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.egov.sdk.axis.CheckpointStoreException;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.ReceiveCoordinatorException;
import vn.egov.sdk.axis.ReceiveLoop;
import vn.egov.sdk.jdbc.testsupport.OutageDataSource;
import vn.egov.sdk.jdbc.testsupport.Postgres;

/**
 * The database down for a while under three background receive loops that share one inbox: the stores fail with
 * typed, retryable errors, the loops back off (no hot loop against a dead database), and once it is back every
 * package is handed over and acknowledged; only a package in a handler's hands when the database went away may be
 * handed over again (its "handled" mark could not be written), at most one per node.
 */
class ReceiveLoopDatabaseDownTest {
    @RegisterExtension
    static final Postgres PG = new Postgres();
    private static final int DOCUMENTS = 150;
    private static final int NODES = 3;

    @Test
    void threeLoopsBackOffWhileTheDatabaseIsDownAndThenHandEverythingOverOnce() throws Exception {
        JdbcTables tables = new JdbcTables("down_");
        JdbcSchema.install(PG.dataSource(), tables);
        ClaimTestAxis axis = new ClaimTestAxis().offer(DOCUMENTS);
        OutageDataSource db = new OutageDataSource(PG.dataSource());
        Map<String, List<String>> handedTo = new ConcurrentHashMap<>();
        List<AutoCloseable> running = new ArrayList<>();
        List<JdbcReceiveCoordinator> coordinators = new CopyOnWriteArrayList<>();
        try {
            for (int n = 0; n < NODES; n++) {
                String node = "node-" + n;
                JdbcReceiveCoordinator claims = JdbcReceiveCoordinator.open(db, tables, node, Duration.ofSeconds(5));
                coordinators.add(claims);
                ReceiveLoop loop = ReceiveLoop.builder(axis, JdbcCheckpointStore.builder(db).tables(tables).build(),
                        pkg -> {
                            handedTo.computeIfAbsent(pkg.docId(), k -> new CopyOnWriteArrayList<>()).add(node);
                            Thread.sleep(2);
                        }).coordinator(claims).interval(Duration.ofMillis(50)).maxBackoff(Duration.ofMillis(500))
                        .maxAttempts(0).build();
                running.add(loop);
                running.add(claims);
                loop.start();
            }
            await(() -> handedTo.size() >= 30, "the loops started handing packages over");

            db.mode(OutageDataSource.Mode.REFUSE);
            int before = handedTo.size();
            ReceiveCoordinatorException claimFailed = assertThrows(ReceiveCoordinatorException.class,
                    () -> coordinators.get(0).claim(MessageType.EDOC, 1));
            assertTrue(claimFailed.retryable(), claimFailed.getMessage());
            CheckpointStoreException markFailed = assertThrows(CheckpointStoreException.class,
                    () -> JdbcCheckpointStore.builder(db).tables(tables).build().markAttempt("probe"));
            assertTrue(markFailed.retryable(), markFailed.getMessage());
            Thread.sleep(2_000);
            db.mode(OutageDataSource.Mode.BREAK);
            Thread.sleep(1_000);
            int during = handedTo.size() - before;
            int refused = db.refused();
            assertTrue(during <= NODES, "while the database was down, at most the packages already in hand were"
                    + " handed over, one per node: " + during);
            assertTrue(refused > 0, "the loops kept trying");
            assertTrue(refused < 200, "the loops backed off rather than spinning: " + refused + " refused connections in 2 s");

            db.mode(OutageDataSource.Mode.UP);
            await(() -> axis.countReceived(MessageType.EDOC) == 0, "every package acknowledged after the outage");
        } finally {
            for (AutoCloseable c : running) {
                c.close();
            }
        }
        assertEquals(DOCUMENTS, handedTo.size(), "nothing lost");
        assertEquals(DOCUMENTS, new HashSet<>(axis.acks).size(), "each package acknowledged");
        long again = handedTo.values().stream().filter(to -> to.size() > 1).count();
        assertTrue(again <= NODES, "only packages in hand when the database went away are handed over again: "
                + again);
    }

    /** The SDK's and the pool's threads with their stacks, to show where a loop hangs. */
    private static String threads() {
        StringBuilder out = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (t.getName().startsWith("egov") || t.getName().contains("Hikari")) {
                out.append(t.getName()).append(' ').append(t.getState()).append('\n');
                for (StackTraceElement e : stack) {
                    out.append("    at ").append(e).append('\n');
                }
            }
        });
        return out.toString();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, () -> "timed out waiting: " + what + "; threads:\n" + threads());
            Thread.sleep(20);
        }
    }
}
