package vn.egov.sdk.jdbc.internal;

import java.sql.SQLException;

/** Whether a failed SQL call may succeed if repeated later, from its SQLState. */
public final class SqlFailures {
    private SqlFailures() {
    }

    /**
     * Whether the failure is transient: a lost or refused connection (class 08), a serialization failure or a
     * deadlock (40001, 40P01), an operator intervention such as a shutdown (57P0x), insufficient resources (53xxx).
     * A failure with no SQLState (a pool that timed out, a driver that could not connect) counts as transient.
     *
     * @param e the failure
     * @return true if the same call may succeed later
     */
    public static boolean retryable(SQLException e) {
        String state = e.getSQLState();
        if (state == null || state.length() < 2) {
            return true;
        }
        return state.startsWith("08") || state.equals("40001") || state.equals("40P01") || state.startsWith("57P0")
                || state.startsWith("53");
    }
}
