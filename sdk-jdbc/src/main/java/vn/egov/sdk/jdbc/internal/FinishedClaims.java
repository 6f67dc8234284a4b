package vn.egov.sdk.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/** Deletes finished receive claims older than a window, in batches, so that no statement holds many row locks. */
public final class FinishedClaims {
    /** How many claims one statement deletes at most. */
    public static final int BATCH = 1000;

    private FinishedClaims() {
    }

    /**
     * Deletes the claims of {@code table} finished longer ago than {@code keep}, by the database's clock.
     *
     * @param dataSource the database
     * @param table the claims table's full name
     * @param keep how long a finished claim is kept
     * @return how many were deleted
     * @throws SQLException from the database
     */
    public static int delete(DataSource dataSource, String table, Duration keep) throws SQLException {
        String sql = "DELETE FROM " + table + " WHERE doc_id IN (SELECT doc_id FROM " + table
                + " WHERE state = 'finished' AND finished_at < clock_timestamp() - ? * INTERVAL '1 millisecond'"
                + " LIMIT " + BATCH + ")";
        int deleted = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            c.setAutoCommit(true);
            p.setLong(1, keep.toMillis());
            int batch;
            do {
                batch = p.executeUpdate();
                deleted += batch;
            } while (batch == BATCH);
        }
        return deleted;
    }
}
