package vn.egov.sdk.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.sdk.axis.MessageType;
import vn.egov.sdk.axis.PackageHandler;
import vn.egov.sdk.axis.ReceiveCoordinator;
import vn.egov.sdk.axis.ReceiveCoordinatorException;
import vn.egov.sdk.axis.ReceivedItem;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.jdbc.internal.AdvisoryLock;
import vn.egov.sdk.jdbc.internal.ClaimRows;
import vn.egov.sdk.jdbc.internal.FinishedClaims;
import vn.egov.sdk.jdbc.internal.Leases;
import vn.egov.sdk.jdbc.internal.SqlFailures;
import vn.egov.sdk.jdbc.internal.TransactionalHandlerAdapter;

/**
 * A {@link ReceiveCoordinator} on PostgreSQL: the receive loops of several nodes share one axis inbox through the
 * table {@code <prefix>receive_claims} (script {@code V6__receive_claims.sql}).
 *
 * <pre>{@code
 * JdbcReceiveCoordinator claims = JdbcReceiveCoordinator.open(dataSource, JdbcTables.defaults(), "node-a",
 *         Duration.ofSeconds(60));
 * JdbcCheckpointStore checkpoints = JdbcCheckpointStore.builder(dataSource).build();
 * ReceiveLoop loop = ReceiveLoop.builder(axis, checkpoints,
 *                 claims.transactional(checkpoints, (pkg, tx) -> inbox.save(pkg, tx)))
 *         .coordinator(claims)
 *         .build();
 * }</pre>
 *
 * <ul>
 *   <li><b>Listing:</b> only the node holding a session-level {@code pg_try_advisory_lock} (keyed by the table
 *       name) lists the axis; it keeps one connection for it, so when that node dies its connection and lock go
 *       and another node takes over at its next poll.</li>
 *   <li><b>Claiming:</b> an open row whose lease is absent or ran out is claimed with
 *       {@code SELECT … FOR UPDATE SKIP LOCKED}, which gives it a lease until {@code now + lease} (the database's
 *       clock, so nodes' clocks do not matter) and a new {@code lease_token}. A background heartbeat (every third
 *       of the lease) extends the leases of the packages in hand; a node that dies stops extending, and its
 *       packages can be claimed again once their leases run out.</li>
 *   <li><b>Retention:</b> the listing node deletes claims finished longer ago than the retention (7 days by
 *       default) at most once an hour; {@link #prune(Duration)} does it on demand.</li>
 *   <li><b>One live node at a time:</b> a release, heartbeat or transactional commit only acts while the row
 *       still has this node's {@code lease_token}, so a node whose lease was taken over cannot settle the package
 *       the other node now holds.</li>
 * </ul>
 * Give every node's loop a {@link JdbcCheckpointStore} on the same database, so a package handled on one node and
 * acknowledged by another is not handed over again, and a {@link #transactional(JdbcCheckpointStore,
 * TransactionalPackageHandler) transactional} handler for an exactly-once effect. Close the coordinator after the
 * loop.
 */
public final class JdbcReceiveCoordinator implements ReceiveCoordinator, AutoCloseable {
    /** How long finished claims are kept by default: 7 days. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
    private static final Logger LOG = LoggerFactory.getLogger("vn.egov.sdk.jdbc.receive");
    private static final long PRUNE_EVERY_NANOS = Duration.ofHours(1).toNanos();

    private final DataSource dataSource;
    private final JdbcTables tables;
    private final String table;
    private final String node;
    private final long leaseMillis;
    private final Duration retention;
    private volatile long nextPrune = System.nanoTime();
    private final Map<String, Long> inHand = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeats;
    private final AdvisoryLock listingLock;
    private volatile long lastBeat = System.nanoTime();

    private JdbcReceiveCoordinator(DataSource dataSource, JdbcTables tables, String node, Duration lease,
            Duration retention) {
        this.dataSource = dataSource;
        this.retention = retention;
        this.tables = tables;
        this.table = tables.table("receive_claims");
        this.node = node;
        this.leaseMillis = lease.toMillis();
        this.listingLock = new AdvisoryLock(dataSource, table, LOG, "node " + node + ", listing the axis for " + table
                + ",");
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "egov-receive-heartbeat");
            t.setDaemon(true);
            return t;
        });
        ex.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.heartbeats = ex;
    }

    /**
     * A coordinator for one node, with its background heartbeat running, keeping finished claims for
     * {@link #DEFAULT_RETENTION}.
     *
     * @param dataSource the database the nodes share (with {@code V6__receive_claims.sql} applied)
     * @param tables the table names
     * @param node this node's name, unique among live nodes (1 to 200 characters; shown in the table)
     * @param lease how long a claim lasts without a heartbeat (at least 1 s); a dead node's packages wait this
     *        long before another node takes them
     * @return the coordinator
     * @throws ValidationException naming the argument that is missing or out of range
     */
    public static JdbcReceiveCoordinator open(DataSource dataSource, JdbcTables tables, String node,
            Duration lease) {
        return open(dataSource, tables, node, lease, DEFAULT_RETENTION);
    }

