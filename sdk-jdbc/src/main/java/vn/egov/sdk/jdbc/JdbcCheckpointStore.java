package vn.egov.sdk.jdbc;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import javax.sql.DataSource;
import vn.egov.sdk.axis.CheckpointEntry;
import vn.egov.sdk.axis.CheckpointState;
import vn.egov.sdk.axis.CheckpointStore;
import vn.egov.sdk.axis.CheckpointStoreException;
import vn.egov.sdk.axis.PackageHandler;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.jdbc.internal.CheckpointRows;
import vn.egov.sdk.jdbc.internal.PruneSchedule;
import vn.egov.sdk.jdbc.internal.Sql;
import vn.egov.sdk.jdbc.internal.SqlFailures;
import vn.egov.sdk.jdbc.internal.StoreSettings;
import vn.egov.sdk.jdbc.internal.TransactionalHandlerAdapter;

/**
 * A {@link CheckpointStore} in the table {@code <prefix>axis_checkpoint} (script {@code V1__axis_checkpoints.sql}):
 * one row per docId, every mark one statement (an {@code INSERT … ON CONFLICT DO UPDATE} whose {@code WHERE} allows
 * only the states a mark may move from), committed when the call returns: on a connection in auto-commit (a pool's
 * default) the statement is its own transaction, one round trip, otherwise it is committed. A failure of the database is a
 * {@link CheckpointStoreException}, {@linkplain CheckpointStoreException#retryable() retryable} when the
 * connection was lost, the server is restarting or a transaction was a deadlock victim.
 *
 * <pre>{@code
 * CheckpointStore store = JdbcCheckpointStore.builder(dataSource).build();
 * }</pre>
 *
 * <p>Rows unchanged for longer than the retention window (default 30 days, measured on the injected clock) are
 * deleted by {@link #prune()}, which a mark also runs at most once an hour.
 */
public final class JdbcCheckpointStore implements CheckpointStore {
    /** Longest reason kept, in characters (as the in-memory and file stores). */
    public static final int MAX_REASON = 500;

    private final DataSource dataSource;
    private final String table;
    private final CheckpointRows rows;
    private final Clock clock;
    private final Duration retention;
    private final PruneSchedule pruning;

    private JdbcCheckpointStore(Builder b) {
        this.dataSource = b.dataSource;
        this.table = b.tables.table("axis_checkpoint");
        this.rows = new CheckpointRows(table, MAX_REASON);
        this.clock = b.clock;
        this.retention = b.retention;
        this.pruning = new PruneSchedule(clock.instant().plus(pruneEvery()), pruneEvery());
    }

    /**
     * Starts a store on the vendor's database.
     *
     * @param dataSource the vendor's database, where {@code V1__axis_checkpoints.sql} was run
     * @return a builder
     * @throws ValidationException naming {@code dataSource} when it is null
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(ValidationException.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public Optional<CheckpointEntry> find(String docId) {
        requireStorableDocId(docId);
        return call("read", () -> Sql.autoCommitted(dataSource, c -> rows.find(c, docId)));
    }

    @Override
    public int markAttempt(String docId) {
        return mark(docId, CheckpointState.IN_PROGRESS, "");
    }

    @Override
    public void markHandled(String docId) {
        mark(docId, CheckpointState.HANDLED, "");
    }

    @Override
    public void markDone(String docId) {
        mark(docId, CheckpointState.DONE, "");
    }

    @Override
    public int markFailed(String docId, String reason) {
        return mark(docId, CheckpointState.FAILED, reason);
    }

    @Override
    public void markGivenUp(String docId, String reason) {
        mark(docId, CheckpointState.GAVE_UP, reason);
    }

    /**
     * Deletes the rows unchanged for longer than the retention window.
     *
     * @return how many were deleted
     * @throws CheckpointStoreException when the database fails
     */
    @Override
    public int prune() {
        Instant now = clock.instant();
        pruning.pruned(now);
        return call("prune", () -> Sql.inTransaction(dataSource, c -> rows.prune(c, now.minus(retention))));
    }

