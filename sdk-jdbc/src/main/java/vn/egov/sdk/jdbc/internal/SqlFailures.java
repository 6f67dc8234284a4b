package vn.egov.sdk.jdbc.internal;

import java.sql.SQLException;

/** Whether a failed statement may succeed when tried again, from its SQLState. */
public final class SqlFailures {
    private SqlFailures() {
    }

    /**
     * Whether the same call may succeed later: connection failures (class 08), serialisation failures and
     * deadlocks (40001, 40P01), an operator or crash shutdown (57P0x) and insufficient resources (class 53).
     *
     * @param e the failure (its chain of next exceptions is not consulted)
     * @return true when retryable
     */
    public static boolean retryable(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            return false;
        }
        return state.startsWith("08") || state.equals("40001") || state.equals("40P01") || state.startsWith("57P0")
                || state.startsWith("53");
    }

    /**
     * A short description for a message: the SQLState and the driver's text (which names no credentials).
     *
     * @param e the failure
     * @return the description
     */
    public static String describe(SQLException e) {
        return "SQLState " + e.getSQLState() + ": " + e.getMessage();
    }
}