    /**
     * A coordinator for one node, with its background heartbeat running.
     *
     * @param dataSource the database the nodes share (with {@code V6__receive_claims.sql} applied)
     * @param tables the table names
     * @param node this node's name, unique among live nodes (1 to 200 characters; shown in the table)
     * @param lease how long a claim lasts without a heartbeat (at least 1 s); a dead node's packages wait this
     *        long before another node takes them
     * @param retention how long a finished claim (who handled a package, when) is kept before the listing node
     *        deletes it (at least 1 hour); keep the checkpoints at least as long
     * @return the coordinator
     * @throws ValidationException naming the argument that is missing or out of range
     */
    public static JdbcReceiveCoordinator open(DataSource dataSource, JdbcTables tables, String node,
            Duration lease, Duration retention) {
        ValidationException.requireNonNull(dataSource, "dataSource");
        ValidationException.requireNonNull(tables, "tables");
        if (node == null || node.isBlank() || node.length() > 200) {
            throw ValidationException.of("jdbc.receive.node.invalid", "node", "give a node name of 1 to 200 characters");
        }
        if (lease == null || lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw ValidationException.of("jdbc.receive.lease.invalid", "lease", "give a lease of at least 1 s");
        }
        if (retention == null || retention.compareTo(Duration.ofHours(1)) < 0) {
            throw ValidationException.of("jdbc.receive.retention.invalid", "retention",
                    "give a retention of at least 1 hour");
        }
        JdbcReceiveCoordinator c = new JdbcReceiveCoordinator(dataSource, tables, node, lease, retention);
        long every = Math.max(100, c.leaseMillis / 3);
        c.heartbeats.scheduleWithFixedDelay(c::backgroundHeartbeat, every, every, TimeUnit.MILLISECONDS);
        return c;
    }

    /**
     * This node's name.
     *
     * @return the name given to {@link #open}
     */
    public String node() {
        return node;
    }

    /**
     * Wraps a transactional handler for a {@link vn.egov.sdk.axis.ReceiveLoop} using this coordinator, recording
     * the checkpoints in {@code <prefix>axis_checkpoint} of this coordinator's tables: the same as
     * {@link #transactional(JdbcCheckpointStore, TransactionalPackageHandler)} with
     * {@code JdbcCheckpointStore.builder(dataSource).tables(tables).build()}, which is the store to give the loop.
     *
     * @param handler the vendor's handler
     * @return the handler to give the loop
     * @throws ValidationException naming {@code handler} when it is null
     */
    public PackageHandler transactional(TransactionalPackageHandler handler) {
        return transactional(JdbcCheckpointStore.builder(dataSource).tables(tables).build(), handler);
    }

