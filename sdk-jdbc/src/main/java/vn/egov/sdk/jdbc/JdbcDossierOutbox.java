package vn.egov.sdk.jdbc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import vn.egov.sdk.core.ValidationException;
import vn.egov.sdk.dossier.DossierOutbox;
import vn.egov.sdk.dossier.OutboxEntry;
import vn.egov.sdk.dossier.OutboxItem;
import vn.egov.sdk.dossier.OutboxKind;
import vn.egov.sdk.dossier.OutboxState;
import vn.egov.sdk.dossier.OutboxStoreException;
import vn.egov.sdk.jdbc.internal.PruneSchedule;
import vn.egov.sdk.jdbc.internal.Sql;
import vn.egov.sdk.jdbc.internal.SqlFailures;
import vn.egov.sdk.jdbc.internal.StoreSettings;

/**
 * A {@link DossierOutbox} in the table {@code <prefix>dossier_outbox} (script {@code V2__dossier_outbox.sql}): the
 * sequence is an identity column, the item's key a unique column ({@code INSERT … ON CONFLICT DO NOTHING}), an
 * {@link #enqueue} runs in one transaction and every mark is one {@code UPDATE … WHERE sequence = ANY(?)} that
 * skips final entries, so a call applies to all its entries or none. Times come from the injected clock and are kept
 * to the microsecond, within the years 1 to 9999 (a {@code nextAttemptAt} or a {@code due} time beyond is taken as
 * the end of 9999, so any {@link Instant} may be given). A failure of the database is an {@link OutboxStoreException},
 * {@linkplain OutboxStoreException#retryable() retryable} when the connection was lost, the server is restarting
 * or a transaction was a deadlock victim.
 *
 * <pre>{@code
 * JdbcDossierOutbox outbox = JdbcDossierOutbox.builder(dataSource).build();
 * }</pre>
 *
 * {@link #inTransaction(Connection)} records in the vendor's own transaction instead; nodes sharing the table
 * drain it one at a time with a {@link JdbcDrainLeadership}.
 */
public final class JdbcDossierOutbox implements DossierOutbox {
    private static final String COLUMNS = "sequence, item_key, kind, ma_ho_so, payload, state, attempts, last_error,"
            + " next_attempt_at, enqueued_at, updated_at";
    private static final String NOT_FINAL = "state IN ('PENDING', 'SENDING', 'FAILED')";
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final DataSource dataSource;
    private final String table;
    private final Clock clock;
    private final Duration retention;
    /** The caller's transaction of a view from {@link #inTransaction}; null: one transaction per call. */
    private final Connection tx;
    private final PruneSchedule pruning;

    private JdbcDossierOutbox(Builder b) {
        this.dataSource = b.dataSource;
        this.table = b.tables.table("dossier_outbox");
        this.clock = b.clock;
        this.retention = b.retention;
        this.tx = null;
        this.pruning = new PruneSchedule(clock.instant().plus(PRUNE_EVERY), PRUNE_EVERY);
    }

    private JdbcDossierOutbox(JdbcDossierOutbox base, Connection tx) {
        this.dataSource = base.dataSource;
        this.table = base.table;
        this.clock = base.clock;
        this.retention = base.retention;
        this.tx = tx;
        this.pruning = base.pruning;
    }

    /**
     * This outbox seen through the vendor's own transaction: what is recorded through the view is written with
     * {@code tx} and becomes visible (and drained) only when the vendor commits it, so the vendor's own change and
     * the push to the portal are committed together, or rolled back together.
     *
     * <pre>{@code
     * try (Connection tx = dataSource.getConnection()) {
     *     tx.setAutoCommit(false);
     *     updateOwnDossierRow(tx);
     *     sync.recordIn(outbox.inTransaction(tx)).record(dossier);
     *     tx.commit();
     * }
     * }</pre>
     *
     * The view never commits, rolls back or closes {@code tx}; it refuses a connection in auto-commit mode (there
     * would be no transaction to join). A failure of a statement is an {@link OutboxStoreException}, after which
     * PostgreSQL has aborted the transaction: roll it back. Entries of one dossier are drained in the order of their
     * sequences, which are taken when they are recorded: transactions that record for the same dossier should be
     * serialised on the vendor's dossier row (as updating it does), so that a later change commits after an earlier
     * one. Use the view within the transaction only; drain with this outbox, not with the view.
     *
     * @param tx the vendor's open connection, not in auto-commit mode, on the database of this outbox
     * @return a view of this outbox writing in {@code tx}
     * @throws ValidationException naming {@code tx} when it is null or in auto-commit mode
     * @throws OutboxStoreException when {@code tx} cannot be asked its mode (it is closed or broken)
     */
    public DossierOutbox inTransaction(Connection tx) {
        ValidationException.requireNonNull(tx, "tx");
        call("join the caller's transaction for", () -> requireTransaction(tx));
        return new JdbcDossierOutbox(this, tx);
    }

