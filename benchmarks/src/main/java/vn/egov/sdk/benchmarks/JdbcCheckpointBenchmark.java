package vn.egov.sdk.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import vn.egov.sdk.jdbc.JdbcCheckpointStore;

/**
 * The receive loop's checkpoint per document on PostgreSQL ({@code JdbcCheckpointStore}) beside raw JDBC writing the
 * same rows, on the same database, through the same pool, in the same run (one PostgreSQL per fork:
 * {@link BenchPostgres}). One thread; every invocation takes a fresh docId, so every document is new.
 *
 * <ul>
 *   <li>{@code sdkDocument}: what the loop writes for a document handed over and acknowledged:
 *       {@code markAttempt}, {@code markHandled}, {@code markDone}; three marks, each its own committed write.</li>
 *   <li>{@code rawDocument}: the same three writes done by hand on {@code raw_checkpoint}, a copy of the
 *       checkpoint table ({@code LIKE … INCLUDING ALL}: same columns, primary key, checks and index): an
 *       {@code INSERT} of the row as {@code IN_PROGRESS}, then two {@code UPDATE … WHERE doc_id = ?} to
 *       {@code HANDLED} and {@code DONE}; each statement on a connection taken from the pool and given back,
 *       auto-committed (the server commits at the statement's end: one round trip, one commit).</li>
 *   <li>{@code rawInsert}: one auto-committed {@code INSERT} of the document's final row ({@code DONE}): the least
 *       any store can do to record a document, and the cost of one committed single-row write.</li>
 * </ul>
 *
 * {@code sdkDocument ÷ rawDocument} compares like with like per document (three committed writes each);
 * {@code 3 × sdkDocument ÷ rawInsert} is the per-statement view (one mark against one insert + commit), and
 * {@code sdkDocument ÷ rawInsert} what the checkpoint's three writes cost a document against writing it once.
 *
 * <p>{@code interleaved} does all three in every invocation, in an order that rotates, and adds each one's time
 * (wall clock, {@code System.nanoTime}) to its own counter ({@code sdkDocumentNanos}, {@code rawDocumentNanos},
 * {@code rawInsertNanos}, with {@code documents} the invocations): on a machine whose load moves, the three see the
 * same load, so the ratios of the counters are steadier than the ratios of the three separate scores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class JdbcCheckpointBenchmark {
    private static final String RAW_TABLE = "raw_checkpoint";

    private DataSource pool;
    private JdbcCheckpointStore store;
    private String run;
    private long next;

    /**
     * Makes the store and the raw table.
     *
     * @param pg the fork's database
     * @throws SQLException when the raw table cannot be created
     */
    @Setup(Level.Trial)
    public void prepare(BenchPostgres pg) throws SQLException {
        pool = pg.pool();
        store = JdbcCheckpointStore.builder(pool).build();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + RAW_TABLE + " (LIKE egov_axis_checkpoint INCLUDING ALL)");
        }
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    /** The checkpoint of one document, as the receive loop writes it. */
    @Benchmark
    public void sdkDocument() {
        String docId = nextDocId();
        store.markAttempt(docId);
        store.markHandled(docId);
        store.markDone(docId);
    }

    /**
     * The same three committed writes by hand.
     *
     * @throws SQLException when the database fails (the run stops)
     */
    @Benchmark
    public void rawDocument() throws SQLException {
        String docId = nextDocId();
        insert(docId, "IN_PROGRESS", 1);
        update(docId, "HANDLED");
        update(docId, "DONE");
    }

    /**
     * One committed insert of the document's final row.
     *
     * @throws SQLException when the database fails (the run stops)
     */
    @Benchmark
    public void rawInsert() throws SQLException {
        insert(nextDocId(), "DONE", 1);
    }

    /**
     * The three paths in turn, each timed into its counter.
     *
     * @param times the counters
     * @throws SQLException when the database fails (the run stops)
     */
    @Benchmark
    public void interleaved(Times times) throws SQLException {
        long turn = times.documents++ % 3;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            switch ((int) ((turn + i) % 3)) {
                case 0 -> {
                    sdkDocument();
                    times.sdkDocumentNanos += System.nanoTime() - start;
                }
                case 1 -> {
                    rawDocument();
                    times.rawDocumentNanos += System.nanoTime() - start;
                }
                default -> {
                    rawInsert();
                    times.rawInsertNanos += System.nanoTime() - start;
                }
            }
        }
    }

    /** The times of {@code interleaved}, per iteration (JMH sums them; divide by {@code documents}). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Times {
        /** Time spent in the SDK's three marks. */
        public long sdkDocumentNanos;
        /** Time spent in the three raw writes. */
        public long rawDocumentNanos;
        /** Time spent in the raw insert. */
        public long rawInsertNanos;
        /** Invocations: documents written by each path. */
        public long documents;

        /** Starts every iteration from zero. */
        @Setup(Level.Iteration)
        public void reset() {
            sdkDocumentNanos = 0;
            rawDocumentNanos = 0;
            rawInsertNanos = 0;
            documents = 0;
        }
    }

    private String nextDocId() {
        return "bench-" + run + "-" + next++;
    }

    private void insert(String docId, String state, int attempts) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement p = c.prepareStatement("INSERT INTO " + RAW_TABLE
                + " (doc_id, state, attempts, last_error, updated_at) VALUES (?, ?, ?, ?, ?)")) {
            p.setString(1, docId);
            p.setString(2, state);
            p.setInt(3, attempts);
            p.setString(4, "");
            p.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
            p.executeUpdate();
        }
    }

    private void update(String docId, String state) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement p = c.prepareStatement("UPDATE " + RAW_TABLE
                + " SET state = ?, updated_at = ? WHERE doc_id = ?")) {
            p.setString(1, state);
            p.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            p.setString(3, docId);
            if (p.executeUpdate() != 1) {
                throw new SQLException("no row " + docId + " in " + RAW_TABLE);
            }
        }
    }
}