    /**
     * Wraps a transactional handler for a {@link vn.egov.sdk.axis.ReceiveLoop} using this coordinator and
     * {@code checkpoints}: each package's handler runs in one transaction on this coordinator's database that
     * locks the package's claim row, checks that this node still holds it, moves the package's checkpoint to
     * {@link vn.egov.sdk.axis.CheckpointState#HANDLED} and records this node in {@code handled_by}; the vendor's
     * writes and "processed" commit together or not at all. A package whose checkpoint is already {@code HANDLED}
     * or {@code DONE} (its transaction committed, on any node) is not given to the handler again: the loop just
     * acknowledges it.
     *
     * <pre>{@code
     * JdbcCheckpointStore checkpoints = JdbcCheckpointStore.builder(dataSource).tables(tables).build();
     * ReceiveLoop loop = ReceiveLoop.builder(axis, checkpoints,
     *                 claims.transactional(checkpoints, (pkg, tx) -> inbox.save(pkg, tx)))
     *         .coordinator(claims)
     *         .build();
     * }</pre>
     *
     * <p>Give the loop the same {@code checkpoints}, and keep its table on this coordinator's database (one
     * transaction writes both). The returned handler throws what the vendor's handler throws, unchanged (the
     * transaction is rolled back); a failure of the database, or a claim this node no longer holds, is a
     * {@link ReceiveCoordinatorException} ({@linkplain ReceiveCoordinatorException#retryable() retryable} when
     * trying later may succeed).
     *
     * @param checkpoints the loop's checkpoint store, on this coordinator's database
     * @param handler the vendor's handler
     * @return the handler to give the loop
     * @throws ValidationException naming {@code checkpoints} or {@code handler} when it is null
     */
    public PackageHandler transactional(JdbcCheckpointStore checkpoints, TransactionalPackageHandler handler) {
        ValidationException.requireNonNull(checkpoints, "checkpoints");
        ValidationException.requireNonNull(handler, "handler");
        return new TransactionalHandlerAdapter(dataSource, checkpoints.rows(), checkpoints.clock(),
                new ClaimRows(table, node, this::leaseToken), handler,
                (message, retryable, cause) -> new ReceiveCoordinatorException(message, retryable, cause));
    }

    /**
     * The lease token of a package this node holds.
     *
     * @param docId the package
     * @return its token, or empty when this node does not hold it
     */
    public Optional<Long> leaseToken(String docId) {
        return Optional.ofNullable(docId == null ? null : inHand.get(docId));
    }

    @Override
    public boolean tryLead() {
        try {
            return listingLock.tryHold();
        } catch (SQLException e) {
            throw failure("could not take the listing lock", e);
        }
    }

    @Override
    public void offer(MessageType type, List<ReceivedItem> listed) {
        if (listed.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO " + table + " (doc_id, message_type, listed_status) VALUES (?, ?, ?)"
                + " ON CONFLICT (doc_id) DO NOTHING";
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            c.setAutoCommit(true);
            for (ReceivedItem item : listed) {
                p.setString(1, item.docId());
                p.setString(2, type.wire());
                p.setString(3, item.status());
                p.addBatch();
            }
            p.executeBatch();
        } catch (SQLException e) {
            throw failure("could not offer listed packages", e);
        }
        long now = System.nanoTime();
        if (now - nextPrune >= 0) { // the listing node prunes, at most once an hour
            nextPrune = now + PRUNE_EVERY_NANOS;
            prune(retention);
        }
    }

    /**
     * Deletes the claims finished longer ago than {@code keep} (by the database's clock), in batches of 1,000. The
     * node that lists the axis runs it with the coordinator's retention at most once an hour; open claims are never
     * deleted.
     *
     * @param keep how long a finished claim is kept; zero or more
     * @return how many claims were deleted
     * @throws ValidationException naming {@code keep} when it is null or negative
     * @throws ReceiveCoordinatorException when the database cannot be written
     */
    public int prune(Duration keep) {
        if (keep == null || keep.isNegative()) {
            throw ValidationException.of("jdbc.receive.keep.invalid", "keep", "give a duration of zero or more");
        }
        try {
            return FinishedClaims.delete(dataSource, table, keep);
        } catch (SQLException e) {
            throw failure("could not delete finished claims", e);
        }
    }