    /**
     * Starts an outbox on the vendor's database.
     *
     * @param dataSource the vendor's database, where {@code V2__dossier_outbox.sql} was run
     * @return a builder
     * @throws ValidationException naming {@code dataSource} when it is null
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(ValidationException.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public List<OutboxEntry> enqueue(List<OutboxItem> items) {
        requireElements(items, "items");
        if (items.isEmpty()) {
            return List.of();
        }
        Instant now = Sql.clamp(clock.instant());
        String insert = "INSERT INTO " + table + " (item_key, kind, ma_ho_so, payload, state, attempts, last_error,"
                + " next_attempt_at, enqueued_at, updated_at) VALUES (?, ?, ?, ?, 'PENDING', 0, '', ?, ?, ?)"
                + " ON CONFLICT (item_key) DO NOTHING RETURNING " + COLUMNS;
        String held = "SELECT " + COLUMNS + " FROM " + table + " WHERE item_key = ?";
        return call("record entries in", () -> inTx(c -> {
            List<OutboxEntry> out = new ArrayList<>(items.size());
            try (PreparedStatement ins = c.prepareStatement(insert); PreparedStatement sel = c.prepareStatement(held)) {
                for (OutboxItem item : items) {
                    ins.setString(1, item.key());
                    ins.setString(2, item.kind().name());
                    ins.setString(3, item.maHoSo());
                    ins.setString(4, item.payload());
                    Sql.setTime(ins, 5, now);
                    Sql.setTime(ins, 6, now);
                    Sql.setTime(ins, 7, now);
                    Optional<OutboxEntry> added = one(ins);
                    if (added.isPresent()) {
                        out.add(added.get());
                    } else {
                        sel.setString(1, item.key());
                        out.add(one(sel).orElseThrow(() -> new SQLException("entry of a held key vanished",
                                "40001")));
                    }
                }
            }
            return out;
        }));
    }

    @Override
    public List<OutboxEntry> due(int max, Instant now) {
        if (max < 1) {
            throw ValidationException.of("outbox.max.notPositive", "max", "ask for at least 1 entry");
        }
        ValidationException.requireNonNull(now, "now");
        String sql = "SELECT " + COLUMNS + " FROM " + table + " WHERE state IN ('PENDING', 'SENDING')"
                + " OR (state = 'FAILED' AND next_attempt_at <= ?) ORDER BY sequence LIMIT ?";
        return call("read", () -> inTx(c -> {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                Sql.setTime(p, 1, now);
                p.setInt(2, max);
                return all(p);
            }
        }));
    }

    @Override
    public Optional<OutboxEntry> find(long sequence) {
        return call("read", () -> inTx(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table
                    + " WHERE sequence = ?")) {
                p.setLong(1, sequence);
                return one(p);
            }
        }));
    }

    @Override
    public void markSending(List<Long> sequences) {
        mark(sequences, OutboxState.SENDING, "attempts = attempts + 1", null, null);
    }

    @Override
    public void markSent(List<Long> sequences) {
        mark(sequences, OutboxState.SENT, null, null, null);
        if (tx == null && pruning.due(clock.instant())) {
            prune(); // at most hourly, on the node that drains
        }
    }

    @Override
    public void markFailed(List<Long> sequences, String reason, Instant nextAttemptAt) {
        requireElements(sequences, "sequences");
        ValidationException.requireNonNull(reason, "reason");
        ValidationException.requireNonNull(nextAttemptAt, "nextAttemptAt");
        mark(sequences, OutboxState.FAILED, "last_error = ?", reason, nextAttemptAt);
    }

    @Override
    public void markGivenUp(List<Long> sequences, String reason) {
        requireElements(sequences, "sequences");
        ValidationException.requireNonNull(reason, "reason");
        mark(sequences, OutboxState.GIVEN_UP, "last_error = ?", reason, null);
    }

    @Override
    public Map<OutboxState, Long> counts() {
        return call("count the entries in", () -> inTx(c -> {
            Map<OutboxState, Long> out = new EnumMap<>(OutboxState.class);
            for (OutboxState s : OutboxState.values()) {
                out.put(s, 0L);
            }
            try (PreparedStatement p = c.prepareStatement("SELECT state, count(*) FROM " + table
                    + " GROUP BY state"); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.put(OutboxState.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            return Map.copyOf(out);
        }));
    }

    /**
     * Deletes sent and given-up entries unchanged for longer than the retention window; {@link #markSent} runs it at
     * most once an hour (by the injected clock), so the node that drains keeps the table pruned.
     *
     * @return how many were deleted
     * @throws OutboxStoreException when the database fails
     */
    @Override
    public int prune() {
        Instant cutoff = clock.instant().minus(retention);
        return call("prune", () -> inTx(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table
                    + " WHERE state IN ('SENT', 'GIVEN_UP') AND updated_at < ?")) {
                Sql.setTime(p, 1, cutoff);
                return p.executeUpdate();
            }
        }));
    }

    @Override
    public String toString() {
        return "JdbcDossierOutbox[" + table + (tx == null ? "" : ", in the caller's transaction") + "]";
    }

    private void mark(List<Long> sequences, OutboxState to, String extraSet, String reason, Instant next) {
        requireElements(sequences, "sequences");
        if (sequences.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String sql = "UPDATE " + table + " SET state = ?, updated_at = ?, next_attempt_at = ?"
                + (extraSet == null ? "" : ", " + extraSet) + " WHERE sequence = ANY (?) AND " + NOT_FINAL;
        call("mark entries in", () -> inTx(c -> {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                int i = 1;
                p.setString(i++, to.name());
                Sql.setTime(p, i++, now);
                Sql.setTime(p, i++, next == null ? now : next);
                if (reason != null) {
                    p.setString(i++, Sql.storable(reason, Integer.MAX_VALUE));
                }
                p.setArray(i, array(c, sequences));
                return p.executeUpdate();
            }
        }));
    }

    private static Array array(Connection c, List<Long> sequences) throws SQLException {
        return c.createArrayOf("bigint", sequences.toArray(new Long[0]));
    }

    private static Optional<OutboxEntry> one(PreparedStatement p) throws SQLException {
        try (ResultSet rs = p.executeQuery()) {
            return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
        }
    }

    private static List<OutboxEntry> all(PreparedStatement p) throws SQLException {
        List<OutboxEntry> out = new ArrayList<>();
        try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.add(entry(rs));
            }
        }
        return out;
    }

    private static OutboxEntry entry(ResultSet rs) throws SQLException {
        OutboxItem item = new OutboxItem(rs.getString("item_key"), OutboxKind.valueOf(rs.getString("kind")),
                rs.getString("ma_ho_so"), rs.getString("payload"));
        return new OutboxEntry(rs.getLong("sequence"), item, OutboxState.valueOf(rs.getString("state")),
                rs.getInt("attempts"), rs.getString("last_error"), Sql.time(rs, "next_attempt_at"),
                Sql.time(rs, "enqueued_at"), Sql.time(rs, "updated_at"));
    }

    private static void requireElements(List<?> list, String field) {
        ValidationException.requireNonNull(list, field);
        for (Object o : list) {
            if (o == null) {
                throw ValidationException.of("outbox." + field + ".nullElement", field, field + " holds a null");
            }
        }
    }

    private <T> T inTx(Sql.Work<T> work) throws SQLException {
        if (tx == null) {
            return Sql.inTransaction(dataSource, work);
        }
        requireTransaction(tx);
        return work.run(tx);
    }

    private static boolean requireTransaction(Connection tx) throws SQLException {
        if (tx.getAutoCommit()) {
            throw ValidationException.of("jdbc.outbox.tx.autoCommit", "tx", "the connection is in auto-commit mode:"
                    + " call setAutoCommit(false) so that the records join the caller's transaction");
        }
        return true;
    }

    private <T> T call(String what, SqlCall<T> call) {
        try {
            return call.run();
        } catch (SQLException e) {
            throw new OutboxStoreException("cannot " + what + " the dossier outbox " + table + " ("
                    + SqlFailures.describe(e) + ")", SqlFailures.retryable(e), e);
        }
    }

    @FunctionalInterface
    private interface SqlCall<T> {
        T run() throws SQLException;
    }

    /** Configures a {@link JdbcDossierOutbox}. */
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
         * The time source of the entries' times and of pruning (default the system clock, UTC).
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
         * How long a sent or given-up entry is kept (default 30 days); its key deduplicates until then.
         *
         * @param value a positive duration
         * @return this builder
         * @throws ValidationException naming {@code retention} when it is null, zero or negative
         */
        public Builder retention(Duration value) {
            this.retention = StoreSettings.positive(value, "outbox.retention.invalid", "retention");
            return this;
        }

        /**
         * Builds the outbox; it touches the database only when used.
         *
         * @return the outbox
         */
        public JdbcDossierOutbox build() {
            return new JdbcDossierOutbox(this);
        }
    }
}
