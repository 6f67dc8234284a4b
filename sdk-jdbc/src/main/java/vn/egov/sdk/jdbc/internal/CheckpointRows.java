package vn.egov.sdk.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import vn.egov.sdk.axis.CheckpointEntry;
import vn.egov.sdk.axis.CheckpointState;

/**
 * The SQL of the receive loop's checkpoint rows ({@code <prefix>axis_checkpoint}, script
 * {@code V1__axis_checkpoints.sql}) on a connection the caller holds, so that {@code JdbcCheckpointStore} and the
 * transactional handler write the same row the same way. A move is one {@code INSERT … ON CONFLICT DO UPDATE} whose
 * {@code WHERE} lets the existing row move only forward ({@link CheckpointState#canMoveTo}); it locks the row until
 * the caller's transaction ends, so a second move waits for the first to commit and then sees its state.
 */
public final class CheckpointRows {
    private final String table;
    private final int maxReason;
    private final Map<CheckpointState, String> moves = new EnumMap<>(CheckpointState.class);

    /**
     * The rows of one table.
     *
     * @param table the table's (possibly schema-qualified) name
     * @param maxReason the longest reason kept, in characters
     */
    public CheckpointRows(String table, int maxReason) {
        this.table = table;
        this.maxReason = maxReason;
        for (CheckpointState to : CheckpointState.values()) {
            moves.put(to, moveSql(table, to));
        }
    }

    /**
     * The table's name.
     *
     * @return the name given
     */
    public String table() {
        return table;
    }

    /**
     * Reads one row.
     *
     * @param c the connection
     * @param docId the package
     * @return its entry, or empty when there is no row
     * @throws SQLException from the database
     */
    public Optional<CheckpointEntry> find(Connection c, String docId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT doc_id, state, attempts, last_error, updated_at"
                + " FROM " + table + " WHERE doc_id = ?")) {
            p.setString(1, docId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Moves a row to {@code to}, inserting it as a first mark would leave it when there is none. An attempt
     * ({@code IN_PROGRESS}) adds one to the count, a failure adds one unless an attempt was in progress, a failure
     * or a quarantine keeps the reason.
     *
     * @param c the connection, in the caller's transaction
     * @param docId the package
     * @param to the state asked for
     * @param reason why (kept for {@code FAILED} and {@code GAVE_UP}, cut to the longest kept)
     * @param now the time recorded as {@code updated_at}
     * @return the attempt count after the move, or empty when the row's state may not move to {@code to} (the row
     *         is left as it was)
     * @throws SQLException from the database
     */
    public OptionalInt move(Connection c, String docId, CheckpointState to, String reason, Instant now)
            throws SQLException {
        boolean counts = to == CheckpointState.IN_PROGRESS || to == CheckpointState.FAILED;
        boolean keepsReason = to == CheckpointState.FAILED || to == CheckpointState.GAVE_UP;
        String sql = moves.get(to);
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, docId);
            p.setString(2, to.name());
            p.setInt(3, counts ? 1 : 0);
            p.setString(4, keepsReason ? Sql.storable(reason, maxReason) : "");
            Sql.setTime(p, 5, now);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty();
            }
        }
    }

    /**
     * A row's attempt count.
     *
     * @param c the connection
     * @param docId the package
     * @return the count, 0 when there is no row
     * @throws SQLException from the database
     */
    public int attempts(Connection c, String docId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT attempts FROM " + table + " WHERE doc_id = ?")) {
            p.setString(1, docId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /**
     * Deletes the rows unchanged since {@code before}.
     *
     * @param c the connection
     * @param before the oldest {@code updated_at} kept
     * @return how many were deleted
     * @throws SQLException from the database
     */
    public int prune(Connection c, Instant before) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table + " WHERE updated_at < ?")) {
            Sql.setTime(p, 1, before);
            return p.executeUpdate();
        }
    }

    /** The upsert moving a row to {@code to}, with what that move changes beyond the state and the time. */
    private static String moveSql(String table, CheckpointState to) {
        String extraSet = switch (to) {
            case IN_PROGRESS -> ", attempts = " + plusOne("t.attempts");
            case FAILED -> ", attempts = CASE WHEN t.state = 'IN_PROGRESS' THEN t.attempts ELSE "
                    + plusOne("t.attempts") + " END, last_error = EXCLUDED.last_error";
            case GAVE_UP -> ", last_error = EXCLUDED.last_error";
            case HANDLED, DONE -> "";
        };
        return "INSERT INTO " + table + " AS t (doc_id, state, attempts, last_error, updated_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (doc_id) DO UPDATE SET state = EXCLUDED.state,"
                + " updated_at = EXCLUDED.updated_at" + extraSet
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
}