    /**
     * Claims up to {@code max} open packages, oldest offered first. The order is the partial index's
     * ({@code message_type, offered_at} where open) and nothing more, so PostgreSQL reads the first rows of the index
     * whatever its statistics say: ordering by a column the index lacks made it sort every open row of the type on
     * each claim while the statistics were stale (about 40 ms per claim with 30,000 open rows, docs/PERFORMANCE.md).
     */
    @Override
    public List<ReceivedItem> claim(MessageType type, int max) {
        if (max <= 0) {
            throw ValidationException.of("jdbc.receive.max.invalid", "max", "claim at least one package");
        }
        String sql = "UPDATE " + table + " c SET claimed_by = ?, lease_token = c.lease_token + 1,"
                + " lease_until = clock_timestamp() + ? * INTERVAL '1 millisecond', handed_over = c.handed_over + 1"
                + " FROM (SELECT doc_id FROM " + table + " WHERE message_type = ? AND state = 'open'"
                + " AND (lease_until IS NULL OR lease_until < clock_timestamp()) ORDER BY offered_at"
                + " LIMIT ? FOR UPDATE SKIP LOCKED) p WHERE c.doc_id = p.doc_id"
                + " RETURNING c.doc_id, c.listed_status, c.lease_token";
        List<ReceivedItem> got = new ArrayList<>();
        Map<String, Long> tokens = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            c.setAutoCommit(true);
            p.setString(1, node);
            p.setLong(2, leaseMillis);
            p.setString(3, type.wire());
            p.setInt(4, max);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String docId = rs.getString(1);
                    tokens.put(docId, rs.getLong(3));
                    got.add(new ReceivedItem(docId, type, null, null, rs.getString(2), null, Optional.empty()));
                }
            }
        } catch (SQLException e) {
            // nothing taken in hand: rows the database did claim wait for their lease to run out, unextended
            throw failure("could not claim packages", e);
        }
        inHand.putAll(tokens); // only what the caller gets, so all of it is released by the caller
        return got;
    }

    /**
     * Extends the leases of the packages in hand; called before each package and by the background heartbeat, it
     * goes to the database at most every third of the lease. A package whose row a running transactional handler
     * has locked is skipped in that beat, not waited for (a wait would let the node's other leases run out), and
     * stays in hand while its committed lease token is this node's.
     */
    @Override
    public void heartbeat() {
        long now = System.nanoTime();
        if (inHand.isEmpty() || now - lastBeat < leaseMillis * 1_000_000L / 3) {
            return;
        }
        Map<String, Long> held = Map.copyOf(inHand);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            Set<String> kept = Leases.extend(c, table, held, leaseMillis);
            lastBeat = now;
            held.forEach((docId, token) -> {
                if (!kept.contains(docId) && inHand.remove(docId, token)) {
                    LOG.warn("node {} lost its claim on package {} (another node holds it now)", node, docId);
                }
            });
        } catch (SQLException e) {
            throw failure("could not extend leases", e);
        }
    }

    @Override
    public boolean holds(String docId) {
        return docId != null && inHand.containsKey(docId);
    }

    @Override
    public void release(String docId, boolean finished) {
        Long token = docId == null ? null : inHand.remove(docId);
        if (token == null) {
            return;
        }
        String sql = "UPDATE " + table + " SET claimed_by = NULL, lease_until = NULL,"
                + " state = CASE WHEN ? THEN 'finished' ELSE state END,"
                + " finished_at = CASE WHEN ? THEN clock_timestamp() ELSE finished_at END"
                + " WHERE doc_id = ? AND lease_token = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            c.setAutoCommit(true);
            p.setBoolean(1, finished);
            p.setBoolean(2, finished);
            p.setString(3, docId);
            p.setLong(4, token);
            if (p.executeUpdate() == 0) {
                LOG.warn("node {} released package {} after another node took it over", node, docId);
            }
        } catch (SQLException e) {
            throw failure("could not release package " + docId, e);
        }
    }

    /** Stops the heartbeat and gives the listing lock up. Packages still in hand wait for their leases to run out. */
    @Override
    public void close() {
        heartbeats.shutdownNow();
        listingLock.release();
    }

    private void backgroundHeartbeat() {
        try {
            heartbeat();
        } catch (RuntimeException e) { // logged; the next beat tries again, and the lease covers two misses
            LOG.warn("node {}: heartbeat failed: {}", node, e.getMessage());
        }
    }

    private ReceiveCoordinatorException failure(String what, SQLException e) {
        return new ReceiveCoordinatorException(what + " in " + table + ": " + SqlFailures.describe(e),
                SqlFailures.retryable(e), e);
    }
}
