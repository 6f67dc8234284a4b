package vn.egov.sdk.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import vn.egov.sdk.axis.CheckpointEntry;
import vn.egov.sdk.axis.CheckpointState;
import vn.egov.sdk.axis.CheckpointStore;
import vn.egov.sdk.axis.CheckpointStoreException;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.jdbc.internal.Sql;
import vn.egov.sdk.jdbc.internal.SqlFailures;

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
    private final Clock clock;
    private final Duration retention;
    private final AtomicReference<Instant> nextPrune;
    private final Map<CheckpointState, String> markSql = new EnumMap<>(CheckpointState.class);

    private JdbcCheckpointStore(Builder b) {
        this.dataSource = b.dataSource;
        this.table = b.tables.table("axis_checkpoint");
        this.clock = b.clock;
        this.retention = b.retention;
        this.nextPrune = new AtomicReference<>(clock.instant().plus(pruneEvery()));
        for (CheckpointState to : CheckpointState.values()) {
            markSql.put(to, upsertFor(table, to));
        }
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
        return call("read", () -> committed(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT doc_id, state, attempts, last_error, updated_at"
                    + " FROM " + table + " WHERE doc_id = ?")) {
                p.setString(1, docId);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(entry(rs)) : Optional.<CheckpointEntry>empty();
                }
            }
        }));
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
        nextPrune.set(now.plus(pruneEvery()));
        return call("prune", () -> Sql.inTransaction(dataSource, c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table + " WHERE updated_at < ?")) {
                Sql.setTime(p, 1, now.minus(retention));
                return p.executeUpdate();
            }
        }));
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
        boolean counts = to == CheckpointState.IN_PROGRESS || to == CheckpointState.FAILED;
        boolean keepsReason = to == CheckpointState.FAILED || to == CheckpointState.GAVE_UP;
        String sql = markSql.get(to);
        Instant now = clock.instant();
        int attempts = call("write", () -> committed(c -> {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setString(1, docId);
                p.setString(2, to.name());
                p.setInt(3, counts ? 1 : 0);
                p.setString(4, keepsReason ? Sql.storable(reason, MAX_REASON) : "");
                Sql.setTime(p, 5, now);
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        return rs.getInt(1);
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("SELECT attempts FROM " + table + " WHERE doc_id = ?")) {
                p.setString(1, docId);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        }));
        if (!now.isBefore(nextPrune.get())) {
            prune();
        }
        return attempts;
    }

    /**
     * Runs a mark on one connection. In auto-commit the upsert is its own transaction (the read after a refused move
     * sees the same committed state that it would in a transaction at {@code READ COMMITTED}); otherwise the work is
     * committed, or rolled back on a failure.
     */
    private <T> T committed(Sql.Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (c == null) {
                throw new SQLException("the DataSource gave no connection", "08001");
            }
            if (c.getAutoCommit()) {
                return work.run(c);
            }
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException r) {
                    e.addSuppressed(r);
                }
                throw e;
            }
        }
    }

    /** The upsert of a mark moving to {@code to}, with what that move changes beyond the state and the time. */
    private static String upsertFor(String table, CheckpointState to) {
        String extraSet = switch (to) {
            case IN_PROGRESS -> "attempts = " + plusOne("t.attempts");
            case FAILED -> "attempts = CASE WHEN t.state = 'IN_PROGRESS' THEN t.attempts ELSE " + plusOne("t.attempts")
                    + " END, last_error = EXCLUDED.last_error";
            case GAVE_UP -> "last_error = EXCLUDED.last_error";
            default -> null;
        };
        return "INSERT INTO " + table + " AS t (doc_id, state, attempts, last_error, updated_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (doc_id) DO UPDATE SET state = EXCLUDED.state,"
                + " updated_at = EXCLUDED.updated_at" + (extraSet == null ? "" : ", " + extraSet)
                + " WHERE t.state IN (" + allowedBefore(to) + ") RETURNING attempts";
    }

    private static String allowedBefore(CheckpointState to) {
        return Arrays.stream(CheckpointState.values()).filter(s -> s.canMoveTo(to))
                .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
    }

    private static String plusOne(String column) {
        return "CASE WHEN " + column + " = 2147483647 THEN " + column + " ELSE " + column + " + 1 END";
    }

    private static CheckpointEntry entry(ResultSet rs) throws SQLException {
        return new CheckpointEntry(rs.getString("doc_id"), CheckpointState.valueOf(rs.getString("state")),
                rs.getInt("attempts"), rs.getString("last_error"), Sql.time(rs, "updated_at"));
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
            if (value == null || value.isNegative() || value.isZero()) {
                throw ValidationException.of("checkpoint.retention.invalid", "retention",
                        "the retention window must be positive");
            }
            this.retention = value;
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
