package vn.egov.sdk.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.ReceivedItem;
import vn.egov.sdk.jdbc.JdbcReceiveCoordinator;
import vn.egov.sdk.jdbc.JdbcTables;

/**
 * Claims on one database by 1, 2 and 4 concurrent claimers ({@code claimers1}, {@code claimers2},
 * {@code claimers4}: the same operation under {@code @Threads(1|2|4)}; do not pass {@code -t}, which would set
 * every one to the same count). Each thread is a node: its own {@code JdbcReceiveCoordinator} ({@code bench-node-<i>},
 * lease 60 s), all on one PostgreSQL ({@link BenchPostgres}) through one pool.
 *
 * <p>One operation is what the receive loop does with the table per claim: {@code claim(EDOC, batch)} (one
 * {@code UPDATE … FROM (SELECT … FOR UPDATE SKIP LOCKED)} giving the rows a lease), then {@code release(docId, true)}
 * for each package claimed (one {@code UPDATE} each, marking it finished), so every package is claimed once. The
 * loop claims 16 at a time ({@code batch = 16}); {@code batch = 1} is one package per claim. Packages per second are
 * the score times {@code batch}.
 *
 * <p>Before every iteration, outside the timing, the table is topped up to {@code openRows} open packages (one
 * {@code INSERT … SELECT generate_series}), more than an iteration consumes, so a claim never comes back short; if one
 * does, the benchmark fails rather than measure an empty table. Finished rows stay (as on a vendor's database until
 * pruned), and autovacuum runs as PostgreSQL's default configures it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class JdbcClaimBenchmark {
    private static final String TABLE = JdbcTables.defaults().table("receive_claims");

    @Param({"1", "16"})
    int batch;

    @Param("100000")
    int openRows;

    private DataSource pool;
    private long offered;

    /**
     * Takes the fork's database.
     *
     * @param pg the fork's database
     */
    @Setup(Level.Trial)
    public void prepare(BenchPostgres pg) {
        pool = pg.pool();
    }

    /**
     * Tops the table up to {@code openRows} open packages.
     *
     * @throws SQLException when the database fails
     */
    @Setup(Level.Iteration)
    public void refill() throws SQLException {
        try (Connection c = pool.getConnection()) {
            int open;
            try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM " + TABLE + " WHERE state = 'open'");
                    ResultSet rs = p.executeQuery()) {
                rs.next();
                open = rs.getInt(1);
            }
            int missing = openRows - open;
            if (missing > 0) {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO " + TABLE
                        + " (doc_id, message_type, listed_status) SELECT 'bench-' || g, ?, 'initial'"
                        + " FROM generate_series(?::bigint, ?::bigint) g")) {
                    p.setString(1, MessageType.EDOC.wire());
                    p.setLong(2, offered);
                    p.setLong(3, offered + missing - 1);
                    p.executeUpdate();
                }
                offered += missing;
            }
        }
    }

    /**
     * One claim of {@code batch} packages by one of one claimer, and their releases.
     *
     * @param node the thread's node
     * @return packages claimed
     */
    @Benchmark
    @Threads(1)
    public int claimers1(Node node) {
        return node.claimAndRelease(batch);
    }

    /**
     * One claim of {@code batch} packages by one of two concurrent claimers, and their releases.
     *
     * @param node the thread's node
     * @return packages claimed
     */
    @Benchmark
    @Threads(2)
    public int claimers2(Node node) {
        return node.claimAndRelease(batch);
    }

    /**
     * One claim of {@code batch} packages by one of four concurrent claimers, and their releases.
     *
     * @param node the thread's node
     * @return packages claimed
     */
    @Benchmark
    @Threads(4)
    public int claimers4(Node node) {
        return node.claimAndRelease(batch);
    }

    /** One node: a coordinator per benchmark thread. */
    @State(Scope.Thread)
    public static class Node {
        private JdbcReceiveCoordinator coordinator;

        /**
         * Opens the thread's coordinator.
         *
         * @param bench the benchmark (its database)
         * @param thread which thread this is
         */
        @Setup(Level.Trial)
        public void open(JdbcClaimBenchmark bench, ThreadParams thread) {
            coordinator = JdbcReceiveCoordinator.open(bench.pool, JdbcTables.defaults(),
                    "bench-node-" + thread.getThreadIndex(), Duration.ofSeconds(60));
        }

        int claimAndRelease(int batch) {
            List<ReceivedItem> claimed = coordinator.claim(MessageType.EDOC, batch);
            if (claimed.size() < batch) {
                throw new IllegalStateException("the claims table ran dry (" + claimed.size() + " of " + batch
                        + " claimed): raise -p openRows");
            }
            for (ReceivedItem item : claimed) {
                coordinator.release(item.docId(), true);
            }
            return claimed.size();
        }

        /** Stops the coordinator's heartbeat. */
        @TearDown(Level.Trial)
        public void close() {
            coordinator.close();
        }
    }
}
