package vn.egov.sdk.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** The SQL of the send outbox relay: claim due rows, mark one sent, record a failed attempt, delete old sent rows. */
public final class SendOutboxRows {
    /** One claimed row. */
    public record Claimed(UUID id, String type, byte[] payload, int attempts) {
        /** Whether an earlier attempt began, so the axis may already hold the package. */
        public boolean inFlight() {
            return attempts > 1;
        }
    }

    /** The {@code last_error} column's length. */
    private static final int MAX_ERROR = 1000;
    private final DataSource dataSource;
    private final String table;

    /**
     * @param dataSource the database
     * @param table the outbox table's full name
     */
    public SendOutboxRows(DataSource dataSource, String table) {
        this.dataSource = dataSource;
        this.table = table;
    }

    /**
     * Claims up to {@code limit} due rows in one committed statement: each becomes {@code SENDING}, its attempt
     * counted, and hidden from other relays until {@code leaseUntil}. Rows another relay is claiming are skipped.
     */
    public List<Claimed> claim(int limit, Instant now, Instant leaseUntil) throws SQLException {
        String sql = "UPDATE " + table + " SET status = 'SENDING', attempts = attempts + 1, next_attempt_at = ?"
                + " WHERE id IN (SELECT id FROM " + table + " WHERE status IN ('PENDING', 'SENDING')"
                + " AND next_attempt_at <= ? ORDER BY next_attempt_at, created_at LIMIT ? FOR UPDATE SKIP LOCKED)"
                + " RETURNING id, type, payload, attempts";
        List<Claimed> claimed = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setTimestamp(1, Timestamp.from(leaseUntil));
                p.setTimestamp(2, Timestamp.from(now));
                p.setInt(3, limit);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(new Claimed(rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3),
                                rs.getInt(4)));
                    }
                }
            }
        }
        return claimed;
    }

    /** Marks a row sent, with the axis' id of the package. */
    public void markSent(UUID id, Instant at, String axisDocId) throws SQLException {
        update("UPDATE " + table + " SET status = 'SENT', sent_at = ?, axis_doc_id = ?, last_error = NULL"
                + " WHERE id = ?", p -> {
                    p.setTimestamp(1, Timestamp.from(at));
                    p.setString(2, axisDocId);
                    p.setObject(3, id);
                });
    }

    /**
     * Records a failed attempt: retried at {@code next}, or {@code DEAD} when {@code next} is null. The error is kept
     * as {@link Sql#storable} makes it, to the column's 1,000 characters.
     */
    public void markFailed(UUID id, Instant next, String error) throws SQLException {
        String text = Sql.storable(error, MAX_ERROR);
        update("UPDATE " + table + " SET status = ?, next_attempt_at = COALESCE(?, next_attempt_at),"
                + " last_error = ? WHERE id = ? AND status <> 'SENT'", p -> {
                    p.setString(1, next == null ? "DEAD" : "SENDING");
                    p.setTimestamp(2, next == null ? null : Timestamp.from(next));
                    p.setString(3, text);
                    p.setObject(4, id);
                });
    }

    /**
     * Deletes up to {@code limit} rows sent before {@code cutoff} ({@code DEAD} rows are never deleted here).
     *
     * @return how many rows were deleted
     */
    public int deleteSentBefore(Instant cutoff, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table + " WHERE id IN (SELECT id FROM "
                    + table + " WHERE status = 'SENT' AND sent_at < ? LIMIT ?)")) {
                p.setTimestamp(1, Timestamp.from(cutoff));
                p.setInt(2, limit);
                return p.executeUpdate();
            }
        }
    }

    private interface Binder {
        void bind(PreparedStatement p) throws SQLException;
    }

    private void update(String sql, Binder binder) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement p = c.prepareStatement(sql)) {
                binder.bind(p);
                p.executeUpdate();
            }
        }
    }
}
