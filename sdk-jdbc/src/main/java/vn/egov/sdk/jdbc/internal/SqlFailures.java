package vn.egov.sdk.jdbc.internal;

import java.sql.SQLException;

/** What a database error means for a caller: whether the same call may succeed later, and a safe description. */
public final class SqlFailures {
    private SqlFailures() {
    }

    /**
     * Whether repeating the call may succeed: a lost or refused connection (SQLState class 08), a serialization
     * failure or deadlock (40001, 40P01), the server shutting down or restarting (57P01 to 57P03), or it running out
     * of resources (class 53). Other errors (a missing table, a constraint) are not retryable.
     *
     * @param e the error
     * @return whether it is transient
     */
    public static boolean retryable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null && transientState(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean transientState(String state) {
        return state.startsWith("08") || state.startsWith("53") || state.equals("40001") || state.equals("40P01")
                || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }

    /**
     * The error's SQLState and class name, for a message (not the database's text, which may quote values).
     *
     * @param e the error
     * @return for example {@code SQLState 08006 (PSQLException)}
     */
    public static String describe(SQLException e) {
        return "SQLState " + (e.getSQLState() == null ? "unknown" : e.getSQLState()) + " ("
                + e.getClass().getSimpleName() + ")";
    }
}