    /**
     * Wraps the vendor's transactional handler for a {@link vn.egov.sdk.axis.ReceiveLoop} that uses this store
     * (one node, no coordinator): each package's handler runs in one transaction on this store's database that also
     * moves the package's checkpoint to {@link CheckpointState#HANDLED}, so the vendor's writes and "processed"
     * commit together or not at all. A package whose checkpoint is already {@code HANDLED} or {@code DONE} is not
     * given to the handler again: the loop acknowledges it (as it does for a package found {@code HANDLED} after a
     * crash between the commit and the ack).
     *
     * <pre>{@code
     * JdbcCheckpointStore checkpoints = JdbcCheckpointStore.builder(dataSource).build();
     * ReceiveLoop loop = ReceiveLoop.builder(axis, checkpoints,
     *         checkpoints.transactional((pkg, tx) -> inbox.save(pkg, tx))).build();
     * }</pre>
     *
     * <p>The returned handler throws what the vendor's handler throws, unchanged (the transaction is rolled back);
     * a failure of the database is a {@link CheckpointStoreException}, {@linkplain CheckpointStoreException#retryable()
     * retryable} as for the marks. With several nodes sharing the inbox use
     * {@link JdbcReceiveCoordinator#transactional(JdbcCheckpointStore, TransactionalPackageHandler)} instead.
     *
     * @param handler the vendor's handler
     * @return the handler to give the loop
     * @throws ValidationException naming {@code handler} when it is null
     */
    public PackageHandler transactional(TransactionalPackageHandler handler) {
        ValidationException.requireNonNull(handler, "handler");
        return new TransactionalHandlerAdapter(dataSource, rows, clock, null, handler,
                (message, retryable, cause) -> new CheckpointStoreException(message, retryable, cause));
    }

    /** The rows' SQL, for a coordinator's transactional handler. */
    CheckpointRows rows() {
        return rows;
    }

    /** The clock of {@code updatedAt}, for a coordinator's transactional handler. */
    Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "JdbcCheckpointStore[" + table + "]";
    }

    /**
     * One mark: an upsert that inserts the entry as a first mark would leave it, or moves the existing row when its
     * state may move to {@code to}, returning the attempt count (read again when the move was refused).
     */
    private int mark(String docId, CheckpointState to, String reason) {
        requireStorableDocId(docId);
        if (reason == null) {
            throw ValidationException.of("checkpoint.reason.missing", "reason", "give a reason (may be empty)");
        }
        Instant now = clock.instant();
        int attempts = call("write", () -> Sql.autoCommitted(dataSource, c -> {
            OptionalInt moved = rows.move(c, docId, to, reason, now);
            return moved.isPresent() ? moved.getAsInt() : rows.attempts(c, docId);
        }));
        if (pruning.due(now)) {
            prune();
        }
        return attempts;
    }

    private static void requireStorableDocId(String docId) {
        CheckpointEntry.requireDocId(docId);
        if (docId.indexOf('\0') >= 0) {
            throw ValidationException.of("checkpoint.docId.nul", "docId", "a docId cannot hold the NUL character");
        }
    }

    private Duration pruneEvery() {
        Duration hour = Duration.ofHours(1);
        return retention.compareTo(hour) < 0 ? retention : hour;
    }

    private <T> T call(String what, SqlCall<T> call) {
        try {
            return call.run();
        } catch (SQLException e) {
            throw new CheckpointStoreException("cannot " + what + " the checkpoints in " + table + " ("
                    + SqlFailures.describe(e) + ")", SqlFailures.retryable(e), e);
        }
    }

    @FunctionalInterface
    private interface SqlCall<T> {
        T run() throws SQLException;
    }

    /** Configures a {@link JdbcCheckpointStore}. */
    public static final class Builder {
        private final DataSource dataSource;
        private JdbcTables tables = JdbcTables.defaults();
        private Clock clock = Clock.systemUTC();
        private Duration retention = Duration.ofDays(30);

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * The table names (default {@link JdbcTables#defaults()}).
         *
         * @param value the tables
         * @return this builder
         * @throws ValidationException naming {@code tables} when it is null
         */
        public Builder tables(JdbcTables value) {
            this.tables = ValidationException.requireNonNull(value, "tables");
            return this;
        }

        /**
         * The time source of {@code updatedAt} and of pruning (default the system clock, UTC).
         *
         * @param value the clock
         * @return this builder
         * @throws ValidationException naming {@code clock} when it is null
         */
        public Builder clock(Clock value) {
            this.clock = ValidationException.requireNonNull(value, "clock");
            return this;
        }

        /**
         * How long an unchanged row is kept (default 30 days).
         *
         * @param value a positive duration
         * @return this builder
         * @throws ValidationException naming {@code retention} when it is null, zero or negative
         */
        public Builder retention(Duration value) {
            this.retention = StoreSettings.positive(value, "checkpoint.retention.invalid", "retention");
            return this;
        }

        /**
         * Builds the store; it touches the database only when used.
         *
         * @return the store
         */
        public JdbcCheckpointStore build() {
            return new JdbcCheckpointStore(this);
        }
    }
}
